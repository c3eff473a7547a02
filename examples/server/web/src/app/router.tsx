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
      {
        path: paths.login,
        lazy: async () => ({
          Component: (await import('./routes/login')).LoginRoute,
        }),
      },
      {
        path: paths.register,
        lazy: async () => ({
          Component: (await import('./routes/register')).RegisterRoute,
        }),
      },
      {
        path: paths.forgotPassword,
        lazy: async () => ({
          Component: (await import('./routes/forgot-password'))
            .ForgotPasswordRoute,
        }),
      },
      ...[paths.resetPassword, patterns.resetPasswordFromMail].map((path) => ({
        path,
        lazy: async () => ({
          Component: (await import('./routes/reset-password'))
            .ResetPasswordRoute,
        }),
      })),
      ...[paths.verifyEmail, patterns.verifyEmailFromMail].map((path) => ({
        path,
        lazy: async () => ({
          Component: (await import('./routes/verify-email')).VerifyEmailRoute,
        }),
      })),
      {
        path: paths.account,
        lazy: async () => ({
          Component: (await import('./routes/account')).AccountRoute,
        }),
      },
      {
        path: paths.adminUsers,
        lazy: async () => ({
          Component: (await import('./routes/admin-users')).AdminUsersRoute,
        }),
      },

      // shop pages (issue 4)
      {
        path: paths.cart,
        lazy: async () => ({
          Component: (await import('./routes/cart')).CartRoute,
        }),
      },
      {
        path: paths.checkout,
        lazy: async () => ({
          Component: (await import('./routes/checkout')).CheckoutRoute,
        }),
      },
      {
        path: paths.orders,
        lazy: async () => ({
          Component: (await import('./routes/orders')).OrdersRoute,
        }),
      },
      {
        path: patterns.order,
        lazy: async () => ({
          Component: (await import('./routes/order')).OrderRoute,
        }),
      },
      {
        path: patterns.orderPlaced,
        lazy: async () => ({
          Component: (await import('./routes/order-placed')).OrderPlacedRoute,
        }),
      },
      {
        path: paths.adminOrders,
        lazy: async () => ({
          Component: (await import('./routes/admin-orders')).AdminOrdersRoute,
        }),
      },
      {
        path: patterns.adminOrder,
        lazy: async () => ({
          Component: (await import('./routes/admin-order')).AdminOrderRoute,
        }),
      },

      // search pages (issue 6)
      {
        path: paths.search,
        lazy: async () => ({
          Component: (await import('./routes/search')).SearchRoute,
        }),
      },

      {
        path: '*',
        lazy: async () => ({
          Component: (await import('./routes/not-found')).NotFoundRoute,
        }),
      },
    ],
  },
];
