import { queryOptions, useQuery } from '@tanstack/react-query';

import { apiGet } from '@/lib/api-client';
import type { Envelope, Product } from '@/types/api';

export function getProduct(
  slug: string,
  signal?: AbortSignal,
): Promise<Product> {
  return apiGet<Envelope<Product>>(
    `/products/${encodeURIComponent(slug)}`,
    {},
    signal,
  ).then((body) => body.data);
}

export function productQueryOptions(slug: string) {
  return queryOptions({
    queryKey: ['product', slug],
    queryFn: ({ signal }) => getProduct(slug, signal),
  });
}

/** useProduct loads one product, by slug, with its variants. */
export function useProduct(slug: string) {
  return useQuery(productQueryOptions(slug));
}
