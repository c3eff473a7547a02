import { useState } from 'react';

import { FormError } from '@/components/form-error';
import type { Order } from '@/types/shop';

import { useCancelOrder } from '../api/cancel-order';

/**
 * Whether the customer may cancel the order: pending and not yet paid, or
 * confirmed with its payment only held (cancelling voids the hold).
 */
function customerMayCancel(order: Order): boolean {
  if (order.payment_status !== 'pending') return false;
  return (
    order.status === 'pending' ||
    (order.status === 'confirmed' && order.hold === 'authorized')
  );
}

/**
 * CancelOrder lets customers cancel their own pending order, after they
 * confirm it on the page.
 */
export function CancelOrder({ order }: { order: Order }) {
  const cancel = useCancelOrder(order.id);
  const [asking, setAsking] = useState(false);

  if (!customerMayCancel(order)) return null;

  return (
    <section
      aria-label="Cancelar pedido"
      className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-slate-50 p-4"
    >
      {!asking ? (
        <div>
          <button
            type="button"
            onClick={() => setAsking(true)}
            className="rounded-md border border-rose-300 px-3 py-1.5 text-sm font-semibold text-rose-800 hover:bg-rose-50"
          >
            Cancelar pedido
          </button>
        </div>
      ) : (
        <div role="alertdialog" aria-labelledby="cancel-question">
          <p id="cancel-question" className="font-semibold text-slate-900">
            ¿Cancelar el pedido {order.number}? No se puede deshacer.
          </p>
          <div className="mt-3 flex flex-wrap gap-2">
            <button
              type="button"
              disabled={cancel.isPending}
              onClick={() =>
                cancel.mutate(undefined, { onSuccess: () => setAsking(false) })
              }
              className="rounded-md bg-rose-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-rose-800 disabled:opacity-60"
            >
              {cancel.isPending ? 'Cancelando…' : 'Sí, cancelar el pedido'}
            </button>
            <button
              type="button"
              disabled={cancel.isPending}
              onClick={() => setAsking(false)}
              className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-semibold hover:bg-white"
            >
              No, mantenerlo
            </button>
          </div>
        </div>
      )}
      {cancel.isError && <FormError error={cancel.error} />}
    </section>
  );
}
