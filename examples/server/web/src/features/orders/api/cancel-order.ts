import { useMutation, useQueryClient } from '@tanstack/react-query';

import { apiRequest } from '@/lib/api-client';
import type { Envelope } from '@/types/api';
import type { Order } from '@/types/shop';

import { orderKeys } from './get-orders';

/**
 * useCancelOrder lets customers cancel their own order while the server
 * allows it (pending and unpaid); the server releases its stock.
 */
export function useCancelOrder(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () =>
      apiRequest<Envelope<Order>>('POST', `/orders/${id}/cancel`, {
        body: {},
      }).then((b) => b.data),
    onSuccess: (order) => {
      client.setQueryData(orderKeys.one(String(id)), order);
      return client.invalidateQueries({ queryKey: orderKeys.all });
    },
  });
}
