const formatters = new Map<string, Intl.NumberFormat>();

function formatter(currency: string): Intl.NumberFormat {
  let f = formatters.get(currency);
  if (!f) {
    f = new Intl.NumberFormat('es-CL', { style: 'currency', currency });
    formatters.set(currency, f);
  }
  return f;
}

/**
 * Formats an amount the way the store shows it ("$12.990" for CLP),
 * preferring the string the server already formatted.
 */
export function formatPrice(
  amount: number,
  currency = 'CLP',
  formatted?: string | null,
): string {
  return formatted || formatter(currency).format(amount);
}

/** What a shopper saves against the compare price, if anything. */
export function savings(
  price: number,
  comparePrice: number | null | undefined,
): { amount: number; percent: number } | null {
  if (!comparePrice || comparePrice <= price) return null;
  const amount = comparePrice - price;
  return { amount, percent: Math.round((amount / comparePrice) * 100) };
}
