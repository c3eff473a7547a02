import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';

import { apiRequest } from '@/lib/api-client';
import type { Envelope } from '@/types/api';
import type { Cart } from '@/types/shop';

import { cartKey, withCookies } from './get-cart';

/** What to add: variant_id is null for a product without variants. */
export interface NewItem {
  product_id: number;
  variant_id: number | null;
  quantity: number;
}

// A write answers with the cart as it is now when the server sends it;
// the cache takes it at once and is refreshed anyway, so the header and
// the cart page never show an old total.
function settle(client: QueryClient, body: Envelope<Cart> | undefined) {
  if (body?.data && Array.isArray(body.data.items)) {
    client.setQueryData(cartKey, body.data);
  }
  return client.invalidateQueries({ queryKey: cartKey });
}

/** useAddToCart puts units of a product or variant in the cart. */
export function useAddToCart() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (item: NewItem) =>
      apiRequest<Envelope<Cart>>('POST', '/cart/items', {
        ...withCookies,
        body: item,
      }),
    onSuccess: (body) => settle(client, body),
  });
}

/** useUpdateCartItem sets the quantity of one item. */
export function useUpdateCartItem() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, quantity }: { id: number; quantity: number }) =>
      apiRequest<Envelope<Cart>>('PUT', `/cart/items/${id}`, {
        ...withCookies,
        body: { quantity },
      }),
    onSuccess: (body) => settle(client, body),
  });
}

/** useRemoveCartItem takes one item out of the cart. */
export function useRemoveCartItem() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) =>
      apiRequest<Envelope<Cart> | undefined>(
        'DELETE',
        `/cart/items/${id}`,
        withCookies,
      ),
    onSuccess: (body) => settle(client, body),
  });
}

/** useClearCart empties the cart. */
export function useClearCart() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () =>
      apiRequest<Envelope<Cart> | undefined>('DELETE', '/cart', withCookies),
    onSuccess: (body) => settle(client, body),
  });
}
