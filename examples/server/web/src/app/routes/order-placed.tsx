import { useLocation, useParams } from 'react-router';

import { ErrorState } from '@/components/error-state';
import { Loading } from '@/components/loading';
import { OrderPayment } from '@/features/checkout/components/card-payment';
import { useOrder } from '@/features/orders/api/get-orders';
import { OrderPlaced } from '@/features/orders/components/order-placed';

import { RequireAuth } from './require-auth';

/**
 * OrderPlacedRoute serves /pedidos/:id/confirmacion. The checkout hands
 * over what the payment method said (where to transfer); after a reload
 * only the order itself is known.
 */
export function OrderPlacedRoute() {
  return (
    <RequireAuth>
      <Placed />
    </RequireAuth>
  );
}

function Placed() {
  const { id = '' } = useParams();
  const handed = useLocation().state as {
    instructions?: string;
    clientSecret?: string;
    message?: string;
  } | null;
  const order = useOrder(id);

  if (order.data)
    return (
      <OrderPlaced order={order.data} instructions={handed?.instructions}>
        <OrderPayment
          order={order.data}
          clientSecret={handed?.clientSecret}
          message={handed?.message}
          onRefresh={() => void order.refetch()}
        />
      </OrderPlaced>
    );
  if (order.isError)
    return (
      <div className="mx-auto max-w-3xl px-4 py-10">
        <ErrorState
          error={order.error}
          title="No pudimos cargar el pedido"
          onRetry={() => void order.refetch()}
        />
      </div>
    );
  return <Loading label="Cargando el pedido…" />;
}
