import { describe, expect, it } from 'vitest';

import { polera } from '@/testing/mocks/db';

import {
  availableWith,
  choose,
  initialVariant,
  optionGroups,
  selectionOf,
} from './variants';

const variants = polera.variants!;

describe('variants', () => {
  it('groups the options in the order they appear', () => {
    expect(optionGroups(variants)).toEqual([
      { name: 'Talla', values: ['S', 'M', 'L'] },
      { name: 'Color', values: ['Blanco', 'Negro'] },
    ]);
  });

  it('opens on the requested variant, else the first in stock', () => {
    expect(initialVariant(variants, 3)?.id).toBe(3);
    expect(initialVariant(variants, 999)?.id).toBe(1);
  });

  it('keeps the other choices when the combination exists', () => {
    const current = selectionOf(variants[0]!); // S Blanco
    expect(choose(variants, current, 'Talla', 'L')?.id).toBe(3);
  });

  it('moves to a variant in stock when the combination does not exist', () => {
    const current = selectionOf(variants[0]!); // S Blanco
    expect(choose(variants, current, 'Color', 'Negro')?.id).toBe(4);
  });

  it('knows which choices lead to stock', () => {
    const current = selectionOf(variants[0]!);
    expect(availableWith(variants, current, 'Talla', 'M')).toBe(false);
    expect(availableWith(variants, current, 'Talla', 'L')).toBe(true);
  });
});
