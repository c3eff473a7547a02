import { useId, useState } from 'react';
import type { FormEvent } from 'react';

interface Props {
  min: number | undefined;
  max: number | undefined;
  onApply: (range: { priceMin?: number; priceMax?: number }) => void;
}

const inputClass =
  'w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500 focus:outline-none aria-invalid:border-rose-500';

function parse(raw: string): number | undefined | 'bad' {
  const digits = raw.replace(/[$.\s]/g, '');
  if (digits === '') return undefined;
  return /^\d{1,12}$/.test(digits) ? Number(digits) : 'bad';
}

/** PriceFilter narrows a listing to a price range, in whole pesos. */
export function PriceFilter({ min, max, onApply }: Props) {
  const id = useId();
  const [from, setFrom] = useState(min?.toString() ?? '');
  const [to, setTo] = useState(max?.toString() ?? '');
  const [error, setError] = useState('');

  // Follow the URL when it changes under the form (back button, chips).
  const [synced, setSynced] = useState({ min, max });
  if (synced.min !== min || synced.max !== max) {
    setSynced({ min, max });
    setFrom(min?.toString() ?? '');
    setTo(max?.toString() ?? '');
    setError('');
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const priceMin = parse(from);
    const priceMax = parse(to);
    if (priceMin === 'bad' || priceMax === 'bad') {
      setError('Escribe montos en pesos, solo con números.');
    } else if (
      priceMin !== undefined &&
      priceMax !== undefined &&
      priceMin > priceMax
    ) {
      setError('El mínimo no puede ser mayor que el máximo.');
    } else {
      setError('');
      onApply({ priceMin, priceMax });
    }
  }

  return (
    <form onSubmit={submit} aria-labelledby={`${id}-title`} noValidate>
      <h3
        id={`${id}-title`}
        className="mb-2 text-sm font-semibold text-slate-900"
      >
        Precio
      </h3>
      <div className="flex items-end gap-2">
        <div className="flex-1">
          <label htmlFor={`${id}-min`} className="text-xs text-slate-600">
            Mínimo
          </label>
          <input
            id={`${id}-min`}
            inputMode="numeric"
            placeholder="$0"
            value={from}
            onChange={(e) => setFrom(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            className={inputClass}
          />
        </div>
        <div className="flex-1">
          <label htmlFor={`${id}-max`} className="text-xs text-slate-600">
            Máximo
          </label>
          <input
            id={`${id}-max`}
            inputMode="numeric"
            placeholder="Sin límite"
            value={to}
            onChange={(e) => setTo(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            className={inputClass}
          />
        </div>
      </div>
      {error && (
        <p id={`${id}-error`} className="mt-1 text-xs text-rose-700">
          {error}
        </p>
      )}
      <button
        type="submit"
        className="mt-2 w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-indigo-500"
      >
        Aplicar precio
      </button>
    </form>
  );
}
