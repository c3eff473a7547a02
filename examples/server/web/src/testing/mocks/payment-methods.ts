import { http, HttpResponse } from 'msw';

import type { PaymentMethodInfo } from '@/features/checkout/api/get-payment-methods';

const builtIn: PaymentMethodInfo[] = [
  {
    code: 'bank_transfer',
    name: 'Transferencia bancaria',
    manual: true,
    capabilities: ['manual'],
  },
  {
    code: 'cash_on_delivery',
    name: 'Pago contra entrega',
    manual: true,
    capabilities: ['manual'],
  },
];

/** What GET /payment-methods answers; tests add a card gateway. */
export const paymentMethods = { list: [...builtIn] };

export function resetPaymentMethods() {
  paymentMethods.list = [...builtIn];
}

export const stripeMethod: PaymentMethodInfo = {
  code: 'stripe',
  name: 'Tarjeta de crédito o débito',
  manual: false,
  capabilities: ['void', 'refund_partial', 'webhook'],
  public_key: 'pk_test_tienda',
};

export const paymentMethodHandlers = [
  http.get('*/payment-methods', () =>
    HttpResponse.json({ data: paymentMethods.list }),
  ),
];
