import type { RouteObject } from 'react-router';

import { Loading } from '@/components/loading';
import { paths, patterns } from '@/config/paths';

import { RootLayout } from './layout/root-layout';
import { RouteError } from './routes/route-error';

// Each page is its own chunk, loaded when first visited.
export const routes: RouteObject[] = [
  {
    path: paths.home,
    Component: RootLayout,
    ErrorBoundary: RouteError,
    HydrateFallback: () => <Loading />,
    children: [
      {
        index: true,
        lazy: async () => ({
          Component: (await import('./routes/home')).HomeRoute,
        }),
      },
      {
        path: paths.catalog,
        lazy: async () => ({
          Component: (await import('./routes/catalog')).CatalogRoute,
        }),
      },
      {
        path: patterns.category,
        lazy: async () => ({
          Component: (await import('./routes/catalog')).CatalogRoute,
        }),
      },
      {
        path: patterns.product,
        lazy: async () => ({
          Component: (await import('./routes/product')).ProductRoute,
        }),
      },
      // accounts pages (issue 3)

      // shop pages (issue 4)

      // search pages (issue 6)

      {
        path: '*',
        lazy: async () => ({
          Component: (await import('./routes/not-found')).NotFoundRoute,
        }),
      },
    ],
  },
];
