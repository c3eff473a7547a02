import { Link } from 'react-router';

import { writeFilters } from '../hooks/use-catalog-search';
import { pageWindow } from '../lib/page-window';

const base =
  'inline-flex min-w-10 items-center justify-center rounded-md border px-3 py-2 text-sm font-medium';

/** Pagination links to the other pages of a listing, keeping its filters. */
export function Pagination({
  page,
  pages,
  params,
}: {
  page: number;
  pages: number;
  params: URLSearchParams;
}) {
  if (pages <= 1) return null;
  const href = (p: number) =>
    `?${writeFilters(params, { page: p }).toString()}`;

  return (
    <nav aria-label="Paginación" className="mt-8 flex justify-center">
      <ul className="flex flex-wrap items-center gap-1">
        <li>
          {page > 1 ? (
            <Link
              to={href(page - 1)}
              className={`${base} border-slate-300 bg-white hover:bg-slate-50`}
              rel="prev"
            >
              <span aria-hidden="true">‹</span> Anterior
            </Link>
          ) : (
            <span
              aria-disabled="true"
              className={`${base} border-slate-200 text-slate-400`}
            >
              <span aria-hidden="true">‹</span> Anterior
            </span>
          )}
        </li>
        {pageWindow(page, pages).map((p, i) =>
          p === null ? (
            <li
              key={`gap-${i}`}
              aria-hidden="true"
              className="px-1 text-slate-400"
            >
              …
            </li>
          ) : (
            <li key={p}>
              <Link
                to={href(p)}
                aria-current={p === page ? 'page' : undefined}
                aria-label={`Página ${p}`}
                className={`${base} ${
                  p === page
                    ? 'border-indigo-600 bg-indigo-600 text-white'
                    : 'border-slate-300 bg-white hover:bg-slate-50'
                }`}
              >
                {p}
              </Link>
            </li>
          ),
        )}
        <li>
          {page < pages ? (
            <Link
              to={href(page + 1)}
              className={`${base} border-slate-300 bg-white hover:bg-slate-50`}
              rel="next"
            >
              Siguiente <span aria-hidden="true">›</span>
            </Link>
          ) : (
            <span
              aria-disabled="true"
              className={`${base} border-slate-200 text-slate-400`}
            >
              Siguiente <span aria-hidden="true">›</span>
            </span>
          )}
        </li>
      </ul>
    </nav>
  );
}
