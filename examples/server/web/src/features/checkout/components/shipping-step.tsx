import { useEffect } from 'react';

import { ErrorState } from '@/components/error-state';
import { Loading } from '@/components/loading';
import { ApiError } from '@/lib/api-client';
import { regionName } from '@/lib/chile-regions';
import type { ShippingOption } from '@/types/shop';

import { useShippingOptions } from '../api/get-shipping-options';

import { FieldMessage } from './field-message';

interface Props {
  region: string;
  method: string;
  error?: string;
  onChange: (option: ShippingOption | null) => void;
}

/**
 * ShippingStep offers the methods that serve the region, with the rates
 * the server computed. It starts on the one the server would take without
 * a choice (the cheapest), and keeps the chosen one's prices current.
 */
export function ShippingStep({ region, method, error, onChange }: Props) {
  const options = useShippingOptions(region);
  const offered = options.data;

  useEffect(() => {
    if (!offered || offered.length === 0) return;
    const chosen =
      offered.find((o) => o.code === method) ??
      offered.find((o) => o.cheapest) ??
      null;
    if (chosen) onChange(chosen);
    // Only new answers from the server change the choice.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [offered]);

  return (
    <fieldset aria-describedby={error ? 'shipping-error' : undefined}>
      <legend className="mb-2 text-lg font-semibold text-slate-900">
        Despacho a {regionName(region)}
      </legend>
      {options.isPending && <Loading label="Buscando formas de despacho…" />}
      {options.isError &&
        (options.error instanceof ApiError && options.error.status === 404 ? (
          <p className="text-slate-700">
            Usaremos el despacho más conveniente para tu región; verás su costo
            en el pedido.
          </p>
        ) : (
          <ErrorState
            error={options.error}
            title="No pudimos cargar las formas de despacho"
            onRetry={() => void options.refetch()}
          />
        ))}
      {options.data && options.data.length === 0 && (
        <p className="text-rose-800">
          No hay despacho disponible para esta región.
        </p>
      )}
      {options.data && options.data.length > 0 && (
        <ul className="flex flex-col gap-2">
          {options.data.map((o) => (
            <li key={o.code}>
              <label className="flex cursor-pointer items-center gap-3 rounded-md border border-slate-200 p-3 has-[:checked]:border-indigo-600 has-[:checked]:bg-indigo-50">
                <input
                  type="radio"
                  name="shipping_method"
                  value={o.code}
                  checked={method === o.code}
                  onChange={() => onChange(o)}
                />
                <span className="flex-1">
                  {o.name}
                  {o.cheapest && (
                    <span className="ml-2 text-xs text-emerald-700">
                      (más conveniente)
                    </span>
                  )}
                </span>
                <span className="font-semibold">
                  {o.amount === 0 ? 'Gratis' : o.amount_formatted}
                </span>
              </label>
            </li>
          ))}
        </ul>
      )}
      <FieldMessage id="shipping-error" error={error} />
    </fieldset>
  );
}
