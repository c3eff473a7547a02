import { describe, expect, it } from 'vitest';

import { safeReturnPath } from './safe-path';

describe('safeReturnPath', () => {
  it.each([
    ['/cuenta', '/cuenta'],
    ['/catalogo?q=leche', '/catalogo?q=leche'],
    [null, '/'],
    ['', '/'],
    ['https://malo.example/', '/'],
    ['//malo.example/', '/'],
    ['/\\malo.example/', '/'],
    ['javascript:alert(1)', '/'],
  ])('%j goes to %j', (value, want) => {
    expect(safeReturnPath(value)).toBe(want);
  });
});
