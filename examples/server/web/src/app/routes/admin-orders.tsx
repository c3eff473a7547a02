import { AdminOrderList } from '@/features/admin-orders/components/admin-order-list';

import { RequireAuth } from './require-auth';
import { isStaff } from './staff';

/** AdminOrdersRoute serves /panel/pedidos: every order, for staff. */
export function AdminOrdersRoute() {
  return (
    <RequireAuth allow={isStaff}>
      <AdminOrderList />
    </RequireAuth>
  );
}
