import { Link } from 'react-router';

import { paths, storeName } from '@/config/paths';

/** NotFound tells the shopper that what they looked for is not here. */
export function NotFound({
  title = 'Página no encontrada',
  message = 'La dirección que buscas no existe o ya no está disponible.',
}: {
  title?: string;
  message?: string;
}) {
  return (
    <div className="mx-auto max-w-xl px-4 py-20 text-center">
      <title>{`${title} · ${storeName}`}</title>
      <p className="text-sm font-semibold text-indigo-700">Error 404</p>
      <h1 className="mt-2 text-3xl font-bold text-slate-900">{title}</h1>
      <p className="mt-3 text-slate-600">{message}</p>
      <div className="mt-6 flex justify-center gap-3">
        <Link
          to={paths.home}
          className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-700"
        >
          Ir al inicio
        </Link>
        <Link
          to={paths.catalog}
          className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold text-slate-800 hover:bg-slate-50"
        >
          Ver el catálogo
        </Link>
      </div>
    </div>
  );
}
