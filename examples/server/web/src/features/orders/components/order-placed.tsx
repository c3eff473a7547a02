import type { ReactNode } from 'react';
import { Link } from 'react-router';

import { paths, storeName } from '@/config/paths';
import { paymentMethodLabel } from '@/lib/order-status';
import type { Order } from '@/types/shop';

/**
 * OrderPlaced thanks the shopper and says what comes next: for a bank
 * transfer, where to pay.
 */
export function OrderPlaced({
  order,
  instructions,
  children,
}: {
  order: Order;
  instructions?: string;
  /** More about the payment, such as the card's form. */
  children?: ReactNode;
}) {
  return (
    <div className="mx-auto max-w-2xl px-4 py-10">
      <title>{`Pedido recibido · ${storeName}`}</title>
      <div className="rounded-lg border border-emerald-200 bg-emerald-50 p-6">
        <h1 className="text-2xl font-bold text-emerald-900">
          ¡Gracias! Recibimos tu pedido
        </h1>
        <p className="mt-2 text-emerald-900">
          Número de pedido:{' '}
          <strong className="font-mono">{order.number}</strong>
        </p>
        <dl className="mt-4 grid grid-cols-2 gap-2 text-sm text-emerald-950">
          <dt>Total</dt>
          <dd className="text-right font-semibold">{order.total_formatted}</dd>
          <dt>Medio de pago</dt>
          <dd className="text-right">
            {paymentMethodLabel(order.payment_method)}
          </dd>
        </dl>
      </div>
      {children}

      {order.payment_method === 'bank_transfer' && (
        <section
          aria-labelledby="pay-title"
          className="mt-6 rounded-lg border border-slate-200 p-4"
        >
          <h2 id="pay-title" className="font-semibold text-slate-900">
            Cómo pagar
          </h2>
          <p className="mt-1 text-sm whitespace-pre-line text-slate-700">
            {instructions ||
              'Te enviaremos por correo los datos para la transferencia.'}
          </p>
          <p className="mt-2 text-sm text-slate-600">
            Indica el número {order.number} en la transferencia. Despachamos
            cuando confirmamos el pago.
          </p>
        </section>
      )}
      {order.payment_method === 'cash_on_delivery' && (
        <p className="mt-6 text-slate-700">
          Pagas al recibir el pedido: ten listo {order.total_formatted}.
        </p>
      )}

      <div className="mt-8 flex flex-wrap gap-3">
        <Link
          to={paths.order(order.id)}
          className="rounded-md bg-indigo-600 px-4 py-2 font-semibold text-white hover:bg-indigo-700"
        >
          Ver el pedido
        </Link>
        <Link
          to={paths.orders}
          className="rounded-md border border-slate-300 px-4 py-2 font-semibold hover:bg-slate-50"
        >
          Mis pedidos
        </Link>
        <Link
          to={paths.catalog}
          className="px-4 py-2 text-indigo-700 hover:underline"
        >
          Seguir comprando
        </Link>
      </div>
    </div>
  );
}
