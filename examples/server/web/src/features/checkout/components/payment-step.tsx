import { paymentMethodLabel } from '@/lib/order-status';
import type { PaymentMethod } from '@/types/shop';

import { FieldMessage } from './field-message';

const methods: { code: PaymentMethod; help: string }[] = [
  {
    code: 'bank_transfer',
    help: 'Te damos los datos de la cuenta al confirmar; despachamos cuando recibimos el pago.',
  },
  {
    code: 'cash_on_delivery',
    help: 'Pagas al recibir el pedido.',
  },
];

interface Props {
  method: PaymentMethod | '';
  error?: string;
  onChange: (method: PaymentMethod) => void;
}

/** PaymentStep asks how the shopper pays. */
export function PaymentStep({ method, error, onChange }: Props) {
  return (
    <fieldset aria-describedby={error ? 'payment-error' : undefined}>
      <legend className="mb-2 text-lg font-semibold text-slate-900">
        Medio de pago
      </legend>
      <ul className="flex flex-col gap-2">
        {methods.map((m) => (
          <li key={m.code}>
            <label className="flex cursor-pointer items-start gap-3 rounded-md border border-slate-200 p-3 has-[:checked]:border-indigo-600 has-[:checked]:bg-indigo-50">
              <input
                type="radio"
                name="payment_method"
                value={m.code}
                checked={method === m.code}
                onChange={() => onChange(m.code)}
                className="mt-1"
              />
              <span>
                <span className="block font-medium">
                  {paymentMethodLabel(m.code)}
                </span>
                <span className="block text-sm text-slate-600">{m.help}</span>
              </span>
            </label>
          </li>
        ))}
      </ul>
      <FieldMessage id="payment-error" error={error} />
    </fieldset>
  );
}
