import type { ReactNode } from 'react';
import { Link } from 'react-router';

import { ErrorState } from '@/components/error-state';
import { Loading } from '@/components/loading';
import { PageLinks } from '@/components/page-links';
import { StatusBadge } from '@/components/status-badge';
import { paths, storeName } from '@/config/paths';
import { ApiError } from '@/lib/api-client';
import { formatDate } from '@/lib/format-date';

import { useOrders } from '../api/get-orders';

/** OrderHistory lists the customer's orders, newest first, by pages. */
export function OrderHistory({
  page,
  pageHref,
  signIn,
}: {
  page: number;
  pageHref: (page: number) => string;
  signIn?: ReactNode;
}) {
  const orders = useOrders(page);

  return (
    <div className="mx-auto max-w-5xl px-4 py-6">
      <title>{`Mis pedidos · ${storeName}`}</title>
      <h1 className="text-2xl font-bold text-slate-900">Mis pedidos</h1>

      {orders.isPending && <Loading label="Cargando tus pedidos…" />}
      {orders.isError &&
        (orders.error instanceof ApiError && orders.error.status === 401 ? (
          <div className="mt-4 rounded-md border border-amber-200 bg-amber-50 p-4 text-amber-900">
            <p className="font-semibold">Inicia sesión para ver tus pedidos</p>
            {signIn}
          </div>
        ) : (
          <div className="mt-4">
            <ErrorState
              error={orders.error}
              title="No pudimos cargar tus pedidos"
              onRetry={() => void orders.refetch()}
            />
          </div>
        ))}

      {orders.data && orders.data.data.length === 0 && (
        <p className="mt-6 text-slate-700">
          Aún no tienes pedidos.{' '}
          <Link to={paths.catalog} className="text-indigo-700 underline">
            Ver el catálogo
          </Link>
        </p>
      )}

      {orders.data && orders.data.data.length > 0 && (
        <>
          <div className="mt-4 overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Tus pedidos</caption>
              <thead className="border-b border-slate-200 text-slate-600">
                <tr>
                  <th scope="col" className="py-2 pr-4">
                    Pedido
                  </th>
                  <th scope="col" className="py-2 pr-4">
                    Fecha
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
                    <th scope="row" className="py-3 pr-4 font-medium">
                      <Link
                        to={paths.order(o.id)}
                        className="text-indigo-700 hover:underline"
                      >
                        {o.number}
                      </Link>
                    </th>
                    <td className="py-3 pr-4">{formatDate(o.created_at)}</td>
                    <td className="py-3 pr-4">
                      <StatusBadge status={o.status} />
                    </td>
                    <td className="py-3 pr-4">
                      <StatusBadge status={o.payment_status} kind="payment" />
                    </td>
                    <td className="py-3 text-right font-semibold">
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
            href={pageHref}
          />
        </>
      )}
    </div>
  );
}
