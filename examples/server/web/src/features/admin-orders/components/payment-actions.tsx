import { useState } from 'react';

import { FormError } from '@/components/form-error';
import { TextField } from '@/components/form-field';
import { paymentStatusLabel } from '@/lib/order-status';
import type { Order, PaymentStatus } from '@/types/shop';

import { useUpdatePaymentStatus } from '../api/update-payment-status';

// The manual moves of package order's payment machine: pending → paid |
// failed. Refunds go through RefundForm, which refunds at the gateway the
// order was paid with; failed and refunded are final.
const moves: Record<PaymentStatus, PaymentStatus[]> = {
  pending: ['paid', 'failed'],
  paid: [],
  failed: [],
  refunded: [],
};

const verbs: Record<PaymentStatus, string> = {
  pending: 'Volver a pendiente',
  paid: 'Confirmar pago',
  failed: 'Marcar pago fallido',
  refunded: 'Registrar reembolso',
};

const warnings: Partial<Record<PaymentStatus, string>> = {
  failed:
    '¿Marcar el pago como fallido? Se cancela el pedido y se libera el stock.',
};

/**
 * PaymentActions lets staff record a manual payment (bank transfer, cash
 * on delivery): only the moves allowed from the payment's status.
 */
export function PaymentActions({
  order,
  onChanged,
}: {
  order: Order;
  onChanged: (order: Order) => void;
}) {
  const update = useUpdatePaymentStatus(order.id);
  const [reference, setReference] = useState('');
  const [note, setNote] = useState('');
  const allowed = moves[order.payment_status] ?? [];

  // A payment the gateway holds is taken or voided there (HoldActions).
  if (allowed.length === 0 || order.hold) return null;

  return (
    <section
      aria-label="Registrar pago"
      className="mt-3 flex flex-col gap-3 rounded-lg border border-slate-200 bg-slate-50 p-4"
    >
      <p className="text-sm text-slate-700">
        Pago: {paymentStatusLabel(order.payment_status)}
      </p>
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          label="Referencia del pago"
          name="reference"
          value={reference}
          maxLength={255}
          onChange={(e) => setReference(e.target.value)}
        />
        <TextField
          label="Nota del pago"
          name="payment_note"
          value={note}
          maxLength={500}
          onChange={(e) => setNote(e.target.value)}
        />
      </div>
      <div className="flex flex-wrap gap-2">
        {allowed.map((status) => (
          <button
            key={status}
            type="button"
            disabled={update.isPending}
            onClick={() => {
              const warning = warnings[status];
              if (warning && !window.confirm(warning)) return;
              update.mutate(
                {
                  payment_status: status,
                  reference: reference.trim(),
                  note: note.trim(),
                },
                {
                  onSuccess: (changed) => {
                    setReference('');
                    setNote('');
                    onChanged(changed);
                  },
                },
              );
            }}
            className={`rounded-md px-3 py-1.5 text-sm font-semibold disabled:opacity-60 ${
              status === 'paid'
                ? 'bg-emerald-700 text-white hover:bg-emerald-800'
                : 'border border-rose-300 text-rose-800 hover:bg-rose-50'
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
