import { Loading } from '@/components/loading';
import type { PaymentMethod } from '@/types/shop';

import { usePaymentChoices } from '../lib/payment-choices';

import { FieldMessage } from './field-message';

interface Props {
  method: PaymentMethod | '';
  error?: string;
  onChange: (method: PaymentMethod) => void;
}

/** PaymentStep asks how the shopper pays. */
export function PaymentStep({ method, error, onChange }: Props) {
  // The methods the server takes (issue 5: card gateways among them).
  const { choices: methods, isPending } = usePaymentChoices();
  return (
    <fieldset aria-describedby={error ? 'payment-error' : undefined}>
      <legend className="mb-2 text-lg font-semibold text-slate-900">
        Medio de pago
      </legend>
      {isPending && <Loading label="Cargando los medios de pago…" />}
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
                <span className="block font-medium">{m.label}</span>
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
