import { Link } from 'react-router';

import { ErrorState } from '@/components/error-state';
import { FormError } from '@/components/form-error';
import { Loading } from '@/components/loading';
import { TotalsSummary } from '@/components/totals-summary';
import { paths, storeName } from '@/config/paths';

import {
  useClearCart,
  useRemoveCartItem,
  useUpdateCartItem,
} from '../api/cart-writes';
import { useCart } from '../api/get-cart';

import { CartLine } from './cart-line';

/** CartView is the cart page: items, quantities and the server's totals. */
export function CartView() {
  const cart = useCart();
  const update = useUpdateCartItem();
  const remove = useRemoveCartItem();
  const clear = useClearCart();
  const busy = update.isPending || remove.isPending || clear.isPending;
  const failed = update.error ?? remove.error ?? clear.error;

  return (
    <div className="mx-auto max-w-5xl px-4 py-6">
      <title>{`Carro · ${storeName}`}</title>
      <h1 className="text-2xl font-bold text-slate-900">Tu carro</h1>

      {cart.isPending && <Loading label="Cargando el carro…" />}
      {cart.isError && (
        <div className="mt-4">
          <ErrorState
            error={cart.error}
            title="No pudimos cargar el carro"
            onRetry={() => void cart.refetch()}
          />
        </div>
      )}

      {cart.data && cart.data.items.length === 0 && (
        <div className="mt-6 rounded-lg border border-dashed border-slate-300 p-8 text-center">
          <p className="text-slate-700">Tu carro está vacío.</p>
          <Link
            to={paths.catalog}
            className="mt-4 inline-block rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-700"
          >
            Ver el catálogo
          </Link>
        </div>
      )}

      {cart.data && cart.data.items.length > 0 && (
        <div className="mt-4 grid gap-8 lg:grid-cols-[1fr_20rem]">
          <div>
            {cart.data.price_changed && (
              <p
                role="status"
                className="mb-3 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900"
              >
                Algunos precios cambiaron desde que agregaste los productos. Los
                montos de abajo son los de hoy.
              </p>
            )}
            {failed && (
              <div className="mb-3">
                <FormError error={failed} />
              </div>
            )}
            <ul
              aria-label="Productos en el carro"
              className="divide-y divide-slate-200 border-y border-slate-200"
            >
              {cart.data.items.map((item) => (
                <CartLine
                  key={item.id}
                  item={item}
                  busy={busy}
                  onQuantity={(quantity) =>
                    update.mutate({ id: item.id, quantity })
                  }
                  onRemove={() => remove.mutate(item.id)}
                />
              ))}
            </ul>
            <button
              type="button"
              disabled={busy}
              onClick={() => {
                if (window.confirm('¿Vaciar el carro?')) clear.mutate();
              }}
              className="mt-3 text-sm text-slate-600 hover:underline disabled:opacity-40"
            >
              Vaciar carro
            </button>
          </div>

          <aside className="flex flex-col gap-3">
            <TotalsSummary
              totals={cart.data}
              shippingPending="Se calcula al pagar"
            />
            <Link
              to={paths.checkout}
              className="rounded-md bg-indigo-600 px-4 py-3 text-center font-semibold text-white hover:bg-indigo-700"
            >
              Ir a pagar
            </Link>
            <Link
              to={paths.catalog}
              className="text-center text-sm text-indigo-700 hover:underline"
            >
              Seguir comprando
            </Link>
          </aside>
        </div>
      )}
    </div>
  );
}
