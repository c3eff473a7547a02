import { useState } from 'react';
import type { ReactNode } from 'react';

import { FormError } from '@/components/form-error';
import { ApiError } from '@/lib/api-client';
import { useAuth } from '@/lib/auth/auth-context';
import { apiFieldErrors } from '@/lib/form-errors';
import type { FieldErrors } from '@/lib/form-errors';
import type {
  Cart,
  OrderAddress,
  PaymentMethod,
  PlacedOrder,
  ShippingOption,
} from '@/types/shop';

import { useShippingOptions } from '../api/get-shipping-options';
import { usePlaceOrder } from '../api/place-order';
import { checkAddress } from '../lib/check-address';
import type { AddressErrors } from '../lib/check-address';

import { AddressStep } from './address-step';
import { PaymentStep } from './payment-step';
import { ReviewStep } from './review-step';
import { ShippingStep } from './shipping-step';

const steps = [
  { id: 'address', label: 'Dirección' },
  { id: 'shipping', label: 'Despacho' },
  { id: 'payment', label: 'Pago' },
  { id: 'review', label: 'Confirmar' },
] as const;

type Step = (typeof steps)[number]['id'];

const emptyAddress: OrderAddress = {
  name: '',
  phone: '',
  street: '',
  city: '',
  region: '',
  postal_code: '',
  country: 'CL',
};

interface Props {
  cart: Cart;
  onPlaced: (placed: PlacedOrder) => void;
  /** What to show when the server wants the shopper signed in. */
  signIn?: ReactNode;
}

/**
 * CheckoutFlow takes the shopper through address, shipping, payment and
 * review, then places the order. The server prices it; the client sends
 * only choices. Errors the server names go back to their step and input.
 */
export function CheckoutFlow({ cart, onPlaced, signIn }: Props) {
  const { user } = useAuth();
  const [step, setStep] = useState<Step>('address');
  // The recipient is the account's holder until the shopper says otherwise.
  const [address, setAddress] = useState<OrderAddress>(() => ({
    ...emptyAddress,
    name: user?.name ?? '',
    phone: user?.phone ?? '',
  }));
  const [addressErrors, setAddressErrors] = useState<AddressErrors>({});
  const [shipping, setShipping] = useState<ShippingOption | null>(null);
  const [shippingError, setShippingError] = useState<string>();
  const offered = useShippingOptions(address.region ?? '');
  const [payment, setPayment] = useState<PaymentMethod | ''>('');
  const [paymentError, setPaymentError] = useState<string>();
  const [notes, setNotes] = useState('');
  const place = usePlaceOrder();

  const blocked = cart.items.some((it) => !it.available || it.out_of_stock);

  function next() {
    if (step === 'address') {
      const bad = checkAddress(address);
      setAddressErrors(bad);
      if (Object.keys(bad).length > 0) return;
      setStep('shipping');
    } else if (step === 'shipping') {
      // A server without shipping methods (404) picks one itself.
      const notOffered =
        offered.error instanceof ApiError && offered.error.status === 404;
      if (!shipping && !notOffered) {
        setShippingError('Elige una forma de despacho');
        return;
      }
      setStep('payment');
    } else if (step === 'payment') {
      if (!payment) {
        setPaymentError('Elige cómo pagar');
        return;
      }
      setStep('review');
    }
  }

  function back() {
    const i = steps.findIndex((s) => s.id === step);
    if (i > 0) setStep(steps[i - 1]!.id);
  }

  function submit() {
    if (!payment) return;
    place.mutate(
      {
        shipping_address: {
          ...address,
          name: address.name?.trim(),
          street: address.street.trim(),
          city: address.city.trim(),
        },
        shipping_method: shipping?.code || undefined,
        payment_method: payment,
        notes: notes.trim() || undefined,
      },
      {
        onSuccess: onPlaced,
        onError: (error) => {
          // Send the shopper back to the step with the field to fix.
          const bad = apiFieldErrors(error);
          const wrong = addressFieldErrors(bad);
          if (Object.keys(wrong).length > 0) {
            setAddressErrors(wrong);
            setStep('address');
          } else if (bad.shipping_method) {
            setStep('shipping');
          } else if (bad.payment_method) {
            setPaymentError(bad.payment_method);
            setStep('payment');
          }
        },
      },
    );
  }

  const unauthenticated =
    place.error instanceof ApiError && place.error.status === 401;

  return (
    <div className="flex flex-col gap-6">
      <nav aria-label="Pasos del pago">
        <ol className="flex flex-wrap gap-2 text-sm">
          {steps.map((s, i) => (
            <li
              key={s.id}
              aria-current={s.id === step ? 'step' : undefined}
              className={`rounded-full px-3 py-1 ${
                s.id === step
                  ? 'bg-indigo-600 font-semibold text-white'
                  : 'bg-slate-100 text-slate-700'
              }`}
            >
              {i + 1}. {s.label}
            </li>
          ))}
        </ol>
      </nav>

      <form
        noValidate
        aria-label="Pago del pedido"
        className="flex flex-col gap-6"
        onSubmit={(e) => {
          e.preventDefault();
          if (step === 'review') submit();
          else next();
        }}
      >
        {step === 'address' && (
          <AddressStep
            address={address}
            errors={addressErrors}
            onChange={(a) => {
              setAddress(a);
              // A new region may not be served by the chosen method.
              if (a.region !== address.region) setShipping(null);
            }}
          />
        )}
        {step === 'shipping' && (
          <ShippingStep
            region={address.region ?? ''}
            method={shipping?.code ?? ''}
            error={shippingError ?? apiFieldErrors(place.error).shipping_method}
            onChange={(option) => {
              setShipping(option);
              setShippingError(undefined);
            }}
          />
        )}
        {step === 'payment' && (
          <PaymentStep
            method={payment}
            error={paymentError}
            onChange={(m) => {
              setPayment(m);
              setPaymentError(undefined);
            }}
          />
        )}
        {step === 'review' && payment && (
          <ReviewStep
            cart={cart}
            address={address}
            shipping={shipping}
            payment={payment}
            notes={notes}
            notesError={apiFieldErrors(place.error).notes}
            onNotes={setNotes}
            onEdit={setStep}
          />
        )}

        {place.isError &&
          (unauthenticated ? (
            <div
              role="alert"
              className="rounded-md border border-amber-200 bg-amber-50 p-3 text-amber-900"
            >
              <p className="font-semibold">Inicia sesión para comprar</p>
              <p className="text-sm">
                Tu carro se guarda: al entrar lo encontrarás tal como está.
              </p>
              {signIn}
            </div>
          ) : (
            <FormError error={place.error} />
          ))}
        {step === 'review' && blocked && (
          <p role="alert" className="text-rose-800">
            Hay productos sin stock suficiente o que ya no se venden: corrige el
            carro antes de pagar.
          </p>
        )}

        <div className="flex justify-between gap-3">
          {step !== 'address' ? (
            <button
              type="button"
              onClick={back}
              className="rounded-md border border-slate-300 px-4 py-2 font-semibold hover:bg-slate-50"
            >
              Volver
            </button>
          ) : (
            <span />
          )}
          <button
            type="submit"
            disabled={place.isPending || (step === 'review' && blocked)}
            className="rounded-md bg-indigo-600 px-5 py-2.5 font-semibold text-white hover:bg-indigo-700 disabled:opacity-60"
          >
            {step !== 'review'
              ? 'Continuar'
              : place.isPending
                ? 'Creando el pedido…'
                : 'Confirmar pedido'}
          </button>
        </div>
      </form>
    </div>
  );
}

/** The server's errors about the shipping address, by field. */
function addressFieldErrors(bad: FieldErrors): AddressErrors {
  const out: AddressErrors = {};
  for (const f of [
    'name',
    'street',
    'city',
    'region',
    'postal_code',
    'phone',
    'country',
  ] as const) {
    const message = bad[`shipping_address.${f}`];
    if (message) out[f] = message;
  }
  return out;
}
