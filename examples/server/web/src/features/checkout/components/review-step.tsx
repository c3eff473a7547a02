import { useId } from 'react';

import { TotalsSummary } from '@/components/totals-summary';
import { regionName } from '@/lib/chile-regions';
import { paymentMethodLabel } from '@/lib/order-status';
import type {
  Cart,
  OrderAddress,
  PaymentMethod,
  ShippingOption,
} from '@/types/shop';

import { FieldMessage } from './field-message';

interface Props {
  cart: Cart;
  address: OrderAddress;
  shipping: ShippingOption | null;
  payment: PaymentMethod;
  notes: string;
  notesError?: string;
  onNotes: (notes: string) => void;
  onEdit: (step: 'address' | 'shipping' | 'payment') => void;
}

/**
 * ReviewStep shows the whole order before it is placed, with the amounts
 * the server gave: the cart's lines and, from the chosen shipping method,
 * the order's total and tax part with shipping included.
 */
export function ReviewStep(props: Props) {
  const { cart, address, shipping, payment, notes, onEdit } = props;
  const notesId = useId();
  const edit = (step: 'address' | 'shipping' | 'payment', what: string) => (
    <button
      type="button"
      onClick={() => onEdit(step)}
      className="text-sm text-indigo-700 hover:underline"
      aria-label={`Cambiar ${what}`}
    >
      Cambiar
    </button>
  );

  return (
    <section aria-labelledby="review-title" className="flex flex-col gap-5">
      <h2 id="review-title" className="text-lg font-semibold text-slate-900">
        Revisa tu pedido
      </h2>

      <ul
        aria-label="Productos del pedido"
        className="divide-y divide-slate-100 rounded-md border border-slate-200"
      >
        {cart.items.map((item) => (
          <li key={item.id} className="flex justify-between gap-3 p-3 text-sm">
            <span>
              {item.name}{' '}
              <span className="text-slate-500">× {item.quantity}</span>
            </span>
            <span className="font-medium">{item.total_formatted}</span>
          </li>
        ))}
      </ul>

      <dl className="grid gap-4 text-sm sm:grid-cols-3">
        <div>
          <dt className="flex items-center justify-between font-semibold">
            Despacho a {edit('address', 'la dirección')}
          </dt>
          <dd className="mt-1 text-slate-700">
            {address.name}
            <br />
            {address.street}, {address.city}
            <br />
            {regionName(address.region)}
            {address.phone && (
              <>
                <br />
                {address.phone}
              </>
            )}
          </dd>
        </div>
        <div>
          <dt className="flex items-center justify-between font-semibold">
            Forma de despacho {edit('shipping', 'la forma de despacho')}
          </dt>
          <dd className="mt-1 text-slate-700">
            {shipping
              ? `${shipping.name} (${shipping.amount_formatted})`
              : 'La más conveniente para tu región'}
          </dd>
        </div>
        <div>
          <dt className="flex items-center justify-between font-semibold">
            Pago {edit('payment', 'el medio de pago')}
          </dt>
          <dd className="mt-1 text-slate-700">{paymentMethodLabel(payment)}</dd>
        </div>
      </dl>

      <div className="flex flex-col gap-1">
        <label htmlFor={notesId} className="text-sm font-medium text-slate-700">
          Notas para la tienda (opcional)
        </label>
        <textarea
          id={notesId}
          rows={2}
          maxLength={1000}
          value={notes}
          aria-invalid={props.notesError ? true : undefined}
          aria-describedby={props.notesError ? `${notesId}-error` : undefined}
          onChange={(e) => props.onNotes(e.target.value)}
          className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500 focus:outline-none"
        />
        <FieldMessage id={`${notesId}-error`} error={props.notesError} />
      </div>

      {shipping?.total_formatted && shipping.tax_formatted ? (
        <TotalsSummary
          title="Total del pedido"
          totals={{
            ...cart,
            shipping: shipping.amount,
            shipping_formatted:
              shipping.amount === 0 ? 'Gratis' : shipping.amount_formatted,
            tax: shipping.tax ?? cart.tax,
            tax_formatted: shipping.tax_formatted,
            total: shipping.total ?? cart.total,
            total_formatted: shipping.total_formatted,
          }}
        />
      ) : (
        <TotalsSummary
          totals={cart}
          title="Total de productos"
          totalLabel="Total sin envío"
          shippingPending={
            shipping
              ? `${shipping.amount_formatted}, se suma al total`
              : 'Se suma al total'
          }
        />
      )}
    </section>
  );
}
