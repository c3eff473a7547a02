import { describe, expect, it } from 'vitest';

import { apiParams, readFilters, writeFilters } from './use-order-filters';

describe('admin order filters', () => {
  it('reads the URL, drops what is not valid and names the API parameters', () => {
    const f = readFilters(
      new URLSearchParams(
        'estado=paid&pago=paid&desde=2026-13&hasta=2026-12-31&numero=+CL-1+' +
          '&cliente=7x&total_min=1000&total_max=abc&pagina=-3',
      ),
    );
    expect(f).toEqual({
      status: 'paid',
      paymentStatus: 'paid',
      from: '',
      to: '2026-12-31',
      number: 'CL-1',
      customer: '',
      totalMin: '1000',
      totalMax: '',
      page: 1,
    });
    expect(apiParams(f)).toEqual({
      status: 'paid',
      payment_status: 'paid',
      from: undefined,
      to: '2026-12-31',
      number: 'CL-1',
      customer: undefined,
      total_min: '1000',
      total_max: undefined,
      page: undefined,
    });
  });

  it('goes back to the first page when a filter changes', () => {
    const url = new URLSearchParams('estado=pending&pagina=3');
    expect(writeFilters(url, { page: 4 }).toString()).toBe(
      'estado=pending&pagina=4',
    );
    expect(writeFilters(url, { status: '' }).toString()).toBe('');
    expect(writeFilters(url, { customer: '5' }).toString()).toBe(
      'estado=pending&cliente=5',
    );
  });
});
