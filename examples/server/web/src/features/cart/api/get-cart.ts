import { queryOptions, useQuery } from '@tanstack/react-query';

import { apiRequest } from '@/lib/api-client';
import { useAuth } from '@/lib/auth/auth-context';
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

/**
 * useCart loads the shopper's cart, priced now by the server. It waits
 * while a session from an earlier visit is being renewed: asked before,
 * the server would answer with the guest cart, or refuse a token that the
 * renewal is replacing.
 */
export function useCart() {
  const auth = useAuth();
  return useQuery({
    ...cartQueryOptions(),
    enabled: auth.status !== 'loading',
  });
}
