import type { ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';

import { Breadcrumb } from '@/components/breadcrumb';
import { PriceTag } from '@/components/price-tag';
import { StockStatus } from '@/components/stock-status';
import { paths, storeName } from '@/config/paths';
import type { Option, Product } from '@/types/api';

import { attributeLabel } from '../lib/attribute-label';
import { describeMeasure } from '../lib/measures';
import { initialVariant } from '../lib/variants';

import { AttributesTable } from './attributes-table';
import { ProductGallery } from './product-gallery';
import { VariantSelector } from './variant-selector';

/** What the shopper chose to buy: the product, or one of its variants. */
export interface Choice {
  productId: number;
  variantId: number | null;
  inStock: boolean;
  stock: number;
}

/**
 * ProductDetails is the body of the product page. The app passes `buy`,
 * the control that puts the chosen product in the cart.
 */
export function ProductDetails({
  product,
  buy,
}: {
  product: Product;
  buy?: (choice: Choice) => ReactNode;
}) {
  const [params, setParams] = useSearchParams();
  const variants = product.variants ?? [];
  const variant = initialVariant(variants, Number(params.get('variante')));
  const trail =
    product.category_path ?? (product.category ? [product.category] : []);

  // The chosen variant lives in the URL so a shared link shows it.
  function selectVariant(id: number) {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.set('variante', String(id));
        return next;
      },
      { replace: true, preventScrollReset: true },
    );
  }

  const price = variant ?? product;
  const rows: Option[] = (product.attributes ?? []).map((a) => ({
    name: attributeLabel(a.name),
    value: a.value,
  }));
  const weight = describeMeasure(product.weight, ' kg');
  const dimensions = describeMeasure(product.dimensions, ' cm');
  if (weight) rows.push({ name: 'Peso', value: weight });
  if (dimensions) rows.push({ name: 'Dimensiones', value: dimensions });

  return (
    <article className="mx-auto max-w-7xl px-4 py-6">
      <title>{`${product.meta_title || product.name} · ${storeName}`}</title>
      {product.meta_description && (
        <meta name="description" content={product.meta_description} />
      )}
      <Breadcrumb
        items={[
          { label: 'Inicio', to: paths.home },
          ...trail.map((c) => ({ label: c.name, to: paths.category(c.slug) })),
          { label: product.name },
        ]}
      />

      <div className="mt-4 grid gap-8 md:grid-cols-2">
        <ProductGallery
          images={product.images ?? []}
          name={product.name}
          brand={product.brand?.name}
          department={trail[0]?.slug}
          category={product.category?.slug}
        />

        <div className="flex flex-col gap-4">
          <div>
            {product.brand && (
              <Link
                to={`${paths.catalog}?marca=${encodeURIComponent(product.brand.slug)}`}
                className="text-sm font-medium tracking-wide text-indigo-700 uppercase hover:underline"
              >
                {product.brand.name}
              </Link>
            )}
            <h1 className="mt-1 text-2xl font-bold text-slate-900 sm:text-3xl">
              {product.name}
            </h1>
            <Rating rating={product.rating} count={product.reviews_count} />
          </div>

          <div
            role="status"
            aria-label="Precio y disponibilidad"
            className="space-y-2"
          >
            <PriceTag
              size="lg"
              price={price.price}
              comparePrice={price.compare_price}
              currency={product.currency}
              priceFormatted={price.price_formatted}
              comparePriceFormatted={
                variant
                  ? variant.compare_price_formatted
                  : product.compare_price_formatted
              }
            />
            <StockStatus
              inStock={price.in_stock}
              stock={price.stock}
              detailed
            />
          </div>

          {variant && (
            <VariantSelector
              variants={variants}
              selected={variant}
              onSelect={(v) => selectVariant(v.id)}
            />
          )}

          {buy?.({
            productId: product.id,
            variantId: variant?.id ?? null,
            inStock: price.in_stock,
            stock: price.stock,
          })}

          <p className="text-xs text-slate-500">
            SKU:{' '}
            <span className="font-mono">{variant?.sku || product.sku}</span>
          </p>
          {product.short_description && (
            <p className="text-slate-700">{product.short_description}</p>
          )}
        </div>
      </div>

      <div className="mt-10 grid gap-10 lg:grid-cols-2">
        {product.description && (
          <section aria-labelledby="description-title">
            <h2
              id="description-title"
              className="mb-2 text-lg font-semibold text-slate-900"
            >
              Descripción
            </h2>
            <p className="whitespace-pre-line text-slate-700">
              {product.description}
            </p>
          </section>
        )}
        {rows.length > 0 && (
          <section aria-label="Características">
            <AttributesTable rows={rows} />
          </section>
        )}
      </div>
    </article>
  );
}

function Rating({ rating, count }: { rating: number; count: number }) {
  if (!count) return null;
  return (
    <p className="mt-1 text-sm text-slate-600">
      <span aria-hidden="true" className="text-amber-500">
        ★
      </span>{' '}
      {rating.toLocaleString('es-CL', { maximumFractionDigits: 1 })} de 5 ·{' '}
      {count.toLocaleString('es-CL')} {count === 1 ? 'opinión' : 'opiniones'}
    </p>
  );
}
