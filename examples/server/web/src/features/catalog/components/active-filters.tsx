import { formatPrice } from '@/lib/format-price';

import type { CatalogFilters as Filters } from '../hooks/use-catalog-search';

/** ActiveFilters lists the filters in force, each one removable. */
export function ActiveFilters({
  filters,
  update,
  brandName,
}: {
  filters: Filters;
  update: (patch: Partial<Filters>) => void;
  brandName?: string;
}) {
  const chips: { label: string; clear: Partial<Filters> }[] = [];
  if (filters.q) chips.push({ label: `«${filters.q}»`, clear: { q: '' } });
  if (filters.brand)
    chips.push({ label: brandName ?? filters.brand, clear: { brand: '' } });
  if (filters.priceMin !== undefined) {
    chips.push({
      label: `Desde ${formatPrice(filters.priceMin)}`,
      clear: { priceMin: undefined },
    });
  }
  if (filters.priceMax !== undefined) {
    chips.push({
      label: `Hasta ${formatPrice(filters.priceMax)}`,
      clear: { priceMax: undefined },
    });
  }
  if (filters.inStock)
    chips.push({ label: 'Con stock', clear: { inStock: false } });
  if (chips.length === 0) return <div />;

  return (
    <ul aria-label="Filtros aplicados" className="flex flex-wrap gap-2">
      {chips.map((chip) => (
        <li key={chip.label}>
          <button
            type="button"
            onClick={() => update(chip.clear)}
            className="inline-flex items-center gap-1 rounded-full bg-indigo-50 px-3 py-1 text-sm text-indigo-900 hover:bg-indigo-100 focus-visible:outline-2 focus-visible:outline-indigo-500"
          >
            {chip.label}
            <span aria-hidden="true">×</span>
            <span className="sr-only">(quitar filtro)</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
