import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

import type { ProductQuery, ProductSort } from '../api/get-products';
import { wholeNumber, writeState } from '@/lib/url-state';

// The catalog's state lives in the URL, in Spanish, so that a link
// reproduces the view: /categoria/audio?marca=sony&orden=precio-asc&pagina=2

export const pageSize = 24;

export const sortOptions = [
  { value: 'nuevos', api: 'newest', label: 'Más nuevos' },
  { value: 'precio-asc', api: 'price_asc', label: 'Precio: menor a mayor' },
  { value: 'precio-desc', api: 'price_desc', label: 'Precio: mayor a menor' },
  { value: 'nombre', api: 'name', label: 'Nombre (A-Z)' },
  { value: 'valoracion', api: 'rating', label: 'Mejor valorados' },
] as const satisfies readonly {
  value: string;
  api: ProductSort;
  label: string;
}[];

export type SortValue = (typeof sortOptions)[number]['value'];

export interface CatalogFilters {
  q: string;
  brand: string;
  priceMin: number | undefined;
  priceMax: number | undefined;
  inStock: boolean;
  sort: SortValue;
  page: number;
}

const keys = {
  q: 'q',
  brand: 'marca',
  priceMin: 'precio_min',
  priceMax: 'precio_max',
  inStock: 'disponible',
  sort: 'orden',
  page: 'pagina',
} as const satisfies Record<keyof CatalogFilters, string>;

const defaults: CatalogFilters = {
  q: '',
  brand: '',
  priceMin: undefined,
  priceMax: undefined,
  inStock: false,
  sort: 'nuevos',
  page: 1,
};

/** Reads the filters from a query string, ignoring malformed values. */
export function readFilters(params: URLSearchParams): CatalogFilters {
  const sort = params.get(keys.sort);
  return {
    q: params.get(keys.q)?.trim() ?? '',
    brand: params.get(keys.brand) ?? '',
    priceMin: wholeNumber(params.get(keys.priceMin), 0),
    priceMax: wholeNumber(params.get(keys.priceMax), 0),
    inStock: params.get(keys.inStock) === '1',
    sort: sortOptions.find((o) => o.value === sort)?.value ?? defaults.sort,
    page: wholeNumber(params.get(keys.page), 1) ?? 1,
  };
}

/**
 * Writes a change of filters into a copy of the query string. Any change
 * other than the page itself goes back to the first page.
 */
export function writeFilters(
  params: URLSearchParams,
  patch: Partial<CatalogFilters>,
): URLSearchParams {
  return writeState(params, keys, defaults, {
    ...readFilters(params),
    page: 1,
    ...patch,
  });
}

/** The API query for the filters, within a category when there is one. */
export function toProductQuery(
  filters: CatalogFilters,
  category?: string,
): ProductQuery {
  return {
    page: filters.page,
    limit: pageSize,
    category: category || undefined,
    brand: filters.brand || undefined,
    price_min: filters.priceMin,
    price_max: filters.priceMax,
    in_stock: filters.inStock || undefined,
    search: filters.q || undefined,
    sort: sortOptions.find((o) => o.value === filters.sort)?.api,
  };
}

/** useCatalogSearch binds the catalog filters to the URL. */
export function useCatalogSearch() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => readFilters(params), [params]);

  const update = useCallback(
    // A filter changes the results, not the place: stay where the shopper
    // is. Pagination links do scroll back to the top.
    (patch: Partial<CatalogFilters>) =>
      setParams((current) => writeFilters(current, patch), {
        preventScrollReset: true,
      }),
    [setParams],
  );

  // The query string for links that keep the filters but leave the page.
  const search = useMemo(() => {
    const s = writeFilters(params, {}).toString();
    return s ? `?${s}` : '';
  }, [params]);

  return { filters, update, search, params };
}
