// The demo catalog ships no images, so products are drawn: a colour taken
// from their category and the initials of their name.

/** A stable hue (0-359) for a key such as a category slug. */
export function hueFor(key: string): number {
  let hash = 0;
  for (const ch of key) hash = (hash * 31 + ch.codePointAt(0)!) >>> 0;
  return hash % 360;
}

const minorWords = new Set(['de', 'del', 'la', 'el', 'los', 'las', 'y', 'en']);

/** Up to two letters from the significant words of a name. */
export function initials(name: string): string {
  const words = name
    .split(/[\s\-/]+/)
    .filter((w) => /^\p{L}/u.test(w) && !minorWords.has(w.toLowerCase()));
  return words
    .slice(0, 2)
    .map((w) => w[0]!.toLocaleUpperCase('es-CL'))
    .join('');
}
