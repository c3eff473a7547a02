import { describe, expect, it } from 'vitest';

import { formatPrice, savings } from './format-price';

describe('formatPrice', () => {
  it.each([
    [12990, '$12.990'],
    [1290, '$1.290'],
    [0, '$0'],
    [1_234_567, '$1.234.567'],
  ])('formats %d CLP as %s', (amount, want) => {
    expect(formatPrice(amount)).toBe(want);
  });

  it('prefers the string the server formatted', () => {
    expect(formatPrice(12990, 'CLP', '$12.990 (servidor)')).toBe(
      '$12.990 (servidor)',
    );
  });

  it('falls back to Intl when the server sent null', () => {
    expect(formatPrice(990, 'CLP', null)).toBe('$990');
  });
});

describe('savings', () => {
  it('is the difference and the rounded percentage', () => {
    expect(savings(9990, 12990)).toEqual({ amount: 3000, percent: 23 });
  });

  it.each([
    [9990, null],
    [9990, 9990],
    [9990, 5000],
  ])('is null for price %d and compare price %s', (price, compare) => {
    expect(savings(price, compare)).toBeNull();
  });
});
