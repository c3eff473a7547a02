import { useSearchParams } from 'react-router';

import type { QueryParams } from '@/lib/api-client';

/** The admin order list's filters, as the URL keeps them. */
export interface OrderFilters {
  status: string;
  paymentStatus: string;
  from: string; // yyyy-mm-dd
  to: string; // yyyy-mm-dd, inclusive
  q: string;
  page: number;
}

// URL parameter names, in Spanish like the catalog's.
const names = {
  status: 'estado',
  paymentStatus: 'pago',
  from: 'desde',
  to: 'hasta',
  q: 'q',
  page: 'pagina',
} as const;

const day = /^\d{4}-\d{2}-\d{2}$/;

/** Reads the filters from a query string, dropping what is not valid. */
export function readFilters(params: URLSearchParams): OrderFilters {
  const dateParam = (name: string) => {
    const v = params.get(name) ?? '';
    return day.test(v) ? v : '';
  };
  return {
    status: params.get(names.status) ?? '',
    paymentStatus: params.get(names.paymentStatus) ?? '',
    from: dateParam(names.from),
    to: dateParam(names.to),
    q: params.get(names.q)?.trim() ?? '',
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

/**
 * The filters as GET /admin/orders takes them. `to` is inclusive in the
 * form and sent as the next day, since the server's is exclusive.
 */
export function apiParams(f: OrderFilters): QueryParams {
  return {
    status: f.status || undefined,
    payment_status: f.paymentStatus || undefined,
    from: f.from || undefined,
    to: f.to ? nextDay(f.to) : undefined,
    q: f.q || undefined,
    page: f.page > 1 ? f.page : undefined,
  };
}

function nextDay(d: string): string {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + 1);
  return t.toISOString().slice(0, 10);
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
