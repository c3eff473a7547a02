import { useEffect, useRef } from 'react';
import {
  Outlet,
  ScrollRestoration,
  useLocation,
  useNavigation,
} from 'react-router';

import { SiteFooter } from './site-footer';
import { SiteHeader } from './site-header';

/** RootLayout frames every page: skip link, header, content and footer. */
export function RootLayout() {
  const navigation = useNavigation();
  const main = useFocusOnNewPage();

  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#contenido"
        className="sr-only z-50 rounded-md bg-white px-4 py-2 font-semibold text-indigo-800 shadow focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
      >
        Saltar al contenido
      </a>
      <SiteHeader />
      {navigation.state === 'loading' && (
        <div
          aria-hidden="true"
          className="fixed inset-x-0 top-0 z-50 h-0.5 animate-pulse bg-indigo-500"
        />
      )}
      <main
        ref={main}
        id="contenido"
        tabIndex={-1}
        className="flex-1 outline-none"
      >
        <Outlet />
      </main>
      <SiteFooter />
      <ScrollRestoration />
    </div>
  );
}

/**
 * Moves focus to the content when the page (not just its query) changes,
 * so that keyboard and screen reader users start on the new page, as they
 * would after a full load.
 */
function useFocusOnNewPage() {
  const main = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const shown = useRef(pathname);

  useEffect(() => {
    if (shown.current === pathname) return;
    shown.current = pathname;
    main.current?.focus({ preventScroll: true });
  }, [pathname]);

  return main;
}
