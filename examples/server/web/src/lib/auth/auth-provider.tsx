import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';

import { ApiError, setAuthSession } from '@/lib/api-client';

import { AuthContext } from './auth-context';
import type { AuthState, AuthValue } from './auth-context';
import * as api from './session-api';
import type { AuthResponse, User } from './types';

/**
 * AuthProvider keeps the session: the access token in memory only (never
 * in storage), the refresh token in an HttpOnly cookie the page cannot
 * read. On load it renews a session left by an earlier visit; requests
 * renew it once when the server refuses the access token.
 */
export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<AuthState>(() =>
    api.hasSessionCookie() ? { status: 'loading' } : { status: 'anonymous' },
  );
  const token = useRef<string | undefined>(undefined);
  const renewing = useRef<Promise<string | undefined> | undefined>(undefined);

  const accept = useCallback(
    async (answer: Partial<AuthResponse>, renewal = false): Promise<User> => {
      if (!answer.access_token) throw new Error('answer without a token');
      const user = answer.user ?? (await api.currentUser(answer.access_token));
      token.current = answer.access_token;
      setState({ status: 'authenticated', user });
      // What was read before signing in (the cart above all) is now the
      // account's; a renewal keeps the same person.
      if (!renewal) void queryClient.invalidateQueries();
      return user;
    },
    [queryClient],
  );

  const forget = useCallback(() => {
    token.current = undefined;
    setState({ status: 'anonymous' });
    // What was read for this person must not outlive the session.
    queryClient.clear();
  }, [queryClient]);

  // One renewal at a time: the server rotates the refresh token on every
  // use and treats a second use of the same one as theft.
  const renew = useCallback((): Promise<string | undefined> => {
    renewing.current ??= api
      .refresh()
      .then(async (answer) => {
        await accept(answer, true);
        return token.current;
      })
      .catch((error: unknown) => {
        // A refused cookie is gone for good; a network failure is not.
        if (error instanceof ApiError && error.isClientError) {
          api.dropSessionCookie();
        }
        forget();
        return undefined;
      })
      .finally(() => {
        renewing.current = undefined;
      });
    return renewing.current;
  }, [accept, forget]);

  useEffect(() => {
    setAuthSession({ accessToken: () => token.current, renew });
    return () => setAuthSession(undefined);
  }, [renew]);

  useEffect(() => {
    if (api.hasSessionCookie()) void renew();
  }, [renew]);

  const value = useMemo<AuthValue>(
    () => ({
      ...state,
      login: async (credentials) => accept(await api.login(credentials)),
      register: async (registration) => {
        const answer = await api.register(registration);
        if (answer?.access_token) return accept(answer);
        return accept(
          await api.login({
            email: registration.email,
            password: registration.password,
          }),
        );
      },
      changeExpiredPassword: async (change) =>
        accept(await api.changeExpiredPassword(change)),
      changePassword: async (change) =>
        accept(await api.changePassword(change)),
      logout: async () => {
        // Nothing may use the token while the server revokes it: a request
        // sent meanwhile would be refused, and the browser logs a 401.
        const revoked = token.current;
        token.current = undefined;
        await api.logout(revoked).catch(() => undefined);
        api.dropSessionCookie();
        forget();
      },
      forget: () => {
        api.dropSessionCookie();
        forget();
      },
      updateUser: (user) => setState({ status: 'authenticated', user }),
    }),
    [state, accept, forget],
  );

  return <AuthContext value={value}>{children}</AuthContext>;
}
