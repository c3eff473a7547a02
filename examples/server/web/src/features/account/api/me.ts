import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { apiGet, apiRequest } from '@/lib/api-client';
import { useAuth } from '@/lib/auth/auth-context';
import type { User } from '@/lib/auth/types';

// The signed-in person's own account: GET/PUT /me, the password, the
// export of their data and the erasure of the account.

export const meKey = ['me'] as const;

export function getMe(signal?: AbortSignal): Promise<User> {
  return apiGet<User>('/me', undefined, signal);
}

/** useMe reads the profile of whoever is signed in. */
export function useMe() {
  return useQuery({
    queryKey: meKey,
    queryFn: ({ signal }) => getMe(signal),
    staleTime: 0,
  });
}

export interface ProfileInput {
  name: string;
  phone: string;
}

/** useUpdateMe saves the profile and shows it everywhere at once. */
export function useUpdateMe() {
  const queryClient = useQueryClient();
  const { updateUser } = useAuth();
  return useMutation({
    mutationFn: (input: ProfileInput) =>
      apiRequest<User>('PUT', '/me', { body: input }),
    onSuccess: (user) => {
      queryClient.setQueryData(meKey, user);
      updateUser(user);
    },
  });
}

/** useChangePassword changes the password; the session carries on. */
export function useChangePassword() {
  const { changePassword } = useAuth();
  return useMutation({ mutationFn: changePassword });
}

/** useResendVerification mails a new verification link. */
export function useResendVerification() {
  return useMutation({
    mutationFn: () => apiRequest('POST', '/me/verify-email'),
  });
}

/** Every personal datum the store keeps about the person, as JSON. */
export function exportMe(): Promise<unknown> {
  return apiGet('/me/export');
}

/**
 * useDeleteMe erases the account, given its password: personal data
 * anonymised, orders kept.
 */
export function useDeleteMe() {
  return useMutation({
    mutationFn: (password: string) =>
      apiRequest('DELETE', '/me', { body: { password } }),
  });
}
