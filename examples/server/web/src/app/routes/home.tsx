import { Link } from 'react-router';

import { CategoryIcon } from '@/components/category-icon';
import { paths, storeName } from '@/config/paths';
import { CategoryNav } from '@/features/catalog/components/category-nav';
import { FeaturedProducts } from '@/features/catalog/components/featured-products';

const heroIcons = [
  'basket',
  'laptop',
  'headphones',
  'tv',
  'phone',
  'gamepad',
  'fridge',
  'camera',
  'music',
] as const;

/** HomeRoute is the front page: hero, departments and featured products. */
export function HomeRoute() {
  return (
    <>
      <title>{`${storeName} · Tienda de demostración`}</title>
      <section
        aria-labelledby="hero-title"
        className="bg-gradient-to-br from-indigo-700 via-indigo-600 to-violet-600 text-white"
      >
        <div className="mx-auto flex max-w-7xl items-center justify-between gap-10 px-4 py-14 sm:py-20">
          <div>
            <p className="text-sm font-semibold tracking-wide text-indigo-200 uppercase">
              Tecnología, hogar y supermercado
            </p>
            <h1
              id="hero-title"
              className="mt-2 max-w-2xl text-3xl font-extrabold tracking-tight sm:text-5xl"
            >
              Todo lo que buscas, en pesos chilenos
            </h1>
            <p className="mt-4 max-w-xl text-indigo-100 sm:text-lg">
              Miles de productos de electrónica y supermercado para recorrer,
              filtrar y comparar.
            </p>
            <Link
              to={paths.catalog}
              className="mt-8 inline-block rounded-lg bg-white px-5 py-3 font-semibold text-indigo-700 shadow hover:bg-indigo-50 focus-visible:outline-white"
            >
              Ver el catálogo
            </Link>
          </div>
          <div aria-hidden="true" className="hidden grid-cols-3 gap-4 lg:grid">
            {heroIcons.map((name, i) => (
              <span
                key={name}
                className={`grid size-24 place-items-center rounded-2xl bg-white/10 ring-1 ring-white/20 ${
                  i % 3 === 1 ? 'translate-y-6' : ''
                }`}
              >
                <CategoryIcon name={name} className="size-10 text-white/90" />
              </span>
            ))}
          </div>
        </div>
      </section>

      <section
        aria-labelledby="departments-title"
        className="mx-auto max-w-7xl px-4 pt-10"
      >
        <h2
          id="departments-title"
          className="mb-4 text-xl font-bold text-slate-900"
        >
          Compra por categoría
        </h2>
        <CategoryNav />
      </section>

      <section
        aria-labelledby="featured-title"
        className="mx-auto max-w-7xl px-4 pt-12"
      >
        <div className="mb-4 flex items-baseline justify-between">
          <h2 id="featured-title" className="text-xl font-bold text-slate-900">
            Destacados
          </h2>
          <Link
            to={paths.catalog}
            className="text-sm font-medium text-indigo-700 hover:underline"
          >
            Ver todo
          </Link>
        </div>
        <FeaturedProducts />
      </section>
    </>
  );
}
