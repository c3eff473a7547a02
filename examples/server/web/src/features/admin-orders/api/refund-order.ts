import { useMutation, useQueryClient } from '@tanstack/react-query';

import { apiRequest } from '@/lib/api-client';
import type { Envelope } from '@/types/api';
import type { Order } from '@/types/shop';

/** What staff ask of a refund; no amount refunds all that is left. */
export type RefundRequest = {
  amount?: number;
  restock: boolean;
  note: string;
};

/**
 * useRefundOrder gives back all or part of an order's payment through the
 * gateway it was paid with (admin and above). The server keys the refund,
 * so a retried request never refunds twice.
 */
export function useRefundOrder(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (refund: RefundRequest) =>
      apiRequest<Envelope<Order>>('POST', `/admin/orders/${id}/refunds`, {
        body: refund,
      }).then((b) => b.data),
    onSuccess: () =>
      client.invalidateQueries({ queryKey: ['admin', 'orders'] }),
  });
}
