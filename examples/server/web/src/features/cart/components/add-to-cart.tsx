import { useId, useState } from 'react';
import { Link } from 'react-router';

import { FormError } from '@/components/form-error';
import { paths } from '@/config/paths';

import { useAddToCart } from '../api/cart-writes';

/** The most units offered at once on the product page. */
const maxChoice = 10;

interface Props {
  productId: number;
  /** null: the product has no variants. */
  variantId: number | null;
  inStock: boolean;
  stock: number;
}

/**
 * AddToCart puts the chosen product or variant in the cart. The price is
 * the server's: the request carries only what and how many.
 */
export function AddToCart({ productId, variantId, inStock, stock }: Props) {
  const add = useAddToCart();
  const [quantity, setQuantity] = useState(1);
  const quantityId = useId();
  const most = Math.max(1, Math.min(maxChoice, stock || maxChoice));

  if (!inStock) {
    return (
      <p className="text-sm text-slate-600">
        Sin stock por ahora: no se puede agregar al carro.
      </p>
    );
  }

  return (
    <form
      className="flex flex-col gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        add.mutate({
          product_id: productId,
          variant_id: variantId,
          quantity,
        });
      }}
    >
      <div className="flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-1">
          <label
            htmlFor={quantityId}
            className="text-sm font-medium text-slate-700"
          >
            Cantidad
          </label>
          <select
            id={quantityId}
            value={Math.min(quantity, most)}
            onChange={(e) => {
              add.reset();
              setQuantity(Number(e.target.value));
            }}
            className="rounded-md border border-slate-300 bg-white px-3 py-2"
          >
            {Array.from({ length: most }, (_, i) => i + 1).map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </div>
        <button
          type="submit"
          disabled={add.isPending}
          className="rounded-md bg-indigo-600 px-5 py-2.5 font-semibold text-white hover:bg-indigo-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:opacity-60"
        >
          {add.isPending ? 'Agregando…' : 'Agregar al carro'}
        </button>
      </div>
      <div aria-live="polite">
        {add.isSuccess && (
          <p className="text-sm font-medium text-emerald-700">
            Agregado al carro.{' '}
            <Link to={paths.cart} className="underline">
              Ver carro
            </Link>
          </p>
        )}
      </div>
      {add.isError && <FormError error={add.error} />}
    </form>
  );
}
