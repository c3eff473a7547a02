import { useId, useState } from 'react';

import { inputClass } from '@/components/form-field';
import {
  orderStatuses,
  paymentStatuses,
  paymentStatusLabel,
  statusLabel,
} from '@/lib/order-status';

import type { OrderFilters } from '../hooks/use-order-filters';

interface Props {
  filters: OrderFilters;
  onChange: (change: Partial<OrderFilters>) => void;
}

/** OrderFiltersForm narrows the admin order list; the URL keeps it. */
export function OrderFiltersForm({ filters, onChange }: Props) {
  const id = useId();
  const [q, setQ] = useState(filters.q);
  const [shownQ, setShownQ] = useState(filters.q);
  // The URL changed the search (back button): show it.
  if (shownQ !== filters.q) {
    setShownQ(filters.q);
    setQ(filters.q);
  }
  const field = 'flex flex-col gap-1 text-sm';
  const control = `${inputClass} border-slate-300`;

  return (
    <form
      role="search"
      aria-label="Filtrar pedidos"
      className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5"
      onSubmit={(e) => {
        e.preventDefault();
        onChange({ q: q.trim() });
      }}
    >
      <div className={field}>
        <label htmlFor={`${id}-q`} className="font-medium text-slate-700">
          Número o cliente
        </label>
        <input
          id={`${id}-q`}
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onBlur={() => q.trim() !== filters.q && onChange({ q: q.trim() })}
          className={control}
        />
      </div>
      <div className={field}>
        <label htmlFor={`${id}-status`} className="font-medium text-slate-700">
          Estado
        </label>
        <select
          id={`${id}-status`}
          value={filters.status}
          onChange={(e) => onChange({ status: e.target.value })}
          className={control}
        >
          <option value="">Todos</option>
          {orderStatuses.map((s) => (
            <option key={s} value={s}>
              {statusLabel(s)}
            </option>
          ))}
        </select>
      </div>
      <div className={field}>
        <label htmlFor={`${id}-pay`} className="font-medium text-slate-700">
          Pago
        </label>
        <select
          id={`${id}-pay`}
          value={filters.paymentStatus}
          onChange={(e) => onChange({ paymentStatus: e.target.value })}
          className={control}
        >
          <option value="">Todos</option>
          {paymentStatuses.map((s) => (
            <option key={s} value={s}>
              {paymentStatusLabel(s)}
            </option>
          ))}
        </select>
      </div>
      <div className={field}>
        <label htmlFor={`${id}-from`} className="font-medium text-slate-700">
          Desde
        </label>
        <input
          id={`${id}-from`}
          type="date"
          value={filters.from}
          max={filters.to || undefined}
          onChange={(e) => onChange({ from: e.target.value })}
          className={control}
        />
      </div>
      <div className={field}>
        <label htmlFor={`${id}-to`} className="font-medium text-slate-700">
          Hasta
        </label>
        <input
          id={`${id}-to`}
          type="date"
          value={filters.to}
          min={filters.from || undefined}
          onChange={(e) => onChange({ to: e.target.value })}
          className={control}
        />
      </div>
      <button type="submit" className="sr-only">
        Buscar
      </button>
    </form>
  );
}
