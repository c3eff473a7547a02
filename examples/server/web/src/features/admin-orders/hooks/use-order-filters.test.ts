import { describe, expect, it } from 'vitest';

import { apiParams, readFilters, writeFilters } from './use-order-filters';

describe('admin order filters', () => {
  it('reads the URL and drops what is not valid', () => {
    const f = readFilters(
      new URLSearchParams(
        'estado=paid&pago=paid&desde=2026-13&hasta=2026-12-31&q=+CL-1+&pagina=-3',
      ),
    );
    expect(f).toEqual({
      status: 'paid',
      paymentStatus: 'paid',
      from: '',
      to: '2026-12-31',
      q: 'CL-1',
      page: 1,
    });
    // The end date is inclusive in the form, exclusive in the API.
    expect(apiParams(f)).toEqual({
      status: 'paid',
      payment_status: 'paid',
      from: undefined,
      to: '2027-01-01',
      q: 'CL-1',
      page: undefined,
    });
  });

  it('goes back to the first page when a filter changes', () => {
    const url = new URLSearchParams('estado=pending&pagina=3');
    expect(writeFilters(url, { page: 4 }).toString()).toBe(
      'estado=pending&pagina=4',
    );
    expect(writeFilters(url, { status: '' }).toString()).toBe('');
    expect(writeFilters(url, { q: 'ana' }).toString()).toBe(
      'estado=pending&q=ana',
    );
  });
});
