import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';

import { routes } from '@/app/router';
import { AuthProvider } from '@/lib/auth/auth-provider';
import { createQueryClient } from '@/lib/react-query';

/**
 * Renders the whole storefront at a URL, with a fresh cache, no retries and
 * the session the mocks left (see signedInAs), and returns the router so
 * tests can read the location.
 */
export async function renderApp(url: string) {
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({
    queries: { ...queryClient.getDefaultOptions().queries, retry: false },
  });
  const router = createMemoryRouter(routes, { initialEntries: [url] });
  const user = userEvent.setup();

  render(
    <QueryClientProvider client={queryClient}>
      <AuthProvider>
        <RouterProvider router={router} />
      </AuthProvider>
    </QueryClientProvider>,
  );
  // The page's chunk is loaded lazily; wait for the main landmark.
  await screen.findByRole('main');

  return {
    user,
    router,
    /** The current query string as a URLSearchParams. */
    params: () => new URLSearchParams(router.state.location.search),
  };
}
