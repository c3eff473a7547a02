import { ErrorState } from '@/components/error-state';

import { useProducts } from '../api/get-products';

import { ProductGrid, ProductGridSkeleton } from './product-grid';

/** FeaturedProducts shows the products the store puts forward. */
export function FeaturedProducts({ limit = 8 }: { limit?: number }) {
  const featured = useProducts({ featured: true, limit });

  if (featured.isPending) return <ProductGridSkeleton count={limit} />;
  if (featured.isError) {
    return (
      <ErrorState
        error={featured.error}
        title="No pudimos cargar los destacados"
        onRetry={() => void featured.refetch()}
      />
    );
  }
  if (featured.data.data.length === 0) {
    return (
      <p className="text-slate-600">Pronto tendremos productos destacados.</p>
    );
  }
  return <ProductGrid products={featured.data.data} />;
}
