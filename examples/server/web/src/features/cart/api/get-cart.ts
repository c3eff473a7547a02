import { queryOptions, useQuery } from '@tanstack/react-query';

import { apiRequest } from '@/lib/api-client';
import type { Envelope } from '@/types/api';
import type { Cart } from '@/types/shop';

/** The key of the cart in the query cache; every cart write refreshes it. */
export const cartKey = ['cart'] as const;

/**
 * A guest's cart is keyed by the HttpOnly cookie the server sets, so cart
 * calls always send cookies, even to an API on another origin.
 */
export const withCookies = { credentials: 'include' } as const;

export function getCart(signal?: AbortSignal): Promise<Cart> {
  return apiRequest<Envelope<Cart>>('GET', '/cart', {
    ...withCookies,
    signal,
  }).then((b) => b.data);
}

export function cartQueryOptions() {
  return queryOptions({
    queryKey: cartKey,
    queryFn: ({ signal }) => getCart(signal),
    // The cart changes on other devices and in other tabs.
    staleTime: 0,
  });
}

/** useCart loads the shopper's cart, priced now by the server. */
export function useCart() {
  return useQuery(cartQueryOptions());
}
