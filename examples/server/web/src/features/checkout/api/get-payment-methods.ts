import { useQuery } from '@tanstack/react-query';

import { apiRequest } from '@/lib/api-client';
import type { Envelope } from '@/types/api';

/** A method checkout takes, as GET /payment-methods lists it. */
export interface PaymentMethodInfo {
  code: string;
  name: string;
  manual: boolean;
  capabilities: string[] | null;
  /** Set when the gateway's own form (Stripe.js) finishes the payment. */
  public_key?: string;
}

export const paymentMethodsKey = ['payment-methods'] as const;

/** usePaymentMethods loads the methods the shop takes. */
export function usePaymentMethods() {
  return useQuery({
    queryKey: paymentMethodsKey,
    queryFn: ({ signal }) =>
      apiRequest<Envelope<PaymentMethodInfo[]>>('GET', '/payment-methods', {
        signal,
      }).then((b) => b.data),
    staleTime: 5 * 60_000,
  });
}

/** The card method (one with a public key) named by code, if any. */
export function cardMethod(
  methods: PaymentMethodInfo[] | undefined,
  code: string,
): PaymentMethodInfo | undefined {
  return methods?.find((m) => m.code === code && m.public_key);
}
