import { useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';

import { Loading } from '@/components/loading';
import { paths } from '@/config/paths';
import { HoldActions } from '@/features/admin-orders/components/hold-actions';
import { PaymentActions } from '@/features/admin-orders/components/payment-actions';
import { RefundForm } from '@/features/admin-orders/components/refund-form';
import { StatusActions } from '@/features/admin-orders/components/status-actions';
import { orderKeys, useOrder } from '@/features/orders/api/get-orders';
import { OrderDetails } from '@/features/orders/components/order-details';
import type { Order } from '@/types/shop';

import { OrderError } from './order';
import { RequireAuth } from './require-auth';
import { isStaff } from './staff';

/**
 * AdminOrderRoute serves /panel/pedidos/:id: the order with the status
 * moves staff may make from its current status.
 */
export function AdminOrderRoute() {
  return (
    <RequireAuth allow={isStaff}>
      <AdminOrder />
    </RequireAuth>
  );
}

function AdminOrder() {
  const { id = '' } = useParams();
  const order = useOrder(id);
  const client = useQueryClient();

  function changed(o: Order) {
    client.setQueryData(orderKeys.one(id), o);
    void client.invalidateQueries({ queryKey: orderKeys.all });
  }

  if (order.isPending) return <Loading label="Cargando el pedido…" />;
  if (order.isError)
    return (
      <OrderError error={order.error} retry={() => void order.refetch()} />
    );
  return (
    <>
      <nav className="mx-auto max-w-5xl px-4 pt-4 text-sm">
        <Link
          to={paths.adminOrders}
          className="text-indigo-700 hover:underline"
        >
          ‹ Todos los pedidos
        </Link>
      </nav>
      <OrderDetails
        order={order.data}
        staff
        actions={
          <>
            <StatusActions order={order.data} onChanged={changed} />
            <HoldActions order={order.data} onChanged={changed} />
            <PaymentActions order={order.data} onChanged={changed} />
            <RefundForm order={order.data} onChanged={changed} />
          </>
        }
      />
    </>
  );
}
