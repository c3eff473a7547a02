import { CartView } from '@/features/cart/components/cart-view';

/** CartRoute serves /carrito. */
export function CartRoute() {
  return <CartView />;
}
