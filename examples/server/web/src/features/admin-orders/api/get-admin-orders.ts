import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';

import { apiRequest } from '@/lib/api-client';
import type { Paginated } from '@/types/api';
import type { OrderSummary } from '@/types/shop';

import { apiParams } from '../hooks/use-order-filters';
import type { OrderFilters } from '../hooks/use-order-filters';

/** useAdminOrders loads one page of every order, filtered. */
export function useAdminOrders(filters: OrderFilters) {
  const params = apiParams(filters);
  return useQuery({
    queryKey: ['admin', 'orders', params],
    queryFn: ({ signal }) =>
      apiRequest<Paginated<OrderSummary>>('GET', '/admin/orders', {
        params,
        signal,
      }),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

/**
 * useExportOrders downloads the filtered orders as CSV. The request needs
 * the staff member's access token, which a plain link would not carry, so
 * the file is fetched and then saved.
 */
export function useExportOrders() {
  return useMutation({
    mutationFn: async (filters: OrderFilters) => {
      const { page: _page, ...params } = apiParams(filters);
      const file = await apiRequest<Blob>('GET', '/admin/orders', {
        params: { ...params, format: 'csv' },
        headers: { Accept: 'text/csv' },
        asBlob: true,
      });
      save(file, `pedidos-${new Date().toISOString().slice(0, 10)}.csv`);
    },
  });
}

function save(file: Blob, name: string) {
  const url = URL.createObjectURL(file);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
