import { describe, expect, it } from 'vitest';

import { wholeNumber, writeState } from './url-state';

describe('wholeNumber', () => {
  it.each([
    ['12', 0, 12],
    ['0', 1, undefined],
    ['-3', 0, undefined],
    ['1.5', 0, undefined],
    ['1234567890123', 0, undefined],
    [null, 0, undefined],
  ])('reads %s (min %d) as %s', (raw, min, want) => {
    expect(wholeNumber(raw, min)).toBe(want);
  });
});

describe('writeState', () => {
  it('drops defaults and empty values, writes true as 1, keeps others', () => {
    const params = new URLSearchParams('otro=x&p=3&q=viejo');
    const next = writeState(
      params,
      { q: 'q', page: 'p', stock: 'stock', min: 'min' },
      { page: 1 },
      { q: 'leche', page: 1, stock: true, min: undefined },
    );
    expect(next.toString()).toBe('otro=x&q=leche&stock=1');
  });
});
