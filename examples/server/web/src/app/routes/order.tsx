import { useParams } from 'react-router';

import { ErrorState } from '@/components/error-state';
import { Loading } from '@/components/loading';
import { NotFound } from '@/components/not-found';
import { useOrder } from '@/features/orders/api/get-orders';
import { CancelOrder } from '@/features/orders/components/cancel-order';
import { OrderDetails } from '@/features/orders/components/order-details';
import { ApiError } from '@/lib/api-client';

import { RequireAuth } from './require-auth';
import { SignInHint } from './sign-in-hint';

/** OrderRoute serves /pedidos/:id: one of the customer's orders. */
export function OrderRoute() {
  return (
    <RequireAuth>
      <CustomerOrder />
    </RequireAuth>
  );
}

function CustomerOrder() {
  const { id = '' } = useParams();
  const order = useOrder(id);

  if (order.isPending) return <Loading label="Cargando el pedido…" />;
  if (order.isError)
    return (
      <OrderError error={order.error} retry={() => void order.refetch()} />
    );
  return (
    <OrderDetails
      order={order.data}
      actions={<CancelOrder order={order.data} />}
    />
  );
}

/** OrderError explains why an order cannot be shown. */
export function OrderError({
  error,
  retry,
}: {
  error: unknown;
  retry: () => void;
}) {
  if (error instanceof ApiError && error.status === 404) {
    return (
      <NotFound
        title="Pedido no encontrado"
        message="Este pedido no existe o no es tuyo."
      />
    );
  }
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <ErrorState
        error={error}
        title="No pudimos cargar el pedido"
        onRetry={retry}
      />
      {error instanceof ApiError && error.status === 401 && <SignInHint />}
    </div>
  );
}
