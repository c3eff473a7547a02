import {
  keepPreviousData,
  queryOptions,
  useQuery,
} from '@tanstack/react-query';

import { apiGet } from '@/lib/api-client';
import type { Brand, Envelope } from '@/types/api';

export interface BrandQuery {
  search?: string;
  limit?: number;
}

export function getBrands(
  query: BrandQuery,
  signal?: AbortSignal,
): Promise<Brand[]> {
  return apiGet<Envelope<Brand[]>>('/brands', { ...query }, signal).then(
    (body) => body.data,
  );
}

export function brandsQueryOptions(query: BrandQuery) {
  return queryOptions({
    queryKey: ['brands', query],
    queryFn: ({ signal }) => getBrands(query, signal),
    staleTime: 5 * 60_000,
    placeholderData: keepPreviousData,
  });
}

/** useBrands finds brands by name, for the brand filter. */
export function useBrands(query: BrandQuery) {
  return useQuery(brandsQueryOptions(query));
}
