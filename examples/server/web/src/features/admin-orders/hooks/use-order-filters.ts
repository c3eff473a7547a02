import { useSearchParams } from 'react-router';

import type { QueryParams } from '@/lib/api-client';

/** The admin order list's filters, as the URL keeps them. */
export interface OrderFilters {
  status: string;
  paymentStatus: string;
  from: string; // yyyy-mm-dd
  to: string; // yyyy-mm-dd, inclusive
  number: string;
  customer: string; // a user id
  totalMin: string;
  totalMax: string;
  page: number;
}

// URL parameter names, in Spanish like the catalog's.
const names: Record<keyof OrderFilters, string> = {
  status: 'estado',
  paymentStatus: 'pago',
  from: 'desde',
  to: 'hasta',
  number: 'numero',
  customer: 'cliente',
  totalMin: 'total_min',
  totalMax: 'total_max',
  page: 'pagina',
};

const day = /^\d{4}-\d{2}-\d{2}$/;
const whole = /^\d{1,12}$/;
const amount = /^\d{1,12}(\.\d{1,2})?$/;

/** Reads the filters from a query string, dropping what is not valid. */
export function readFilters(params: URLSearchParams): OrderFilters {
  const read = (key: keyof OrderFilters, valid?: RegExp) => {
    const v = params.get(names[key])?.trim() ?? '';
    return !valid || valid.test(v) ? v : '';
  };
  return {
    status: read('status'),
    paymentStatus: read('paymentStatus'),
    from: read('from', day),
    to: read('to', day),
    number: read('number'),
    customer: read('customer', whole),
    totalMin: read('totalMin', amount),
    totalMax: read('totalMax', amount),
    page: Math.max(1, Math.trunc(Number(params.get(names.page))) || 1),
  };
}

/**
 * Writes changed filters into a query string. Any change but the page's
 * goes back to the first page.
 */
export function writeFilters(
  params: URLSearchParams,
  change: Partial<OrderFilters>,
): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const [key, value] of Object.entries(change)) {
    const name = names[key as keyof OrderFilters];
    if (value === '' || value === undefined || (key === 'page' && value === 1))
      next.delete(name);
    else next.set(name, String(value));
  }
  if (!('page' in change)) next.delete(names.page);
  return next;
}

/** The filters as GET /admin/orders takes them (`to` is inclusive). */
export function apiParams(f: OrderFilters): QueryParams {
  return {
    status: f.status || undefined,
    payment_status: f.paymentStatus || undefined,
    from: f.from || undefined,
    to: f.to || undefined,
    number: f.number || undefined,
    customer: f.customer || undefined,
    total_min: f.totalMin || undefined,
    total_max: f.totalMax || undefined,
    page: f.page > 1 ? f.page : undefined,
  };
}

/** useOrderFilters reads and changes the filters in the URL. */
export function useOrderFilters() {
  const [params, setParams] = useSearchParams();
  return {
    filters: readFilters(params),
    params,
    change: (change: Partial<OrderFilters>) =>
      setParams((current) => writeFilters(current, change)),
  };
}
