import { describe, expect, it } from 'vitest';

import { attributeLabel } from './attribute-label';

describe('attributeLabel', () => {
  it.each([
    ['upc', 'UPC'],
    ['modelo', 'Modelo'],
    ['presentación', 'Presentación'],
    ['Color', 'Color'],
  ])('attributeLabel(%s) = %s', (name, want) => {
    expect(attributeLabel(name)).toBe(want);
  });
});
