import { keepPreviousData, useQuery } from '@tanstack/react-query';

import { apiRequest } from '@/lib/api-client';
import type { Envelope, Paginated } from '@/types/api';
import type { Order, OrderSummary } from '@/types/shop';

/** The keys of orders in the query cache. */
export const orderKeys = {
  all: ['orders'] as const,
  list: (page: number) => ['orders', 'list', page] as const,
  one: (id: string) => ['orders', 'one', id] as const,
};

/** useOrders loads one page of the signed-in customer's orders. */
export function useOrders(page: number) {
  return useQuery({
    queryKey: orderKeys.list(page),
    queryFn: ({ signal }) =>
      apiRequest<Paginated<OrderSummary>>('GET', '/orders', {
        params: { page },
        signal,
      }),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

/** useOrder loads an order with its lines and timeline. */
export function useOrder(id: string) {
  return useQuery({
    queryKey: orderKeys.one(id),
    queryFn: ({ signal }) =>
      apiRequest<Envelope<Order>>('GET', `/orders/${encodeURIComponent(id)}`, {
        signal,
      }).then((b) => b.data),
    staleTime: 0,
  });
}
