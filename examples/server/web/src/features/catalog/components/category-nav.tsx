import { Link } from 'react-router';

import { CategoryIcon } from '@/components/category-icon';
import { ErrorState } from '@/components/error-state';
import { paths } from '@/config/paths';
import { iconFor } from '@/lib/category-icons';
import { hueFor } from '@/lib/placeholder-art';

import { useCategories } from '../api/get-categories';

/** CategoryNav shows the store's departments as tiles. */
export function CategoryNav() {
  const categories = useCategories();

  if (categories.isPending) {
    return (
      <p role="status" className="text-slate-600">
        Cargando categorías…
      </p>
    );
  }
  if (categories.isError) {
    return (
      <ErrorState
        error={categories.error}
        title="No pudimos cargar las categorías"
        onRetry={() => void categories.refetch()}
      />
    );
  }

  return (
    <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
      {categories.data.map((category) => {
        const hue = hueFor(category.slug);
        return (
          <li key={category.id}>
            <Link
              to={paths.category(category.slug)}
              className="flex h-full min-w-0 flex-col items-start gap-2 rounded-xl border border-slate-200 bg-white p-3 transition hover:border-indigo-300 hover:shadow-sm focus-visible:outline-2 focus-visible:outline-indigo-500 sm:flex-row sm:items-center sm:gap-3"
            >
              <span
                className="grid size-11 shrink-0 place-items-center rounded-lg"
                style={{
                  background: `hsl(${hue} 70% 93%)`,
                  color: `hsl(${hue} 45% 30%)`,
                }}
              >
                <CategoryIcon name={iconFor(category.slug)} />
              </span>
              <span className="min-w-0">
                <span className="block text-sm leading-tight font-medium hyphens-auto text-slate-900 [overflow-wrap:anywhere]">
                  {category.name}
                </span>
                <span className="block text-xs text-slate-500">
                  {category.product_count.toLocaleString('es-CL')}{' '}
                  {category.product_count === 1 ? 'producto' : 'productos'}
                </span>
              </span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
