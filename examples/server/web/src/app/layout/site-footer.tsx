import { Link } from 'react-router';

import { paths, storeName } from '@/config/paths';

/** SiteFooter credits the demo data and says what the prices are. */
export function SiteFooter() {
  return (
    <footer className="mt-16 border-t border-slate-200 bg-white">
      <div className="mx-auto grid max-w-7xl gap-6 px-4 py-8 text-sm text-slate-600 md:grid-cols-[1fr_2fr]">
        <div>
          <p className="font-semibold text-slate-900">{storeName}</p>
          <ul className="mt-2 space-y-1">
            <li>
              <Link to={paths.home} className="hover:underline">
                Inicio
              </Link>
            </li>
            <li>
              <Link to={paths.catalog} className="hover:underline">
                Catálogo
              </Link>
            </li>
          </ul>
        </div>
        <p>
          Datos de demostración: Best Buy (CC0) y Precios Claros – SEPA (CC BY
          4.0), Secretaría de Comercio Interior de Argentina, vía Open Data
          Córdoba y pdelboca/preciosargentina (MIT); precios convertidos a CLP,
          solo de muestra. Ningún producto está a la venta; los nombres y marcas
          pertenecen a sus dueños.
        </p>
      </div>
    </footer>
  );
}
