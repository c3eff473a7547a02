import type { Stripe, StripeError } from '@stripe/stripe-js';

const loaded = new Map<string, Promise<Stripe | null>>();

/**
 * getStripe loads Stripe.js for a publishable key, once per key, and only
 * when called: pages without the card method never fetch it.
 */
export function getStripe(publicKey: string): Promise<Stripe | null> {
  let p = loaded.get(publicKey);
  if (!p) {
    p = import('@stripe/stripe-js').then((m) => m.loadStripe(publicKey));
    loaded.set(publicKey, p);
    // A failed load (no network) may be tried again later.
    p.catch(() => loaded.delete(publicKey));
  }
  return p;
}

const declines: Record<string, string> = {
  card_declined: 'La tarjeta fue rechazada.',
  generic_decline: 'La tarjeta fue rechazada.',
  insufficient_funds: 'La tarjeta fue rechazada por fondos insuficientes.',
  lost_card: 'La tarjeta fue rechazada.',
  stolen_card: 'La tarjeta fue rechazada.',
  expired_card: 'La tarjeta está vencida.',
  incorrect_cvc: 'El código de seguridad de la tarjeta es incorrecto.',
  invalid_cvc: 'El código de seguridad de la tarjeta no es válido.',
  incorrect_number: 'El número de la tarjeta es incorrecto.',
  invalid_number: 'El número de la tarjeta no es válido.',
  invalid_expiry_month: 'El mes de vencimiento no es válido.',
  invalid_expiry_year: 'El año de vencimiento no es válido.',
  processing_error:
    'Hubo un error al procesar la tarjeta. Inténtalo de nuevo en un momento.',
  payment_intent_authentication_failure:
    'No se pudo verificar la tarjeta con tu banco.',
  authentication_required: 'Tu banco pide verificar el pago.',
};

/**
 * stripeErrorMessage says in Spanish why Stripe did not take the card. The
 * Payment Element is opened with locale "es", so Stripe's own message is
 * already Spanish for input errors; known decline codes get ours.
 */
export function stripeErrorMessage(error: StripeError): string {
  const known =
    (error.decline_code && declines[error.decline_code]) ||
    (error.code && declines[error.code]);
  if (known) return known;
  if (
    (error.type === 'validation_error' || error.type === 'card_error') &&
    error.message
  )
    return error.message;
  return 'No pudimos procesar el pago con tarjeta. Revisa los datos o usa otra tarjeta.';
}
