import type { ReactNode } from 'react';

import { OrderTimeline } from '@/components/order-timeline';
import { StatusBadge } from '@/components/status-badge';
import { TotalsSummary } from '@/components/totals-summary';
import { storeName } from '@/config/paths';
import { regionName } from '@/lib/chile-regions';
import { formatDateTime } from '@/lib/format-date';
import { paymentMethodLabel, shippingMethodLabel } from '@/lib/order-status';
import type { Order, OrderAddress } from '@/types/shop';

interface Props {
  order: Order;
  /** Staff see who made each change and the customer's id. */
  staff?: boolean;
  /** Shown above the lines: staff's status actions, for one. */
  actions?: ReactNode;
  heading?: string;
}

/**
 * OrderDetails is an order as it was sold: its lines and amounts as the
 * server priced them, where it goes, how it is paid, and its timeline.
 */
export function OrderDetails({ order, actions, heading, staff }: Props) {
  return (
    <article className="mx-auto max-w-5xl px-4 py-6">
      <title>{`Pedido ${order.number} · ${storeName}`}</title>
      <header className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold text-slate-900">
          {heading ?? 'Pedido'} {order.number}
        </h1>
        <StatusBadge status={order.status} />
        <StatusBadge status={order.payment_status} kind="payment" />
      </header>
      <p className="mt-1 text-sm text-slate-600">
        Creado el{' '}
        <time dateTime={order.created_at}>
          {formatDateTime(order.created_at)}
        </time>
        {staff && ` · cliente #${order.customer_id}`}
      </p>

      {actions && <div className="mt-4">{actions}</div>}

      <div className="mt-6 grid gap-8 lg:grid-cols-[1fr_20rem]">
        <div className="flex flex-col gap-8">
          <section aria-labelledby="lines-title">
            <h2
              id="lines-title"
              className="mb-2 text-lg font-semibold text-slate-900"
            >
              Productos
            </h2>
            <table className="w-full text-left text-sm">
              <thead className="border-b border-slate-200 text-slate-600">
                <tr>
                  <th scope="col" className="py-2 pr-4">
                    Producto
                  </th>
                  <th scope="col" className="py-2 pr-4 text-right">
                    Cantidad
                  </th>
                  <th scope="col" className="py-2 pr-4 text-right">
                    Precio
                  </th>
                  <th scope="col" className="py-2 text-right">
                    Total
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {order.lines.map((l) => (
                  <tr key={l.id}>
                    <th scope="row" className="py-2 pr-4 font-normal">
                      {l.name}
                      <span className="block text-xs text-slate-500">
                        SKU: <span className="font-mono">{l.sku}</span>
                      </span>
                    </th>
                    <td className="py-2 pr-4 text-right">{l.quantity}</td>
                    <td className="py-2 pr-4 text-right">
                      {l.unit_price_formatted}
                    </td>
                    <td className="py-2 text-right font-medium">
                      {l.total_formatted}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>

          <div className="grid gap-6 sm:grid-cols-2">
            <section aria-labelledby="address-title">
              <h2
                id="address-title"
                className="mb-1 text-lg font-semibold text-slate-900"
              >
                Despacho
              </h2>
              <Address address={order.shipping_address} />
              {order.shipping_method && (
                <p className="mt-1 text-sm text-slate-600">
                  {shippingMethodLabel(order.shipping_method)}
                </p>
              )}
            </section>
            <section aria-labelledby="payment-title">
              <h2
                id="payment-title"
                className="mb-1 text-lg font-semibold text-slate-900"
              >
                Pago
              </h2>
              <p className="text-sm text-slate-700">
                {paymentMethodLabel(order.payment_method)}
              </p>
            </section>
          </div>

          {order.notes && (
            <section aria-label="Notas">
              <h2 className="mb-1 text-lg font-semibold text-slate-900">
                Notas
              </h2>
              <p className="text-sm whitespace-pre-line text-slate-700">
                {order.notes}
              </p>
            </section>
          )}

          <OrderTimeline entries={order.timeline ?? []} showActors={staff} />
        </div>

        <aside>
          <TotalsSummary totals={order} />
        </aside>
      </div>
    </article>
  );
}

function Address({ address }: { address: OrderAddress }) {
  return (
    <address className="text-sm text-slate-700 not-italic">
      {address.name && (
        <>
          {address.name}
          <br />
        </>
      )}
      {address.street}, {address.city}
      <br />
      {regionName(address.region)}
      {address.postal_code ? ` · ${address.postal_code}` : ''}
      {address.phone && (
        <>
          <br />
          {address.phone}
        </>
      )}
    </address>
  );
}
