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
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-2 gap-y-3 px-4 py-3 sm:gap-x-6">
        {/* On phones the name takes the room the account and cart leave, so
            they share its row; wider screens size it by its content. */}
        <Link
          to={paths.home}
          className="flex min-w-0 flex-1 basis-0 items-center gap-1.5 text-sm font-extrabold tracking-tight text-slate-900 sm:flex-none sm:basis-auto sm:text-lg"
        >
          <img src="/favicon.svg" alt="" className="size-7 shrink-0" />
          <span className="truncate">{storeName}</span>
        </Link>
        <div className="order-last w-full sm:order-none sm:w-auto sm:flex-1">
          <SearchForm />
        </div>
        <div className="flex shrink-0 items-center sm:gap-1">
          {/* account menu (issue 3) */}
          <AccountMenu />

          {/* mini-cart (issue 4) */}
          <MiniCart />
        </div>
      </div>
      <CategoryMenu />
    </header>
  );
}
