/**
 * Helpers for page state kept in the query string, such as the catalog's
 * filters and the search: read leniently, written with defaults left out.
 */

/** A whole number of at most 12 digits, at least min; undefined otherwise. */
export function wholeNumber(
  raw: string | null,
  min: number,
): number | undefined {
  if (raw === null || !/^\d{1,12}$/.test(raw)) return undefined;
  const n = Number(raw);
  return n >= min ? n : undefined;
}

type Value = string | number | boolean | undefined;

/**
 * Writes a state into a copy of the query string under keys: a value equal
 * to its default, undefined or empty is removed; true is written as 1.
 * Parameters not named in keys are kept.
 */
export function writeState<S extends Record<string, Value>>(
  params: URLSearchParams,
  keys: Record<keyof S, string>,
  defaults: Partial<S>,
  state: S,
): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const name of Object.keys(keys) as (keyof S)[]) {
    const value = state[name];
    if (value === defaults[name] || value === undefined || value === '') {
      next.delete(keys[name]);
    } else {
      next.set(keys[name], value === true ? '1' : String(value));
    }
  }
  return next;
}
