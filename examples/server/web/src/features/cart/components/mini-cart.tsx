import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';

import { paths } from '@/config/paths';

import { useCart } from '../api/get-cart';

/**
 * MiniCart is the header's cart button: how many units the cart holds and,
 * when opened, its items and subtotal with links to the cart and checkout.
 */
export function MiniCart() {
  const cart = useCart();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    function onKey(e: KeyboardEvent) {
      if (e.key === 'Escape') setOpen(false);
    }
    function onClick(e: MouseEvent) {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    }
    document.addEventListener('keydown', onKey);
    document.addEventListener('mousedown', onClick);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('mousedown', onClick);
    };
  }, [open]);

  const count = cart.data?.item_count ?? 0;
  const label = count === 1 ? 'Carro: 1 producto' : `Carro: ${count} productos`;

  return (
    <div ref={root} className="relative">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={label}
        onClick={() => setOpen((v) => !v)}
        className="inline-flex items-center gap-1.5 rounded-md px-1.5 py-1.5 font-semibold text-slate-800 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600"
      >
        <CartIcon />
        <span className="hidden sm:inline">Carro</span>
        {/* Beside the label, never over it. */}
        {count > 0 && (
          <span
            aria-hidden="true"
            className="min-w-5 rounded-full bg-indigo-600 px-1.5 text-center text-xs leading-5 text-white"
          >
            {count}
          </span>
        )}
      </button>
      {open && (
        <div
          id={panelId}
          role="region"
          aria-label="Resumen del carro"
          className="absolute right-0 z-50 mt-2 w-80 max-w-[90vw] rounded-lg border border-slate-200 bg-white p-4 shadow-lg"
        >
          {cart.isError && (
            <p className="text-sm text-rose-800">No pudimos cargar el carro.</p>
          )}
          {cart.data && cart.data.items.length === 0 && (
            <p className="text-sm text-slate-600">Tu carro está vacío.</p>
          )}
          {cart.data && cart.data.items.length > 0 && (
            <>
              <ul className="max-h-64 divide-y divide-slate-100 overflow-y-auto">
                {cart.data.items.map((item) => (
                  <li
                    key={item.id}
                    className="flex justify-between gap-3 py-2 text-sm"
                  >
                    <span className="text-slate-800">
                      {item.name}{' '}
                      <span className="text-slate-500">× {item.quantity}</span>
                    </span>
                    <span className="font-medium whitespace-nowrap">
                      {item.total_formatted}
                    </span>
                  </li>
                ))}
              </ul>
              <p className="mt-3 flex justify-between border-t border-slate-200 pt-2 font-semibold">
                <span>Subtotal</span>
                <span>{cart.data.subtotal_formatted}</span>
              </p>
              <div className="mt-3 flex gap-2">
                <Link
                  to={paths.cart}
                  onClick={() => setOpen(false)}
                  className="flex-1 rounded-md border border-slate-300 px-3 py-2 text-center text-sm font-semibold hover:bg-slate-50"
                >
                  Ver carro
                </Link>
                <Link
                  to={paths.checkout}
                  onClick={() => setOpen(false)}
                  className="flex-1 rounded-md bg-indigo-600 px-3 py-2 text-center text-sm font-semibold text-white hover:bg-indigo-700"
                >
                  Ir a pagar
                </Link>
              </div>
            </>
          )}
        </div>
      )}
    </div>
  );
}

function CartIcon() {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      className="size-6"
    >
      <circle cx="9" cy="20" r="1.5" />
      <circle cx="18" cy="20" r="1.5" />
      <path d="M2 3h3l2.7 12.1a1 1 0 0 0 1 .9h9.6a1 1 0 0 0 1-.8L21 7H6" />
    </svg>
  );
}
