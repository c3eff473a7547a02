import { paymentMethodLabel } from '@/lib/order-status';

import { usePaymentMethods } from '../api/get-payment-methods';
import type { PaymentMethodInfo } from '../api/get-payment-methods';

/** A method the payment step offers. */
export interface PaymentChoice {
  code: string;
  label: string;
  help: string;
}

export const cardLabel = 'Tarjeta de crédito o débito';

const help: Record<string, string> = {
  bank_transfer:
    'Te damos los datos de la cuenta al confirmar; despachamos cuando recibimos el pago.',
  cash_on_delivery: 'Pagas al recibir el pedido.',
};

const cardHelp =
  'Pagas en el formulario seguro de Stripe al confirmar; los datos de la tarjeta no pasan por nuestra tienda.';

// What every server takes.
const builtIn: PaymentMethodInfo[] = [
  { code: 'bank_transfer', name: '', manual: true, capabilities: [] },
  { code: 'cash_on_delivery', name: '', manual: true, capabilities: [] },
];

/**
 * paymentChoices turns the server's methods into the step's options: the
 * manual ones, and card gateways whose form the storefront can open (those
 * with a public key). Others need a form this storefront lacks.
 */
export function paymentChoices(methods: PaymentMethodInfo[]): PaymentChoice[] {
  return methods.flatMap((m) => {
    if (m.public_key)
      return [{ code: m.code, label: cardLabel, help: cardHelp }];
    if (!m.manual) return [];
    const known = paymentMethodLabel(m.code);
    return [
      {
        code: m.code,
        label: known !== m.code ? known : m.name || m.code,
        help: help[m.code] ?? '',
      },
    ];
  });
}

/** usePaymentChoices lists what the shopper may pay with. */
export function usePaymentChoices(): {
  choices: PaymentChoice[];
  isPending: boolean;
} {
  const methods = usePaymentMethods();
  if (methods.data)
    return { choices: paymentChoices(methods.data), isPending: false };
  // Without the list (an older server: 404), offer what every server takes.
  if (methods.isError)
    return { choices: paymentChoices(builtIn), isPending: false };
  return { choices: [], isPending: true };
}
