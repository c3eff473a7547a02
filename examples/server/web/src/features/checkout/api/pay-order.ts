import { useMutation } from '@tanstack/react-query';

import { apiRequest } from '@/lib/api-client';
import type { PlacedOrder } from '@/types/shop';

/**
 * usePayOrder starts the payment of a pending order again
 * (POST /orders/{id}/pay): after a gateway that was down, or for a fresh
 * client secret after a failed card. The server sends the gateway the
 * order's own key, so nothing is charged twice.
 */
export function usePayOrder(id: number) {
  return useMutation({
    mutationFn: () =>
      apiRequest<PlacedOrder>('POST', `/orders/${encodeURIComponent(id)}/pay`, {
        body: {},
        credentials: 'include',
      }),
  });
}
