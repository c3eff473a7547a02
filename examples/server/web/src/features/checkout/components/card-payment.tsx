import type {
  Stripe,
  StripeElements,
  StripeError,
  StripePaymentElement,
} from '@stripe/stripe-js';
import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';

import { FormError } from '@/components/form-error';
import { paths } from '@/config/paths';
import { paymentStatusLabels } from '@/lib/order-status';
import { getStripe, stripeErrorMessage } from '@/lib/stripe';
import type { Order } from '@/types/shop';

import { cardMethod, usePaymentMethods } from '../api/get-payment-methods';
import { usePayOrder } from '../api/pay-order';

interface Props {
  order: Order;
  /** The client secret POST /orders answered, when the checkout hands it. */
  clientSecret?: string;
  /** What the gateway said, when it did not take the payment. */
  message?: string;
  onRefresh: () => void;
}

/**
 * OrderPayment shows the payment's status as the server reports it (a
 * gateway's webhook marks it paid) and, for a card order still waiting,
 * Stripe's Payment Element to pay it. Card data goes from the browser to
 * Stripe only; the store keeps the gateway's references.
 */
export function OrderPayment({
  order,
  clientSecret,
  message,
  onRefresh,
}: Props) {
  const methods = usePaymentMethods();
  const card = cardMethod(methods.data, order.payment_method);
  const [params] = useSearchParams();
  // Stripe sends the shopper back here after a bank's check.
  const returned = params.get('redirect_status');
  const waiting =
    order.payment_status === 'pending' && order.status === 'pending';

  return (
    <section
      aria-labelledby="payment-title"
      className="mt-6 rounded-lg border border-slate-200 p-4"
    >
      <h2 id="payment-title" className="font-semibold text-slate-900">
        Pago
      </h2>
      <p className="mt-1 flex flex-wrap items-center gap-3 text-sm text-slate-700">
        <span>
          Estado del pago:{' '}
          <strong>
            {paymentStatusLabels[order.payment_status] ?? order.payment_status}
          </strong>
        </span>
        <button
          type="button"
          onClick={onRefresh}
          className="rounded-md border border-slate-300 px-3 py-1 font-semibold hover:bg-slate-50"
        >
          Actualizar
        </button>
      </p>
      {message && !waiting && (
        // A declined card: the server cancelled the order and says why.
        <p role="alert" className="mt-2 text-sm text-rose-800">
          {message}
        </p>
      )}
      {card?.public_key &&
        waiting &&
        (returned === 'succeeded' || returned === 'processing' ? (
          <p role="status" className="mt-2 text-sm text-slate-700">
            Recibimos el pago con tarjeta; lo confirmamos en unos segundos.
          </p>
        ) : (
          <CardPayment
            order={order}
            publicKey={card.public_key}
            clientSecret={clientSecret}
            message={
              returned === 'failed'
                ? 'El banco no aprobó el pago. Puedes reintentarlo.'
                : message
            }
            onRefresh={onRefresh}
          />
        ))}
    </section>
  );
}

type Phase = 'idle' | 'loading' | 'ready' | 'paying' | 'failed' | 'paid';

/** CardPayment mounts the Payment Element and confirms the payment. */
export function CardPayment({
  order,
  publicKey,
  clientSecret,
  message,
  onRefresh,
}: {
  order: Order;
  publicKey: string;
  clientSecret?: string;
  message?: string;
  /** Loads the order again from the server. */
  onRefresh: () => void;
}) {
  const pay = usePayOrder(order.id);
  const [secret, setSecret] = useState(clientSecret);
  // Each retry mounts a new element, even when the gateway hands back the
  // same PaymentIntent (and so the same secret).
  const [attempt, setAttempt] = useState(0);
  // Without a secret, a message means the gateway did not answer: retry.
  const [phase, setPhase] = useState<Phase>(
    clientSecret ? 'loading' : message ? 'failed' : 'idle',
  );
  const [error, setError] = useState(message);
  const box = useRef<HTMLDivElement>(null);
  const elements = useRef<StripeElements | null>(null);
  const stripeRef = useRef<Stripe | null>(null);

  useEffect(() => {
    if (!secret) return;
    let element: StripePaymentElement | undefined;
    let gone = false;
    getStripe(publicKey).then(
      (stripe) => {
        if (gone) return;
        if (!stripe || !box.current) {
          setError(
            'No pudimos abrir el formulario de pago. Inténtalo de nuevo.',
          );
          setPhase('failed');
          return;
        }
        const els = stripe.elements({ clientSecret: secret, locale: 'es' });
        element = els.create('payment');
        element.mount(box.current);
        elements.current = els;
        stripeRef.current = stripe;
        setPhase('ready');
      },
      () => {
        if (gone) return;
        setError(
          'No pudimos cargar el formulario de pago. Revisa tu conexión.',
        );
        setPhase('failed');
      },
    );
    return () => {
      gone = true;
      element?.destroy();
      elements.current = null;
    };
  }, [publicKey, secret, attempt]);

  async function submit() {
    const stripe = stripeRef.current;
    if (!elements.current || !stripe) return;
    setPhase('paying');
    setError(undefined);
    let failed: StripeError | undefined;
    try {
      ({ error: failed } = await stripe.confirmPayment({
        elements: elements.current,
        confirmParams: {
          return_url: new URL(
            paths.orderPlaced(order.id),
            window.location.origin,
          ).toString(),
        },
        redirect: 'if_required',
      }));
    } catch {
      failed = { type: 'api_connection_error' } as StripeError;
    }
    if (failed) {
      setError(stripeErrorMessage(failed));
      setPhase('failed');
      return;
    }
    setPhase('paid');
    onRefresh();
  }

  function retry() {
    setError(undefined);
    pay.mutate(undefined, {
      onSuccess: ({ payment }) => {
        // The order may have moved (a decline cancels it): show the server's.
        onRefresh();
        if (payment?.client_secret) {
          setPhase('loading');
          setSecret(payment.client_secret);
          setAttempt((n) => n + 1);
        } else {
          setError(
            payment?.message ||
              'El medio de pago no está disponible; inténtalo más tarde.',
          );
          setPhase('failed');
        }
      },
    });
  }

  if (phase === 'paid')
    return (
      <p role="status" className="mt-2 text-sm text-emerald-800">
        Pago enviado. Lo confirmamos apenas el banco responda: usa «Actualizar»
        para ver el estado.
      </p>
    );

  return (
    <div className="mt-3 flex flex-col gap-3">
      <h3 className="font-medium text-slate-900">
        Tarjeta de crédito o débito
      </h3>
      {secret && <div ref={box} data-testid="payment-element" />}
      {phase === 'loading' && (
        <p className="text-sm text-slate-600">
          Cargando el formulario de pago…
        </p>
      )}
      {error && (
        <p role="alert" className="text-sm text-rose-800">
          {error}
        </p>
      )}
      {pay.isError && <FormError error={pay.error} />}
      <div className="flex gap-3">
        {(phase === 'ready' || phase === 'paying') && (
          <button
            type="button"
            onClick={() => void submit()}
            disabled={phase === 'paying'}
            className="rounded-md bg-indigo-600 px-5 py-2.5 font-semibold text-white hover:bg-indigo-700 disabled:opacity-60"
          >
            {phase === 'paying' ? 'Procesando el pago…' : 'Pagar'}
          </button>
        )}
        {(phase === 'failed' || phase === 'idle') && (
          <button
            type="button"
            onClick={retry}
            disabled={pay.isPending}
            className="rounded-md bg-indigo-600 px-5 py-2.5 font-semibold text-white hover:bg-indigo-700 disabled:opacity-60"
          >
            {phase === 'idle' ? 'Pagar con tarjeta' : 'Reintentar'}
          </button>
        )}
      </div>
    </div>
  );
}
