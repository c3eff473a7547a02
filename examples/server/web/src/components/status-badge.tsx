import { paymentStatusLabel, statusLabel } from '@/lib/order-status';

const tones: Record<string, string> = {
  pending: 'bg-amber-100 text-amber-900',
  confirmed: 'bg-sky-100 text-sky-900',
  processing: 'bg-indigo-100 text-indigo-900',
  shipped: 'bg-violet-100 text-violet-900',
  delivered: 'bg-emerald-100 text-emerald-900',
  cancelled: 'bg-slate-200 text-slate-700',
  paid: 'bg-emerald-100 text-emerald-900',
  failed: 'bg-rose-100 text-rose-900',
  refunded: 'bg-slate-200 text-slate-700',
};

/** StatusBadge shows an order's status, or its payment's, in Spanish. */
export function StatusBadge({
  status,
  kind = 'order',
}: {
  status: string;
  kind?: 'order' | 'payment';
}) {
  const label =
    kind === 'order' ? statusLabel(status) : paymentStatusLabel(status);
  return (
    <span
      className={`inline-block rounded-full px-2.5 py-0.5 text-xs font-semibold ${tones[status] ?? 'bg-slate-100 text-slate-800'}`}
    >
      {label}
    </span>
  );
}
