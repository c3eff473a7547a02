import { useId, useState } from 'react';

import { useDebouncedValue } from '@/hooks/use-debounced-value';
import type { Brand } from '@/types/api';

import { useBrands } from '../api/get-brands';

interface Props {
  /** The slug of the chosen brand, or ''. */
  value: string;
  /** The chosen brand's name, when the page already knows it. */
  valueName?: string;
  onChange: (slug: string) => void;
  /** Brands to offer before the shopper types: those of the results. */
  suggestions?: Brand[];
}

/** BrandFilter finds a brand by name and narrows the listing to it. */
export function BrandFilter({
  value,
  valueName,
  onChange,
  suggestions = [],
}: Props) {
  const id = useId();
  const [text, setText] = useState('');
  const search = useDebouncedValue(text.trim(), 250);
  // Thousands of brands: list the results' own until the shopper types.
  const suggest = search === '' && suggestions.length > 0;
  const found = useBrands({ search: search || undefined, limit: 8 });
  const brands = suggest
    ? { data: suggestions.slice(0, 8), isError: false }
    : found;

  return (
    <fieldset>
      <legend className="mb-2 text-sm font-semibold text-slate-900">
        Marca
      </legend>
      {value && (
        <p className="mb-2 flex items-center justify-between gap-2 rounded-md bg-indigo-50 px-2 py-1 text-sm text-indigo-900">
          <span>
            <span className="sr-only">Marca elegida: </span>
            {valueName ?? value}
          </span>
          <button
            type="button"
            onClick={() => onChange('')}
            className="rounded px-1 text-xs font-medium underline hover:no-underline focus-visible:outline-2 focus-visible:outline-indigo-500"
          >
            Quitar<span className="sr-only"> la marca</span>
          </button>
        </p>
      )}
      <label htmlFor={`${id}-search`} className="sr-only">
        Buscar marca
      </label>
      <input
        id={`${id}-search`}
        type="search"
        placeholder="Buscar marca"
        value={text}
        onChange={(e) => setText(e.target.value)}
        className="w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500 focus:outline-none"
      />
      {brands.isError && (
        <p className="mt-1 text-xs text-rose-700">
          No pudimos cargar las marcas.
        </p>
      )}
      {suggest && (
        <p className="mt-2 text-xs text-slate-500">En estos resultados:</p>
      )}
      <ul className="mt-1 space-y-0.5" aria-label="Marcas">
        {brands.data?.map((brand) => (
          <li key={brand.id}>
            <button
              type="button"
              aria-pressed={brand.slug === value}
              onClick={() => onChange(brand.slug === value ? '' : brand.slug)}
              className="w-full rounded px-2 py-1 text-left text-sm text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-500 aria-pressed:bg-indigo-100 aria-pressed:font-semibold aria-pressed:text-indigo-900"
            >
              {brand.name}
            </button>
          </li>
        ))}
        {brands.data?.length === 0 && (
          <li className="px-2 py-1 text-sm text-slate-500">Sin resultados</li>
        )}
      </ul>
    </fieldset>
  );
}
