import { useState } from 'react';

import { SelectField, TextField } from '@/components/form-field';
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

type Typed = Pick<
  OrderFilters,
  'number' | 'customer' | 'totalMin' | 'totalMax'
>;

/**
 * OrderFiltersForm narrows the admin order list; the URL keeps it. Lists
 * and dates apply at once; typed fields when sent (Enter) or left.
 */
export function OrderFiltersForm({ filters, onChange }: Props) {
  const typed: Typed = {
    number: filters.number,
    customer: filters.customer,
    totalMin: filters.totalMin,
    totalMax: filters.totalMax,
  };
  const [draft, setDraft] = useState(typed);
  const [shown, setShown] = useState(typed);
  // The URL changed (the back button, a link): show what it says.
  if (JSON.stringify(shown) !== JSON.stringify(typed)) {
    setShown(typed);
    setDraft(typed);
  }
  const apply = () => {
    const change: Partial<OrderFilters> = {};
    for (const key of Object.keys(draft) as (keyof Typed)[]) {
      if (draft[key].trim() !== filters[key]) change[key] = draft[key].trim();
    }
    if (Object.keys(change).length > 0) onChange(change);
  };
  const text = (key: keyof Typed, label: string, inputMode?: 'numeric') => (
    <TextField
      label={label}
      name={key}
      type="search"
      inputMode={inputMode}
      value={draft[key]}
      onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
      onBlur={apply}
    />
  );

  return (
    <form
      role="search"
      aria-label="Filtrar pedidos"
      className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4"
      onSubmit={(e) => {
        e.preventDefault();
        apply();
      }}
    >
      {text('number', 'Número de pedido')}
      {text('customer', 'Cliente (id)', 'numeric')}
      <SelectField
        label="Estado"
        name="status"
        value={filters.status}
        onChange={(e) => onChange({ status: e.target.value })}
      >
        <option value="">Todos</option>
        {orderStatuses.map((s) => (
          <option key={s} value={s}>
            {statusLabel(s)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Pago"
        name="payment_status"
        value={filters.paymentStatus}
        onChange={(e) => onChange({ paymentStatus: e.target.value })}
      >
        <option value="">Todos</option>
        {paymentStatuses.map((s) => (
          <option key={s} value={s}>
            {paymentStatusLabel(s)}
          </option>
        ))}
      </SelectField>
      <TextField
        label="Desde"
        name="from"
        type="date"
        value={filters.from}
        max={filters.to || undefined}
        onChange={(e) => onChange({ from: e.target.value })}
      />
      <TextField
        label="Hasta"
        name="to"
        type="date"
        value={filters.to}
        min={filters.from || undefined}
        onChange={(e) => onChange({ to: e.target.value })}
      />
      {text('totalMin', 'Total mínimo', 'numeric')}
      {text('totalMax', 'Total máximo', 'numeric')}
      <button type="submit" className="sr-only">
        Buscar
      </button>
    </form>
  );
}
