import { useQuery } from '@tanstack/react-query';

import { apiGet } from '@/lib/api-client';

/** A completion of what the shopper is typing. */
export interface Suggestion {
  text: string;
  kind: 'product' | 'category';
  id: number;
}

export function getSuggestions(
  q: string,
  signal?: AbortSignal,
): Promise<{ data: Suggestion[] }> {
  return apiGet('/search/suggestions', { q, limit: 8 }, signal);
}

/** useSuggestions completes a prefix; it asks nothing for an empty one. */
export function useSuggestions(q: string) {
  return useQuery({
    queryKey: ['search-suggestions', q],
    queryFn: ({ signal }) => getSuggestions(q, signal),
    enabled: q.length > 0,
    staleTime: 5 * 60_000,
    select: (body) => body.data,
  });
}
