import { useId } from 'react';

import { sortOptions } from '../hooks/use-catalog-search';

import type { SortValue } from '../hooks/use-catalog-search';

/** SortSelect chooses the order of a listing. */
export function SortSelect({
  value,
  onChange,
}: {
  value: SortValue;
  onChange: (value: SortValue) => void;
}) {
  const id = useId();

  return (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className="text-sm text-slate-600">
        Ordenar por
      </label>
      <select
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value as SortValue)}
        className="rounded-md border border-slate-300 bg-white py-1.5 pr-8 pl-2 text-sm focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500 focus:outline-none"
      >
        {sortOptions.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
