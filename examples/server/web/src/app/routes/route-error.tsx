import { isRouteErrorResponse, Link, useRouteError } from 'react-router';

import { NotFound } from '@/components/not-found';
import { paths } from '@/config/paths';

/** RouteError replaces a page that failed to render or to load. */
export function RouteError() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFound />;

  return (
    <main className="mx-auto max-w-xl px-4 py-20 text-center">
      <h1 className="text-2xl font-bold text-slate-900">Algo salió mal</h1>
      <p className="mt-3 text-slate-600">
        No pudimos mostrar esta página. Recarga o vuelve al inicio.
      </p>
      <div className="mt-6 flex justify-center gap-3">
        <button
          type="button"
          onClick={() => window.location.reload()}
          className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-700"
        >
          Recargar
        </button>
        <Link
          to={paths.home}
          className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold"
        >
          Ir al inicio
        </Link>
      </div>
    </main>
  );
}
