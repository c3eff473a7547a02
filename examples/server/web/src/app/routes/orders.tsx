import { useSearchParams } from 'react-router';

import { paths } from '@/config/paths';
import { OrderHistory } from '@/features/orders/components/order-history';

import { RequireAuth } from './require-auth';
import { SignInHint } from './sign-in-hint';

/** OrdersRoute serves /pedidos: the customer's order history. */
export function OrdersRoute() {
  const [params] = useSearchParams();
  const page = Math.max(1, Math.trunc(Number(params.get('pagina'))) || 1);

  return (
    <RequireAuth>
      <OrderHistory
        page={page}
        pageHref={(p) => (p > 1 ? `${paths.orders}?pagina=${p}` : paths.orders)}
        signIn={<SignInHint />}
      />
    </RequireAuth>
  );
}
