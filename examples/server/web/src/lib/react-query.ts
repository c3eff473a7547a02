import { QueryClient } from '@tanstack/react-query';

import { ApiError } from './api-client';

/** Makes the app's query client: one per app, and one per test. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 60_000,
        refetchOnWindowFocus: false,
        // A 4xx will not change on retry; network and 5xx errors might.
        retry: (failures, error) =>
          !(error instanceof ApiError && error.isClientError) && failures < 2,
      },
    },
  });
}
