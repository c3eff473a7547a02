import { AdminOrderList } from '@/features/admin-orders/components/admin-order-list';

/** AdminOrdersRoute serves /panel/pedidos: every order, for staff. */
export function AdminOrdersRoute() {
  return <AdminOrderList />;
}
