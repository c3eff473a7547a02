// The demo catalog ships no images, so products are drawn: a colour taken
// from their category and the initials of their name.

/** A stable hue (0-359) for a key such as a category slug. */
export function hueFor(key: string): number {
  let hash = 0;
  for (const ch of key) hash = (hash * 31 + ch.codePointAt(0)!) >>> 0;
  return hash % 360;
}

/**
 * The hue of a product's picture: its department's, shifted by its own
 * category so that neighbouring aisles differ but stay in one family.
 */
export function placeholderHue(
  department: string | undefined,
  category: string,
): number {
  if (!department) return hueFor(category);
  const shift = (hueFor(category) % 61) - 30;
  return (hueFor(department) + shift + 360) % 360;
}

const minorWords = new Set(['de', 'del', 'la', 'el', 'los', 'las', 'y', 'en']);

/**
 * Up to two letters from the significant words of a name, after the brand
 * when the name starts with it ("Sony - Bravia TV" gives "BT").
 */
export function initials(name: string, brand?: string): string {
  const lead = brand?.toLocaleLowerCase('es-CL');
  const rest =
    lead && name.toLocaleLowerCase('es-CL').startsWith(lead)
      ? name.slice(lead.length).replace(/^[\s\-–:]+/, '')
      : name;
  const words = (rest || name)
    .split(/[\s\-/]+/)
    .filter((w) => /^\p{L}/u.test(w) && !minorWords.has(w.toLowerCase()));
  return words
    .slice(0, 2)
    .map((w) => w[0]!.toLocaleUpperCase('es-CL'))
    .join('');
}
