import type { Variant } from '@/types/api';

import {
  availableWith,
  choose,
  optionGroups,
  selectionOf,
} from '../lib/variants';

interface Props {
  variants: Variant[];
  selected: Variant;
  onSelect: (variant: Variant) => void;
}

/** VariantSelector chooses a variant one option (talla, color...) at a time. */
export function VariantSelector({ variants, selected, onSelect }: Props) {
  const selection = selectionOf(selected);

  return (
    <div className="space-y-4">
      {optionGroups(variants).map((group) => (
        <fieldset key={group.name}>
          <legend className="mb-2 text-sm text-slate-700">
            <span className="font-semibold text-slate-900">{group.name}:</span>{' '}
            {selection[group.name] ?? 'elige una opción'}
          </legend>
          <div className="flex flex-wrap gap-2">
            {group.values.map((value) => {
              const available = availableWith(
                variants,
                selection,
                group.name,
                value,
              );
              return (
                <label key={value} className="cursor-pointer">
                  <input
                    type="radio"
                    name={`option-${group.name}`}
                    value={value}
                    checked={selection[group.name] === value}
                    onChange={() => {
                      const next = choose(
                        variants,
                        selection,
                        group.name,
                        value,
                      );
                      if (next) onSelect(next);
                    }}
                    className="peer sr-only"
                    aria-describedby={
                      available ? undefined : 'variant-sold-out'
                    }
                  />
                  <span
                    className={`inline-flex min-w-11 justify-center rounded-md border px-3 py-2 text-sm font-medium transition peer-checked:border-indigo-600 peer-checked:bg-indigo-600 peer-checked:text-white peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-indigo-500 ${
                      available
                        ? 'border-slate-300 bg-white text-slate-900 hover:border-slate-400'
                        : 'border-dashed border-slate-300 bg-slate-50 text-slate-400 line-through'
                    }`}
                  >
                    {value}
                  </span>
                </label>
              );
            })}
          </div>
        </fieldset>
      ))}
      <p id="variant-sold-out" hidden>
        Agotado
      </p>
    </div>
  );
}
