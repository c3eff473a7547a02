import { AdminOrderList } from '@/features/admin-orders/components/admin-order-list';

import { SignedIn } from './sign-in-hint';

/** AdminOrdersRoute serves /panel/pedidos: every order, for staff. */
export function AdminOrdersRoute() {
  return (
    <SignedIn title="Inicia sesión con una cuenta del personal" staff>
      <AdminOrderList />
    </SignedIn>
  );
}
