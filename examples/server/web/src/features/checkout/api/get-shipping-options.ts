import { useQuery } from '@tanstack/react-query';

import { apiRequest } from '@/lib/api-client';
import type { Envelope } from '@/types/api';
import type { ShippingOption } from '@/types/shop';

/**
 * The shipping methods that serve the cart to a Chilean region, with the
 * rates the server computed for it.
 */
export function useShippingOptions(region: string) {
  return useQuery({
    queryKey: ['cart', 'shipping', region],
    queryFn: ({ signal }) =>
      apiRequest<Envelope<ShippingOption[]>>('GET', '/shipping-methods', {
        params: { country: 'CL', region },
        credentials: 'include',
        signal,
      }).then((b) => b.data),
    enabled: region !== '',
    staleTime: 0,
  });
}
