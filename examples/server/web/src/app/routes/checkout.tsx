import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';

import { ErrorState } from '@/components/error-state';
import { Loading } from '@/components/loading';
import { paths, storeName } from '@/config/paths';
import { cartKey, useCart } from '@/features/cart/api/get-cart';
import { CheckoutFlow } from '@/features/checkout/components/checkout-flow';
import { orderKeys } from '@/features/orders/api/get-orders';
import { useAuth } from '@/lib/auth/auth-context';
import type { Cart, PlacedOrder } from '@/types/shop';

import { SignInHint } from './sign-in-hint';

/** CheckoutRoute serves /pagar: the cart's checkout, in steps. */
export function CheckoutRoute() {
  const cart = useCart();
  const client = useQueryClient();
  const navigate = useNavigate();

  function placed({ data: order, payment }: PlacedOrder) {
    client.setQueryData(orderKeys.one(String(order.id)), order);
    void client.invalidateQueries({ queryKey: orderKeys.all, exact: false });
    void client.invalidateQueries({ queryKey: cartKey });
    void navigate(paths.orderPlaced(order.id), {
      replace: true,
      state: {
        instructions: payment?.instructions || order.payment_instructions || '',
        // A card order is paid on the confirmation page (issue 5).
        clientSecret: payment?.client_secret,
        message: payment?.message,
      },
    });
  }

  return (
    <div className="mx-auto max-w-3xl px-4 py-6">
      <title>{`Pagar · ${storeName}`}</title>
      <h1 className="mb-4 text-2xl font-bold text-slate-900">Pagar</h1>
      {cart.isPending && <Loading label="Cargando el carro…" />}
      {cart.isError && (
        <ErrorState
          error={cart.error}
          title="No pudimos cargar el carro"
          onRetry={() => void cart.refetch()}
        />
      )}
      {cart.data && cart.data.items.length === 0 && (
        <p className="text-slate-700">
          Tu carro está vacío.{' '}
          <Link to={paths.catalog} className="text-indigo-700 underline">
            Ver el catálogo
          </Link>
        </p>
      )}
      {cart.data && cart.data.items.length > 0 && (
        <SignedInCheckout cart={cart.data} onPlaced={placed} />
      )}
    </div>
  );
}

/**
 * SignedInCheckout asks a guest to sign in or sign up first: orders belong
 * to accounts. The guest's cart joins the account's at the next cart call.
 */
function SignedInCheckout(props: {
  cart: Cart;
  onPlaced: (placed: PlacedOrder) => void;
}) {
  const auth = useAuth();
  if (auth.status === 'loading') return <Loading />;
  if (auth.status === 'anonymous') {
    return (
      <div className="rounded-md border border-amber-200 bg-amber-50 p-4 text-amber-900">
        <h2 className="font-semibold">
          Inicia sesión para comprar: tu carro te espera
        </h2>
        <SignInHint />
      </div>
    );
  }
  return <CheckoutFlow {...props} signIn={<SignInHint />} />;
}
