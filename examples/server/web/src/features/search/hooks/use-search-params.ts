import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

import type { SearchQuery, SearchSort } from '../api/search-products';
import { wholeNumber, writeState } from '@/lib/url-state';

// The search page keeps its whole state in the URL, in Spanish, so that a
// link reproduces it: /buscar?q=leche&categoria=lacteos&marca=colun&orden=precio-asc

export const searchPageSize = 24;

export const searchSorts = [
  { value: 'relevancia', api: 'relevance', label: 'Más relevantes' },
  { value: 'precio-asc', api: 'price_asc', label: 'Precio: menor a mayor' },
  { value: 'precio-desc', api: 'price_desc', label: 'Precio: mayor a menor' },
  { value: 'nuevos', api: 'newest', label: 'Más nuevos' },
  { value: 'valoracion', api: 'rating', label: 'Mejor valorados' },
] as const satisfies readonly {
  value: string;
  api: SearchSort;
  label: string;
}[];

export type SearchSortValue = (typeof searchSorts)[number]['value'];

export interface SearchState {
  q: string;
  category: string;
  brand: string;
  priceMin: number | undefined;
  priceMax: number | undefined;
  inStock: boolean;
  sort: SearchSortValue;
  page: number;
}

const keys = {
  q: 'q',
  category: 'categoria',
  brand: 'marca',
  priceMin: 'precio_min',
  priceMax: 'precio_max',
  inStock: 'disponible',
  sort: 'orden',
  page: 'pagina',
} as const satisfies Record<keyof SearchState, string>;

const defaults: SearchState = {
  q: '',
  category: '',
  brand: '',
  priceMin: undefined,
  priceMax: undefined,
  inStock: false,
  sort: 'relevancia',
  page: 1,
};

const slugList = /^[a-z0-9-]+(,[a-z0-9-]+)*$/;

/** Reads the search from a query string, ignoring malformed values. */
export function readSearch(params: URLSearchParams): SearchState {
  const sort = params.get(keys.sort);
  const category = params.get(keys.category) ?? '';
  const brand = params.get(keys.brand) ?? '';
  return {
    q: params.get(keys.q)?.trim() ?? '',
    category: /^[a-z0-9-]+$/.test(category) ? category : '',
    brand: slugList.test(brand) ? brand : '',
    priceMin: wholeNumber(params.get(keys.priceMin), 0),
    priceMax: wholeNumber(params.get(keys.priceMax), 1),
    inStock: params.get(keys.inStock) === '1',
    sort: searchSorts.find((o) => o.value === sort)?.value ?? defaults.sort,
    page: wholeNumber(params.get(keys.page), 1) ?? 1,
  };
}

/**
 * Writes a change into a copy of the query string. Any change other than
 * the page itself goes back to the first page.
 */
export function writeSearch(
  params: URLSearchParams,
  patch: Partial<SearchState>,
): URLSearchParams {
  return writeState(params, keys, defaults, {
    ...readSearch(params),
    page: 1,
    ...patch,
  });
}

/** The API query of a search state. */
export function toSearchQuery(s: SearchState): SearchQuery {
  return {
    q: s.q || undefined,
    category: s.category || undefined,
    brand: s.brand || undefined,
    price_min: s.priceMin,
    price_max: s.priceMax,
    in_stock: s.inStock || undefined,
    sort: searchSorts.find((o) => o.value === s.sort)?.api,
    page: s.page,
    limit: searchPageSize,
  };
}

/** useSearchState binds the search page to the URL. */
export function useSearchState() {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => readSearch(params), [params]);
  const update = useCallback(
    (patch: Partial<SearchState>) =>
      setParams((current) => writeSearch(current, patch), {
        preventScrollReset: true,
      }),
    [setParams],
  );
  return { state, update, params };
}
