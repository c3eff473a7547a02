import { useMemo, useState } from 'react';

import { Breadcrumb } from '@/components/breadcrumb';
import { ErrorState } from '@/components/error-state';
import { NotFound } from '@/components/not-found';
import { paths, storeName } from '@/config/paths';
import { ApiError } from '@/lib/api-client';
import type { Brand, ProductSummary } from '@/types/api';

import { useCategories } from '../api/get-categories';
import { useProducts } from '../api/get-products';
import { toProductQuery, useCatalogSearch } from '../hooks/use-catalog-search';
import { pathTo } from '../lib/category-tree';

import { ActiveFilters } from './active-filters';
import { CatalogFilters } from './catalog-filters';
import { Pagination } from './pagination';
import { ProductGrid, ProductGridSkeleton } from './product-grid';
import { SortSelect } from './sort-select';

/** CatalogView is the catalog page, whole or within one category. */
export function CatalogView({ categorySlug }: { categorySlug?: string }) {
  const { filters, update, search, params } = useCatalogSearch();
  const [filtersOpen, setFiltersOpen] = useState(false);
  const categories = useCategories();
  const trail = useMemo(
    () => (categorySlug ? pathTo(categories.data ?? [], categorySlug) : []),
    [categories.data, categorySlug],
  );
  const treeLacksIt =
    !!categorySlug && categories.isSuccess && trail.length === 0;
  const products = useProducts(toProductQuery(filters, categorySlug), {
    enabled: !treeLacksIt,
  });
  const serverLacksIt =
    !!categorySlug &&
    products.error instanceof ApiError &&
    products.error.status === 404;

  if (treeLacksIt || serverLacksIt) {
    return (
      <NotFound
        title="Categoría no encontrada"
        message="Esta categoría no existe o ya no tiene productos."
      />
    );
  }

  const category = trail.at(-1);
  const title =
    category?.name ??
    (filters.q ? `Resultados para «${filters.q}»` : 'Catálogo');
  const total = products.data?.pagination.total;
  const brandsHere = uniqueBrands(products.data?.data ?? []);
  const brandName = brandsHere.find((b) => b.slug === filters.brand)?.name;

  return (
    <div className="mx-auto max-w-7xl px-4 py-6">
      <title>{`${title} · ${storeName}`}</title>
      <Breadcrumb
        items={[
          { label: 'Inicio', to: paths.home },
          { label: 'Catálogo', to: category ? paths.catalog : undefined },
          ...trail.map((c) => ({
            label: c.name,
            to: c === category ? undefined : paths.category(c.slug),
          })),
        ]}
      />
      <div className="mt-3 flex flex-wrap items-end justify-between gap-2">
        <div>
          <h1 className="text-2xl font-bold text-slate-900 sm:text-3xl">
            {title}
          </h1>
          <p role="status" className="mt-1 text-sm text-slate-600">
            {total === undefined
              ? '\u00a0'
              : `${total.toLocaleString('es-CL')} ${total === 1 ? 'producto' : 'productos'}`}
          </p>
        </div>
        <button
          type="button"
          onClick={() => setFiltersOpen(!filtersOpen)}
          aria-expanded={filtersOpen}
          aria-controls="catalog-filters"
          className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium lg:hidden"
        >
          {filtersOpen ? 'Ocultar filtros' : 'Filtros'}
        </button>
      </div>

      <div className="mt-4 gap-8 lg:grid lg:grid-cols-[16rem_minmax(0,1fr)]">
        <aside
          id="catalog-filters"
          aria-label="Filtros"
          className={`${filtersOpen ? 'block' : 'hidden'} mb-6 rounded-xl border border-slate-200 bg-white p-4 lg:mb-0 lg:block lg:self-start`}
        >
          <h2 className="sr-only">Filtros</h2>
          <CatalogFilters
            filters={filters}
            update={update}
            tree={categories.data}
            activePath={trail.map((c) => c.slug)}
            search={search}
            brandName={brandName}
            brandSuggestions={brandsHere}
          />
        </aside>

        <section
          aria-labelledby="results-title"
          aria-busy={products.isFetching}
        >
          <h2 id="results-title" className="sr-only">
            Resultados
          </h2>
          <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
            <ActiveFilters
              filters={filters}
              update={update}
              brandName={brandName}
            />
            <SortSelect
              value={filters.sort}
              onChange={(sort) => update({ sort })}
            />
          </div>
          <Results products={products} page={filters.page} params={params} />
        </section>
      </div>
    </div>
  );
}

function Results({
  products,
  page,
  params,
}: {
  products: ReturnType<typeof useProducts>;
  page: number;
  params: URLSearchParams;
}) {
  if (products.isPending) return <ProductGridSkeleton />;
  if (products.isError) {
    return (
      <ErrorState
        error={products.error}
        title="No pudimos cargar los productos"
        onRetry={() => void products.refetch()}
      />
    );
  }
  const { data, pagination } = products.data;
  if (data.length === 0) {
    return (
      <div className="rounded-xl border border-dashed border-slate-300 bg-white p-10 text-center">
        <p className="font-semibold text-slate-900">No encontramos productos</p>
        <p className="mt-1 text-sm text-slate-600">
          Prueba con otros filtros o quita alguno.
        </p>
      </div>
    );
  }
  return (
    <>
      {/* The previous results stay, dimmed, while the next ones load. */}
      <div
        className={
          products.isPlaceholderData ? 'opacity-60 transition-opacity' : ''
        }
      >
        <ProductGrid products={data} />
      </div>
      <Pagination page={page} pages={pagination.pages} params={params} />
    </>
  );
}

function uniqueBrands(products: ProductSummary[]): Brand[] {
  const seen = new Map<number, Brand>();
  for (const p of products) if (p.brand) seen.set(p.brand.id, p.brand);
  return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name, 'es'));
}
