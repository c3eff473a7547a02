import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';

import { routes } from '@/app/router';
import { createQueryClient } from '@/lib/react-query';

/**
 * Renders the whole storefront at a URL, with a fresh cache and no retries,
 * and returns the router so tests can read the location.
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
      <RouterProvider router={router} />
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
