import { useMutation, useQuery } from '@tanstack/react-query';

import { apiRequest } from '@/lib/api-client';

// The calls that work with a single-use token sent by mail. None of them
// needs a session.

/** Asks for a reset link; the answer never tells whether the email exists. */
export function forgotPassword(email: string): Promise<unknown> {
  return apiRequest('POST', '/auth/forgot-password', {
    body: { email },
    auth: false,
  });
}

export function resetPassword(input: {
  token: string;
  password: string;
}): Promise<unknown> {
  return apiRequest('POST', '/auth/reset-password', {
    body: input,
    auth: false,
  });
}

export function verifyEmail(token: string): Promise<unknown> {
  return apiRequest('POST', '/auth/verify-email', {
    body: { token },
    auth: false,
  });
}

export function useForgotPassword() {
  return useMutation({ mutationFn: forgotPassword });
}

export function useResetPassword() {
  return useMutation({ mutationFn: resetPassword });
}

/**
 * useVerifyEmail spends the token once, however often the page renders:
 * a query, cached for good, rather than a mutation an effect would repeat.
 */
export function useVerifyEmail(token: string) {
  return useQuery({
    queryKey: ['verify-email', token],
    queryFn: async () => {
      await verifyEmail(token);
      return true;
    },
    enabled: token !== '',
    retry: false,
    staleTime: Infinity,
    gcTime: Infinity,
  });
}
