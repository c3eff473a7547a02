import {
  keepPreviousData,
  queryOptions,
  useQuery,
} from '@tanstack/react-query';

import { apiGet } from '@/lib/api-client';
import type { Paginated, ProductSummary } from '@/types/api';

export type ProductSort =
  'newest' | 'price_asc' | 'price_desc' | 'name' | 'rating';

/** The parameters of GET /products, as docs/api.md names them. */
export interface ProductQuery {
  page?: number;
  limit?: number;
  category?: string;
  brand?: string;
  price_min?: number;
  price_max?: number;
  in_stock?: boolean;
  featured?: boolean;
  search?: string;
  sort?: ProductSort;
}

export function getProducts(
  query: ProductQuery,
  signal?: AbortSignal,
): Promise<Paginated<ProductSummary>> {
  return apiGet('/products', { ...query }, signal);
}

export function productsQueryOptions(query: ProductQuery) {
  return queryOptions({
    queryKey: ['products', query],
    queryFn: ({ signal }) => getProducts(query, signal),
    // Keep the current page on screen while the next one loads.
    placeholderData: keepPreviousData,
  });
}

/** useProducts lists products matching a query, one page at a time. */
export function useProducts(query: ProductQuery, options = { enabled: true }) {
  return useQuery({ ...productsQueryOptions(query), ...options });
}
