import { queryOptions, useQuery } from '@tanstack/react-query';

import { apiGet } from '@/lib/api-client';
import type { CategoryNode, Envelope } from '@/types/api';

export function getCategories(signal?: AbortSignal): Promise<CategoryNode[]> {
  return apiGet<Envelope<CategoryNode[]>>('/categories', {}, signal).then(
    (body) => body.data,
  );
}

export const categoriesQueryOptions = queryOptions({
  queryKey: ['categories'],
  queryFn: ({ signal }) => getCategories(signal),
  // The tree changes rarely; the header, home and catalog share it.
  staleTime: 5 * 60_000,
});

/** useCategories loads the whole category tree. */
export function useCategories() {
  return useQuery(categoriesQueryOptions);
}
