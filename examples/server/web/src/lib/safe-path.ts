/**
 * The path to go back to after signing in: only a path of this store, so a
 * crafted link cannot send the shopper to another site.
 */
export function safeReturnPath(value: string | null, fallback = '/'): string {
  if (!value || !value.startsWith('/')) return fallback;
  if (value.startsWith('//') || value.startsWith('/\\')) return fallback;
  return value;
}
