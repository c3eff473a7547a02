import { describe, expect, it } from 'vitest';

import {
  readFilters,
  toProductQuery,
  writeFilters,
} from './use-catalog-search';

describe('readFilters', () => {
  it('reads every filter from the Spanish query string', () => {
    const params = new URLSearchParams(
      'q=leche&marca=sony&precio_min=1000&precio_max=5000&disponible=1&orden=precio-asc&pagina=3',
    );
    expect(readFilters(params)).toEqual({
      q: 'leche',
      brand: 'sony',
      priceMin: 1000,
      priceMax: 5000,
      inStock: true,
      sort: 'precio-asc',
      page: 3,
    });
  });

  it('ignores malformed values instead of sending them to the API', () => {
    const params = new URLSearchParams('precio_min=abc&orden=raro&pagina=0');
    expect(readFilters(params)).toMatchObject({
      priceMin: undefined,
      sort: 'nuevos',
      page: 1,
    });
  });
});

describe('writeFilters', () => {
  it('goes back to the first page when a filter changes', () => {
    const next = writeFilters(new URLSearchParams('pagina=4&orden=nombre'), {
      inStock: true,
    });
    expect(next.toString()).toBe('orden=nombre&disponible=1');
  });

  it('drops defaults and keeps unknown parameters', () => {
    const next = writeFilters(new URLSearchParams('utm=x&orden=nombre'), {
      sort: 'nuevos',
      page: 2,
    });
    expect(next.toString()).toBe('utm=x&pagina=2');
  });
});

describe('toProductQuery', () => {
  it('maps the filters onto the API parameters', () => {
    const filters = readFilters(
      new URLSearchParams('q=tv&disponible=1&orden=precio-desc&pagina=2'),
    );
    expect(toProductQuery(filters, 'audio')).toEqual({
      page: 2,
      limit: 24,
      category: 'audio',
      brand: undefined,
      price_min: undefined,
      price_max: undefined,
      in_stock: true,
      search: 'tv',
      sort: 'price_desc',
    });
  });
});
