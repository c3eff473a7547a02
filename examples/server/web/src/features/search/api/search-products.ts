import {
  keepPreviousData,
  queryOptions,
  useQuery,
} from '@tanstack/react-query';

import { apiGet } from '@/lib/api-client';
import type { ProductSummary } from '@/types/api';

export type SearchSort =
  'relevance' | 'price_asc' | 'price_desc' | 'newest' | 'rating';

/** The parameters of GET /search/products. */
export interface SearchQuery {
  q?: string;
  category?: string;
  brand?: string;
  price_min?: number;
  price_max?: number;
  in_stock?: boolean;
  sort?: SearchSort;
  page?: number;
  limit?: number;
}

export interface CategoryFacet {
  id: number;
  parent_id: number | null;
  name: string;
  slug: string;
  count: number;
}

export interface BrandFacet {
  id: number;
  name: string;
  slug: string;
  count: number;
}

/** A price band: min included, max excluded (null: no upper end). */
export interface PriceFacet {
  min: number;
  max: number | null;
  label: string;
  key: string;
  count: number;
}

/** The answer of GET /search/products (the specification's 5.7). */
export interface SearchResponse {
  results: ProductSummary[];
  aggregations: {
    categories: CategoryFacet[];
    brands: BrandFacet[];
    price_ranges: PriceFacet[];
  };
  suggestions: string[];
  did_you_mean: string | null;
  total: number;
  took: number;
  page: number;
  limit: number;
  pages: number;
}

export function searchProducts(
  query: SearchQuery,
  signal?: AbortSignal,
): Promise<SearchResponse> {
  return apiGet(
    '/search/products',
    {
      q: query.q,
      'filters[category]': query.category,
      'filters[brand]': query.brand,
      'filters[price_min]': query.price_min,
      'filters[price_max]': query.price_max,
      'filters[in_stock]': query.in_stock,
      sort: query.sort,
      page: query.page,
      limit: query.limit,
    },
    signal,
  );
}

export function searchQueryOptions(query: SearchQuery) {
  return queryOptions({
    queryKey: ['search', query],
    queryFn: ({ signal }) => searchProducts(query, signal),
    // Keep the current results on screen while the next ones load.
    placeholderData: keepPreviousData,
  });
}

/** useSearch runs a full-text search with facets, one page at a time. */
export function useSearch(query: SearchQuery) {
  return useQuery(searchQueryOptions(query));
}
