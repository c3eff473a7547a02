import { useMemo } from 'react';

import type { ProductSummary } from '@/types/api';

import { useCategories } from '../api/get-categories';
import { rootsById } from '../lib/category-tree';

import { ProductCard } from './product-card';

/** ProductGrid lays out product cards, coloured by their department. */
export function ProductGrid({
  products,
  headingLevel,
}: {
  products: ProductSummary[];
  headingLevel?: 'h2' | 'h3';
}) {
  const categories = useCategories();
  const roots = useMemo(
    () => rootsById(categories.data ?? []),
    [categories.data],
  );

  return (
    <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 sm:gap-4 xl:grid-cols-4">
      {products.map((product) => (
        <li key={product.id}>
          <ProductCard
            product={product}
            headingLevel={headingLevel}
            department={
              product.category
                ? roots.get(product.category.id)?.slug
                : undefined
            }
          />
        </li>
      ))}
    </ul>
  );
}

/** ProductGridSkeleton holds the place of a grid while it loads. */
export function ProductGridSkeleton({ count = 8 }: { count?: number }) {
  return (
    <div role="status" aria-label="Cargando productos">
      <ul
        aria-hidden="true"
        className="grid grid-cols-2 gap-3 sm:grid-cols-3 sm:gap-4 xl:grid-cols-4"
      >
        {Array.from({ length: count }, (_, i) => (
          <li
            key={i}
            className="animate-pulse rounded-xl border border-slate-200 bg-white"
          >
            <div className="aspect-square bg-slate-100" />
            <div className="space-y-2 p-3">
              <div className="h-3 w-1/3 rounded bg-slate-100" />
              <div className="h-4 w-4/5 rounded bg-slate-100" />
              <div className="h-5 w-1/2 rounded bg-slate-100" />
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
