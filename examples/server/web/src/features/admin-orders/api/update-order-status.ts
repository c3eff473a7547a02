import { useMutation, useQueryClient } from '@tanstack/react-query';

import { apiRequest } from '@/lib/api-client';
import type { Envelope } from '@/types/api';
import type { Order, OrderStatus } from '@/types/shop';

/** useUpdateOrderStatus moves an order to another status, with a note. */
export function useUpdateOrderStatus(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (change: { status: OrderStatus; note: string }) =>
      apiRequest<Envelope<Order>>('PUT', `/orders/${id}/status`, {
        body: change,
      }).then((b) => b.data),
    onSuccess: () =>
      client.invalidateQueries({ queryKey: ['admin', 'orders'] }),
  });
}
