import { NavLink } from 'react-router';

import { paths } from '@/config/paths';
import { useCategories } from '@/features/catalog/api/get-categories';

/** CategoryMenu is the header's row of departments. */
export function CategoryMenu() {
  const categories = useCategories();
  if (!categories.data?.length) return null;

  return (
    <nav aria-label="Categorías" className="border-t border-slate-200 bg-white">
      {/* Phones and tablets scroll the row sideways; wide screens wrap it, so
          no department is ever cut off. */}
      <ul className="mx-auto flex max-w-7xl gap-1 overflow-x-auto px-4 py-1.5 text-sm whitespace-nowrap [scrollbar-width:thin] lg:flex-wrap lg:overflow-visible">
        <li>
          <NavLink
            to={paths.catalog}
            end
            className="block rounded-md px-2.5 py-1.5 font-semibold text-slate-900 hover:bg-slate-100 aria-[current=page]:text-indigo-700"
          >
            Todo el catálogo
          </NavLink>
        </li>
        {categories.data.map((category) => (
          <li key={category.id}>
            <NavLink
              to={paths.category(category.slug)}
              className="block rounded-md px-2.5 py-1.5 text-slate-700 hover:bg-slate-100 hover:text-slate-900 aria-[current=page]:font-semibold aria-[current=page]:text-indigo-700"
            >
              {category.name}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
