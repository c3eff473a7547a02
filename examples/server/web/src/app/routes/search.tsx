import { useId, useState } from 'react';
import { Link } from 'react-router';

import { Breadcrumb } from '@/components/breadcrumb';
import { ErrorState } from '@/components/error-state';
import { paths, storeName } from '@/config/paths';
import {
  ProductGrid,
  ProductGridSkeleton,
} from '@/features/catalog/components/product-grid';
import { pageWindow } from '@/features/catalog/lib/page-window';

import { useSearch } from '@/features/search/api/search-products';
import { SearchFacets } from '@/features/search/components/search-facets';
import {
  searchSorts,
  toSearchQuery,
  useSearchState,
  writeSearch,
} from '@/features/search/hooks/use-search-params';
import type { SearchSortValue } from '@/features/search/hooks/use-search-params';

/** SearchRoute serves /buscar: hits, facets and order, all in the URL. */
export function SearchRoute() {
  const { state, update, params } = useSearchState();
  const [facetsOpen, setFacetsOpen] = useState(false);
  const search = useSearch(toSearchQuery(state));
  const sortId = useId();
  const data = search.data;
  const title = state.q ? `Resultados para «${state.q}»` : 'Buscar';
  const spelling = data?.did_you_mean;

  return (
    <div className="mx-auto max-w-7xl px-4 py-6">
      <title>{`${title} · ${storeName}`}</title>
      <Breadcrumb
        items={[{ label: 'Inicio', to: paths.home }, { label: 'Buscar' }]}
      />
      <div className="mt-3 flex flex-wrap items-end justify-between gap-2">
        <div>
          <h1 className="text-2xl font-bold text-slate-900 sm:text-3xl">
            {title}
          </h1>
          <p role="status" className="mt-1 text-sm text-slate-600">
            {data === undefined
              ? '\u00a0'
              : `${data.total.toLocaleString('es-CL')} ${data.total === 1 ? 'producto' : 'productos'}`}
          </p>
          {spelling && (
            <p className="mt-1 text-sm text-slate-800">
              ¿Quisiste decir{' '}
              <Link
                to={`${paths.search}?${writeSearch(params, { q: spelling }).toString()}`}
                className="font-semibold text-indigo-700 underline hover:no-underline"
              >
                {spelling}
              </Link>
              ?
            </p>
          )}
        </div>
        <button
          type="button"
          onClick={() => setFacetsOpen(!facetsOpen)}
          aria-expanded={facetsOpen}
          aria-controls="search-facets"
          className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium lg:hidden"
        >
          {facetsOpen ? 'Ocultar filtros' : 'Filtros'}
        </button>
      </div>

      <div className="mt-4 gap-8 lg:grid lg:grid-cols-[16rem_minmax(0,1fr)]">
        <aside
          id="search-facets"
          aria-label="Filtros"
          className={`${facetsOpen ? 'block' : 'hidden'} mb-6 rounded-xl border border-slate-200 bg-white p-4 lg:mb-0 lg:block lg:self-start`}
        >
          <SearchFacets
            state={state}
            update={update}
            aggregations={data?.aggregations}
          />
        </aside>
        <section aria-labelledby="results-title" aria-busy={search.isFetching}>
          <h2 id="results-title" className="sr-only">
            Resultados
          </h2>
          <div className="mb-4 flex justify-end">
            <label
              htmlFor={sortId}
              className="mr-2 self-center text-sm text-slate-600"
            >
              Ordenar por
            </label>
            <select
              id={sortId}
              value={state.sort}
              onChange={(e) =>
                update({ sort: e.target.value as SearchSortValue })
              }
              className="rounded-md border border-slate-300 bg-white py-1.5 pr-8 pl-2 text-sm"
            >
              {searchSorts.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
          {search.isPending ? (
            <ProductGridSkeleton />
          ) : search.isError ? (
            <ErrorState
              error={search.error}
              title="No pudimos buscar"
              onRetry={() => void search.refetch()}
            />
          ) : search.data.results.length === 0 ? (
            <div className="rounded-xl border border-dashed border-slate-300 bg-white p-10 text-center">
              <p className="font-semibold text-slate-900">
                No encontramos productos
              </p>
              <p className="mt-1 text-sm text-slate-600">
                Revisa cómo se escribe o prueba con menos filtros.
              </p>
            </div>
          ) : (
            <>
              <div className={search.isPlaceholderData ? 'opacity-60' : ''}>
                <ProductGrid products={search.data.results} />
              </div>
              <Pages
                page={state.page}
                pages={search.data.pages}
                params={params}
              />
            </>
          )}
        </section>
      </div>
    </div>
  );
}

function Pages({
  page,
  pages,
  params,
}: {
  page: number;
  pages: number;
  params: URLSearchParams;
}) {
  if (pages <= 1) return null;
  return (
    <nav aria-label="Paginación" className="mt-8 flex justify-center">
      <ul className="flex flex-wrap items-center gap-1">
        {pageWindow(page, Math.min(pages, 10_000)).map((p, i) =>
          p === null ? (
            <li key={`gap-${i}`} aria-hidden="true" className="px-2">
              …
            </li>
          ) : (
            <li key={p}>
              <Link
                to={`?${writeSearch(params, { page: p }).toString()}`}
                aria-current={p === page ? 'page' : undefined}
                className="inline-flex min-w-10 items-center justify-center rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium aria-[current=page]:bg-indigo-600 aria-[current=page]:text-white"
              >
                {p}
              </Link>
            </li>
          ),
        )}
      </ul>
    </nav>
  );
}
