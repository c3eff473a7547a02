import { useMutation, useQueryClient } from '@tanstack/react-query';

import { apiRequest } from '@/lib/api-client';
import type { Envelope } from '@/types/api';
import type { Order } from '@/types/shop';

/**
 * useCapturePayment takes a held payment now instead of at shipment
 * (manager and above). One Idempotency-Key per attempt, so a retried
 * click never takes the money twice.
 */
export function useCapturePayment(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () =>
      apiRequest<Envelope<Order>>('POST', `/admin/orders/${id}/capture`, {
        headers: { 'Idempotency-Key': crypto.randomUUID() },
      }).then((b) => b.data),
    onSuccess: () =>
      client.invalidateQueries({ queryKey: ['admin', 'orders'] }),
  });
}
