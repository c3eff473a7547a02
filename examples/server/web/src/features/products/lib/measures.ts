const number = new Intl.NumberFormat('es-CL', { maximumFractionDigits: 2 });

/**
 * Renders a weight (kg) or dimensions (length × width × height, cm) whatever
 * JSON shape the server gives them; undefined when there is nothing to say.
 */
export function describeMeasure(value: unknown, unit = ''): string | undefined {
  if (value === null || value === undefined || value === '' || value === 0) {
    return undefined;
  }
  if (typeof value === 'number') return `${number.format(value)}${unit}`;
  if (typeof value === 'string') {
    const n = Number(value);
    return Number.isFinite(n) ? `${number.format(n)}${unit}` : value;
  }
  if (typeof value === 'object') {
    const parts = Object.values(value as Record<string, unknown>).filter(
      (v) => typeof v === 'number' || typeof v === 'string',
    );
    if (parts.length === 0 || parts.every((v) => !v)) return undefined;
    const text = parts
      .map((v) => (typeof v === 'number' ? number.format(v) : v))
      .join(' × ');
    return `${text}${unit}`;
  }
  return undefined;
}
