import { useParams } from 'react-router';

import { ErrorState } from '@/components/error-state';
import { Loading } from '@/components/loading';
import { NotFound } from '@/components/not-found';
import { AddToCart } from '@/features/cart/components/add-to-cart';
import { useProduct } from '@/features/products/api/get-product';
import { ProductDetails } from '@/features/products/components/product-details';
import { ApiError } from '@/lib/api-client';

/** ProductRoute serves /producto/:slug. */
export function ProductRoute() {
  const { slug = '' } = useParams();
  const product = useProduct(slug);

  if (product.isPending) return <Loading label="Cargando producto…" />;
  if (product.isError) {
    if (product.error instanceof ApiError && product.error.status === 404) {
      return (
        <NotFound
          title="Producto no encontrado"
          message="Este producto no existe o ya no está a la venta."
        />
      );
    }
    return (
      <div className="mx-auto max-w-3xl px-4 py-10">
        <ErrorState
          error={product.error}
          title="No pudimos cargar el producto"
          onRetry={() => void product.refetch()}
        />
      </div>
    );
  }
  return (
    <ProductDetails
      key={product.data.id}
      product={product.data}
      buy={(choice) => (
        <AddToCart
          key={choice.variantId ?? 0}
          productId={choice.productId}
          variantId={choice.variantId}
          inStock={choice.inStock}
          stock={choice.stock}
        />
      )}
    />
  );
}
