import { useState } from 'react';

import { FormError } from '@/components/form-error';
import { TextField } from '@/components/form-field';
import { canManageUsers } from '@/lib/auth/types';
import { useAuth } from '@/lib/auth/auth-context';
import type { Order } from '@/types/shop';

import { useRefundOrder } from '../api/refund-order';

/**
 * RefundForm lets an admin give back all or part of a paid order through
 * its gateway, and return the units to stock when everything is refunded
 * before shipping. The server checks every rule; the form only asks.
 */
export function RefundForm({
  order,
  onChanged,
}: {
  order: Order;
  onChanged: (order: Order) => void;
}) {
  const { user } = useAuth();
  const refund = useRefundOrder(order.id);
  const [amount, setAmount] = useState('');
  const [restock, setRestock] = useState(false);
  const [note, setNote] = useState('');

  if (order.payment_status !== 'paid' || !canManageUsers(user)) return null;
  const shipped = order.status === 'shipped' || order.status === 'delivered';

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const whole = amount.trim() === '';
    const question = whole
      ? `¿Reembolsar todo lo pagado del pedido ${order.number}?`
      : `¿Reembolsar $${amount.trim()} del pedido ${order.number}?`;
    if (!window.confirm(question)) return;
    refund.mutate(
      {
        ...(whole ? {} : { amount: Number(amount.trim()) }),
        restock: whole && restock,
        note: note.trim(),
      },
      {
        onSuccess: (changed) => {
          setAmount('');
          setRestock(false);
          setNote('');
          onChanged(changed);
        },
      },
    );
  }

  return (
    <form
      aria-label="Reembolsar pago"
      onSubmit={submit}
      className="mt-3 flex flex-col gap-3 rounded-lg border border-slate-200 bg-slate-50 p-4"
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          label="Monto a reembolsar (vacío: todo lo pagado)"
          name="refund_amount"
          inputMode="numeric"
          pattern="[0-9]*"
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
        />
        <TextField
          label="Nota del reembolso"
          name="refund_note"
          value={note}
          maxLength={500}
          onChange={(e) => setNote(e.target.value)}
        />
      </div>
      {!shipped && amount.trim() === '' && (
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input
            type="checkbox"
            checked={restock}
            onChange={(e) => setRestock(e.target.checked)}
          />
          Cancelar el pedido y devolver las unidades al stock
        </label>
      )}
      <div>
        <button
          type="submit"
          disabled={refund.isPending}
          className="rounded-md border border-rose-300 px-3 py-1.5 text-sm font-semibold text-rose-800 hover:bg-rose-50 disabled:opacity-60"
        >
          {refund.isPending ? 'Reembolsando…' : 'Reembolsar'}
        </button>
      </div>
      {refund.isError && <FormError error={refund.error} />}
    </form>
  );
}
