import { useState } from 'react';

import { FormError } from '@/components/form-error';
import { TextField } from '@/components/form-field';
import { nextStatuses, statusLabel } from '@/lib/order-status';
import type { Order, OrderStatus } from '@/types/shop';

import { useUpdateOrderStatus } from '../api/update-order-status';

const verbs: Record<OrderStatus, string> = {
  pending: 'Volver a pendiente',
  confirmed: 'Confirmar',
  processing: 'Preparar',
  shipped: 'Marcar enviado',
  delivered: 'Marcar entregado',
  cancelled: 'Cancelar pedido',
};

/**
 * StatusActions offers staff only the moves the order machine allows from
 * the order's status, each with an optional note for the timeline.
 */
export function StatusActions({
  order,
  onChanged,
}: {
  order: Order;
  onChanged: (order: Order) => void;
}) {
  const update = useUpdateOrderStatus(order.id);
  const [note, setNote] = useState('');
  const moves = nextStatuses(order.status, order.next_statuses);

  if (moves.length === 0) {
    return (
      <p className="text-sm text-slate-600">
        Un pedido {statusLabel(order.status).toLowerCase()} no cambia más de
        estado.
      </p>
    );
  }

  return (
    <section
      aria-label="Cambiar estado"
      className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-slate-50 p-4"
    >
      <TextField
        label="Nota para el seguimiento"
        name="note"
        value={note}
        maxLength={500}
        onChange={(e) => setNote(e.target.value)}
      />
      <div className="flex flex-wrap gap-2">
        {moves.map((status) => (
          <button
            key={status}
            type="button"
            disabled={update.isPending}
            onClick={() => {
              if (
                status === 'cancelled' &&
                !window.confirm(
                  '¿Cancelar el pedido? Se libera el stock reservado.',
                )
              )
                return;
              update.mutate(
                { status, note: note.trim() },
                {
                  onSuccess: (order) => {
                    setNote('');
                    onChanged(order);
                  },
                },
              );
            }}
            className={`rounded-md px-3 py-1.5 text-sm font-semibold disabled:opacity-60 ${
              status === 'cancelled'
                ? 'border border-rose-300 text-rose-800 hover:bg-rose-50'
                : 'bg-indigo-600 text-white hover:bg-indigo-700'
            }`}
          >
            {verbs[status]}
          </button>
        ))}
      </div>
      {update.isError && <FormError error={update.error} />}
    </section>
  );
}
