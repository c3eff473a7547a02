import { describe, expect, it } from 'vitest';

import { hueFor, initials, placeholderHue } from './placeholder-art';

describe('initials', () => {
  it.each([
    ['Leche Entera La Serenísima 1 L', undefined, 'LE'],
    ['Definitive Technology - SuperTower 3-1/2"', 'Definitive Technology', 'S'],
    ['Yerba de Campo', undefined, 'YC'],
    ['123 456', undefined, ''],
  ])('initials(%s, %s) = %s', (name, brand, want) => {
    expect(initials(name, brand)).toBe(want);
  });
});

describe('placeholderHue', () => {
  it('is stable and stays near the department hue', () => {
    const base = hueFor('audio');
    const hue = placeholderHue('audio', 'audifonos');
    expect(placeholderHue('audio', 'audifonos')).toBe(hue);
    const distance = Math.min(Math.abs(hue - base), 360 - Math.abs(hue - base));
    expect(distance).toBeLessThanOrEqual(30);
  });
});
