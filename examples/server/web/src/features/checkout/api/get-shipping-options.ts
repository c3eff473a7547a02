import { useQuery } from '@tanstack/react-query';

import { apiGet } from '@/lib/api-client';
import type { Envelope } from '@/types/api';
import type { ShippingOption } from '@/types/shop';

/** The shipping methods for the cart to a Chilean region, with rates. */
export function useShippingOptions(region: string) {
  return useQuery({
    queryKey: ['cart', 'shipping', region],
    queryFn: ({ signal }) =>
      apiGet<Envelope<ShippingOption[]>>(
        '/cart/shipping',
        { country: 'CL', region },
        signal,
      ).then((b) => b.data),
    enabled: region !== '',
  });
}
