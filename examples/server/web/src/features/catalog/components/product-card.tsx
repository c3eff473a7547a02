import { Link } from 'react-router';

import { PriceTag } from '@/components/price-tag';
import { ProductPlaceholder } from '@/components/product-placeholder';
import { StockStatus } from '@/components/stock-status';
import { paths } from '@/config/paths';
import type { ProductSummary } from '@/types/api';

interface Props {
  product: ProductSummary;
  /** The slug of the product's department, for the colour of its picture. */
  department?: string;
  headingLevel?: 'h2' | 'h3';
}

/** ProductCard is a product in a list: picture, brand, name, price, stock. */
export function ProductCard({
  product,
  department,
  headingLevel = 'h3',
}: Props) {
  const Heading = headingLevel;

  return (
    <article className="group relative flex h-full flex-col overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm transition hover:shadow-md focus-within:ring-2 focus-within:ring-indigo-500">
      <ProductPlaceholder
        name={product.name}
        brand={product.brand?.name}
        department={department}
        category={product.category?.slug}
        decorative
        className="aspect-square w-full"
      />
      <div className="flex flex-1 flex-col gap-1 p-3">
        {product.brand && (
          <p className="text-xs font-medium tracking-wide text-slate-500 uppercase">
            {product.brand.name}
          </p>
        )}
        <Heading className="line-clamp-2 text-sm font-medium text-slate-900">
          <Link
            to={paths.product(product.slug)}
            className="outline-none after:absolute after:inset-0 group-hover:text-indigo-700"
          >
            {product.name}
          </Link>
        </Heading>
        <div className="mt-auto flex flex-col gap-1 pt-2">
          <PriceTag
            price={product.price}
            comparePrice={product.compare_price}
            currency={product.currency}
            priceFormatted={product.price_formatted}
            comparePriceFormatted={product.compare_price_formatted}
          />
          <StockStatus inStock={product.in_stock} stock={product.stock} />
        </div>
      </div>
    </article>
  );
}
