import { useLocation, useParams } from 'react-router';

import { ErrorState } from '@/components/error-state';
import { Loading } from '@/components/loading';
import { useOrder } from '@/features/orders/api/get-orders';
import { OrderPlaced } from '@/features/orders/components/order-placed';
import type { Order } from '@/types/shop';

/**
 * OrderPlacedRoute serves /pedidos/:id/confirmacion. The checkout hands
 * over the order it placed, with the payment instructions; a reload asks
 * the server.
 */
export function OrderPlacedRoute() {
  const { id = '' } = useParams();
  const handed = (useLocation().state as { order?: Order } | null)?.order;
  const fetched = useOrder(id);
  const order =
    handed && String(handed.id) === id
      ? {
          ...handed,
          ...fetched.data,
          payment_instructions:
            fetched.data?.payment_instructions ?? handed.payment_instructions,
        }
      : fetched.data;

  if (order) return <OrderPlaced order={order} />;
  if (fetched.isError)
    return (
      <div className="mx-auto max-w-3xl px-4 py-10">
        <ErrorState
          error={fetched.error}
          title="No pudimos cargar el pedido"
          onRetry={() => void fetched.refetch()}
        />
      </div>
    );
  return <Loading label="Cargando el pedido…" />;
}
