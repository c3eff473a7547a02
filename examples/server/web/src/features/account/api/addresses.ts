import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { apiGet, apiRequest } from '@/lib/api-client';

import type { Address, AddressInput } from './types';

export const addressesKey = ['me', 'addresses'] as const;

/** useAddresses lists the signed-in person's delivery addresses. */
export function useAddresses() {
  return useQuery({
    queryKey: addressesKey,
    queryFn: ({ signal }) =>
      apiGet<{ data: Address[] }>('/me/addresses', undefined, signal).then(
        (r) => r.data,
      ),
  });
}

/** useSaveAddress adds an address, or replaces the one with the id. */
export function useSaveAddress() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id?: number; input: AddressInput }) =>
      id === undefined
        ? apiRequest<Address>('POST', '/me/addresses', { body: input })
        : apiRequest<Address>('PUT', `/me/addresses/${id}`, { body: input }),
    // Making one the default changes the others too: read them again.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: addressesKey }),
  });
}

export function useDeleteAddress() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiRequest('DELETE', `/me/addresses/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: addressesKey }),
  });
}
