import type { ReactNode } from 'react';

import type { SearchResponse } from '../api/search-products';
import type { SearchState } from '../hooks/use-search-params';

const facetButton =
  'flex w-full items-baseline justify-between gap-2 rounded px-2 py-1 text-left text-sm text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-500 aria-pressed:bg-indigo-100 aria-pressed:font-semibold aria-pressed:text-indigo-900';

function Facet({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="mb-5">
      <legend className="mb-2 text-sm font-semibold text-slate-900">
        {title}
      </legend>
      <ul className="space-y-0.5" aria-label={title}>
        {children}
      </ul>
    </fieldset>
  );
}

function Option({
  label,
  count,
  pressed,
  onClick,
}: {
  label: string;
  count: number;
  pressed: boolean;
  onClick: () => void;
}) {
  return (
    <li>
      <button
        type="button"
        aria-pressed={pressed}
        onClick={onClick}
        className={facetButton}
      >
        <span className="truncate">{label}</span>
        <span className="shrink-0 text-xs text-slate-500 tabular-nums">
          {count.toLocaleString('es-CL')}
        </span>
      </button>
    </li>
  );
}

/** SearchFacets narrows a search by category, brand, price and stock. */
export function SearchFacets({
  state,
  update,
  aggregations,
}: {
  state: SearchState;
  update: (patch: Partial<SearchState>) => void;
  aggregations: SearchResponse['aggregations'] | undefined;
}) {
  const categories = aggregations?.categories ?? [];
  const brands = aggregations?.brands ?? [];
  const prices = (aggregations?.price_ranges ?? []).filter((p) => p.count > 0);
  const chosenBrands = state.brand ? state.brand.split(',') : [];

  return (
    <div>
      <label className="mb-5 flex items-center gap-2 text-sm text-slate-800">
        <input
          type="checkbox"
          checked={state.inStock}
          onChange={(e) => update({ inStock: e.target.checked })}
          className="size-4 rounded border-slate-300 text-indigo-600"
        />
        Solo con stock
      </label>
      {categories.length > 0 && (
        <Facet title="Categorías">
          {categories.slice(0, 12).map((c) => {
            const key = c.slug || String(c.id);
            const pressed = state.category === key;
            return (
              <Option
                key={c.id}
                label={c.name}
                count={c.count}
                pressed={pressed}
                onClick={() => update({ category: pressed ? '' : key })}
              />
            );
          })}
        </Facet>
      )}
      {brands.length > 0 && (
        <Facet title="Marcas">
          {brands.slice(0, 12).map((b) => {
            const key = b.slug || String(b.id);
            const pressed = chosenBrands.includes(key);
            const next = pressed
              ? chosenBrands.filter((k) => k !== key)
              : [...chosenBrands, key];
            return (
              <Option
                key={b.id}
                label={b.name}
                count={b.count}
                pressed={pressed}
                onClick={() => update({ brand: next.join(',') })}
              />
            );
          })}
        </Facet>
      )}
      {prices.length > 0 && (
        <Facet title="Precio">
          {prices.map((p) => {
            const max = p.max === null ? undefined : p.max - 1;
            const pressed =
              state.priceMin === (p.min || undefined) && state.priceMax === max;
            return (
              <Option
                key={p.key}
                label={p.label}
                count={p.count}
                pressed={pressed}
                onClick={() =>
                  update(
                    pressed
                      ? { priceMin: undefined, priceMax: undefined }
                      : { priceMin: p.min || undefined, priceMax: max },
                  )
                }
              />
            );
          })}
        </Facet>
      )}
    </div>
  );
}
