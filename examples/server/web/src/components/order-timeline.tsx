import { formatDateTime } from '@/lib/format-date';
import { paymentStatusLabel, statusLabel } from '@/lib/order-status';
import type { TimelineEntry } from '@/types/shop';

function describe(entry: TimelineEntry): string {
  if (entry.kind === 'payment') {
    return entry.from
      ? `Pago: ${paymentStatusLabel(entry.from)} → ${paymentStatusLabel(entry.to)}`
      : `Pago: ${paymentStatusLabel(entry.to)}`;
  }
  if (entry.kind === 'note') return 'Nota';
  return entry.from
    ? `${statusLabel(entry.from)} → ${statusLabel(entry.to)}`
    : `Pedido creado: ${statusLabel(entry.to)}`;
}

function actor(id: number): string {
  return id ? ` · usuario #${id}` : ' · automático';
}

/**
 * OrderTimeline lists every change of an order, oldest first; for staff,
 * with who made it.
 */
export function OrderTimeline({
  entries,
  showActors = false,
}: {
  entries: TimelineEntry[];
  showActors?: boolean;
}) {
  if (entries.length === 0) return null;
  return (
    <section aria-labelledby="timeline-title">
      <h2
        id="timeline-title"
        className="mb-3 text-lg font-semibold text-slate-900"
      >
        Seguimiento
      </h2>
      <ol className="relative space-y-4 border-l-2 border-slate-200 pl-5">
        {entries.map((entry) => (
          <li key={entry.id} className="relative">
            <span
              aria-hidden="true"
              className="absolute top-1.5 -left-[1.7rem] size-3 rounded-full border-2 border-white bg-indigo-600"
            />
            <p className="font-medium text-slate-900">{describe(entry)}</p>
            <p className="text-xs text-slate-500">
              <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
              {showActors && actor(entry.actor_id)}
            </p>
            {entry.note && (
              <p className="mt-1 text-sm text-slate-700">{entry.note}</p>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
