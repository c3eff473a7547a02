import type { Option, Variant } from '@/types/api';

/** One option a shopper chooses (talla, color, ...) and its values. */
export interface OptionGroup {
  name: string;
  values: string[];
}

export type Selection = Record<string, string>;

/** The options of a variant; a variant without any is chosen by name. */
export function optionsOf(variant: Variant): Option[] {
  return variant.options?.length
    ? variant.options
    : [{ name: 'Variante', value: variant.name }];
}

/** The option groups across variants, in the order they first appear. */
export function optionGroups(variants: Variant[]): OptionGroup[] {
  const groups = new Map<string, string[]>();
  for (const variant of variants) {
    for (const { name, value } of optionsOf(variant)) {
      const values = groups.get(name) ?? [];
      if (!values.includes(value)) values.push(value);
      groups.set(name, values);
    }
  }
  return [...groups].map(([name, values]) => ({ name, values }));
}

export function selectionOf(variant: Variant): Selection {
  return Object.fromEntries(optionsOf(variant).map((o) => [o.name, o.value]));
}

function matches(variant: Variant, selection: Selection): boolean {
  return optionsOf(variant).every((o) => selection[o.name] === o.value);
}

/** The variant a page opens with: the one asked for, else one in stock. */
export function initialVariant(
  variants: Variant[],
  requestedId?: number,
): Variant | undefined {
  return (
    variants.find((v) => v.id === requestedId) ??
    variants.find((v) => v.in_stock) ??
    variants[0]
  );
}

/**
 * The variant reached by choosing `value` for `name`: the one keeping the
 * other choices if it exists, else the first with that value (in stock if
 * possible), whose other options the selection then takes.
 */
export function choose(
  variants: Variant[],
  current: Selection,
  name: string,
  value: string,
): Variant | undefined {
  const wanted = { ...current, [name]: value };
  const exact = variants.find((v) => matches(v, wanted));
  if (exact) return exact;
  const withValue = variants.filter((v) => selectionOf(v)[name] === value);
  return withValue.find((v) => v.in_stock) ?? withValue[0];
}

/** Whether choosing `value` for `name` leads to a variant in stock. */
export function availableWith(
  variants: Variant[],
  current: Selection,
  name: string,
  value: string,
): boolean {
  return choose(variants, current, name, value)?.in_stock ?? false;
}
