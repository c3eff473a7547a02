import { Link } from 'react-router';

import { ErrorState } from '@/components/error-state';
import { FormError } from '@/components/form-error';
import { Loading } from '@/components/loading';
import { PageLinks } from '@/components/page-links';
import { StatusBadge } from '@/components/status-badge';
import { paths, storeName } from '@/config/paths';
import { formatDateTime } from '@/lib/format-date';

import { useAdminOrders, useExportOrders } from '../api/get-admin-orders';
import { useOrderFilters, writeFilters } from '../hooks/use-order-filters';

import { OrderFiltersForm } from './order-filters-form';

/** AdminOrderList is the staff's order list: filters, pages and CSV. */
export function AdminOrderList() {
  const { filters, params, change } = useOrderFilters();
  const orders = useAdminOrders(filters);
  const exporter = useExportOrders();

  return (
    <div className="mx-auto max-w-7xl px-4 py-6">
      <title>{`Pedidos · Panel · ${storeName}`}</title>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold text-slate-900">Pedidos</h1>
        <button
          type="button"
          disabled={exporter.isPending}
          onClick={() => exporter.mutate(filters)}
          className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-semibold hover:bg-slate-50 disabled:opacity-60"
        >
          {exporter.isPending ? 'Exportando…' : 'Exportar CSV'}
        </button>
      </div>
      {exporter.isError && (
        <div className="mt-3">
          <FormError error={exporter.error} />
        </div>
      )}

      <div className="mt-4">
        <OrderFiltersForm filters={filters} onChange={change} />
      </div>

      {orders.isPending && <Loading label="Cargando pedidos…" />}
      {orders.isError && (
        <div className="mt-4">
          <ErrorState
            error={orders.error}
            title="No pudimos cargar los pedidos"
            onRetry={() => void orders.refetch()}
          />
        </div>
      )}
      {orders.data && orders.data.data.length === 0 && (
        <p className="mt-6 text-slate-700">No hay pedidos con estos filtros.</p>
      )}
      {orders.data && orders.data.data.length > 0 && (
        <>
          <p className="mt-4 text-sm text-slate-600" aria-live="polite">
            {orders.data.pagination.total === 1
              ? '1 pedido'
              : `${orders.data.pagination.total} pedidos`}
          </p>
          <div className="mt-2 overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Pedidos</caption>
              <thead className="border-b border-slate-200 text-slate-600">
                <tr>
                  <th scope="col" className="py-2 pr-4">
                    Pedido
                  </th>
                  <th scope="col" className="py-2 pr-4">
                    Fecha
                  </th>
                  <th scope="col" className="py-2 pr-4">
                    Cliente
                  </th>
                  <th scope="col" className="py-2 pr-4">
                    Estado
                  </th>
                  <th scope="col" className="py-2 pr-4">
                    Pago
                  </th>
                  <th scope="col" className="py-2 text-right">
                    Total
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {orders.data.data.map((o) => (
                  <tr key={o.id}>
                    <th scope="row" className="py-2 pr-4 font-medium">
                      <Link
                        to={paths.adminOrder(o.id)}
                        className="text-indigo-700 hover:underline"
                      >
                        {o.number}
                      </Link>
                    </th>
                    <td className="py-2 pr-4">
                      {formatDateTime(o.created_at)}
                    </td>
                    <td className="py-2 pr-4">
                      <Link
                        to={`?${writeFilters(params, { customer: String(o.customer_id) }).toString()}`}
                        className="hover:underline"
                      >
                        #{o.customer_id}
                      </Link>
                      {o.city && (
                        <span className="text-slate-500"> · {o.city}</span>
                      )}
                    </td>
                    <td className="py-2 pr-4">
                      <StatusBadge status={o.status} />
                    </td>
                    <td className="py-2 pr-4">
                      <StatusBadge status={o.payment_status} kind="payment" />
                    </td>
                    <td className="py-2 text-right font-semibold">
                      {o.total_formatted}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <PageLinks
            page={orders.data.pagination.page}
            pages={orders.data.pagination.pages}
            href={(p) => `?${writeFilters(params, { page: p }).toString()}`}
          />
        </>
      )}
    </div>
  );
}
