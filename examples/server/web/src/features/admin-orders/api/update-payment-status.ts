import { useMutation, useQueryClient } from '@tanstack/react-query';

import { apiRequest } from '@/lib/api-client';
import type { Envelope } from '@/types/api';
import type { Order, PaymentStatus } from '@/types/shop';

/**
 * useUpdatePaymentStatus records what became of an order's payment, as
 * staff confirm a bank transfer or cash on delivery by hand.
 */
export function useUpdatePaymentStatus(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (change: {
      payment_status: PaymentStatus;
      reference: string;
      note: string;
    }) =>
      apiRequest<Envelope<Order>>('PUT', `/orders/${id}/payment`, {
        body: change,
      }).then((b) => b.data),
    onSuccess: () =>
      client.invalidateQueries({ queryKey: ['admin', 'orders'] }),
  });
}
