import { useMutation } from '@tanstack/react-query';
import { useRef } from 'react';

import { apiRequest } from '@/lib/api-client';
import { newIdempotencyKey } from '@/lib/idempotency-key';
import type { OrderAddress, PaymentMethod, PlacedOrder } from '@/types/shop';

/**
 * An order as POST /orders takes it. There are no items: the server checks
 * out the shopper's cart, at its own prices.
 */
export interface NewOrder {
  shipping_address: OrderAddress;
  billing_address?: OrderAddress;
  shipping_method?: string;
  payment_method: PaymentMethod;
  notes?: string;
}

/**
 * usePlaceOrder places the order. Each attempt carries an Idempotency-Key;
 * sending the same order again (a retry after a network error or a double
 * click) reuses it, so the server makes one order. A changed order gets a
 * new key, since the server refuses a key with another body.
 */
export function usePlaceOrder() {
  const attempt = useRef<{ key: string; body: string } | null>(null);

  return useMutation({
    mutationFn: (order: NewOrder) => {
      const body = JSON.stringify(order);
      if (attempt.current?.body !== body) {
        attempt.current = { key: newIdempotencyKey(), body };
      }
      return apiRequest<PlacedOrder>('POST', '/orders', {
        body: order,
        headers: { 'Idempotency-Key': attempt.current.key },
        credentials: 'include',
      });
    },
  });
}
