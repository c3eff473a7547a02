import { Link } from 'react-router';

import { paths, storeName } from '@/config/paths';
import { MiniCart } from '@/features/cart/components/mini-cart';

import { AccountMenu } from './account-menu';
import { CategoryMenu } from './category-menu';
import { SearchForm } from './search-form';

/** SiteHeader carries the store's name, the search box and the menu. */
export function SiteHeader() {
  return (
    <header className="sticky top-0 z-40 bg-white/95 shadow-sm backdrop-blur">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-3 px-4 py-3">
        <Link
          to={paths.home}
          className="flex items-center gap-2 text-lg font-extrabold tracking-tight text-slate-900"
        >
          <img src="/favicon.svg" alt="" className="size-7" />
          {storeName}
        </Link>
        <div className="order-last w-full sm:order-none sm:w-auto sm:flex-1">
          <SearchForm />
        </div>
        {/* account menu (issue 3) */}
        <AccountMenu />

        {/* mini-cart (issue 4) */}
        <MiniCart />
      </div>
      <CategoryMenu />
    </header>
  );
}
