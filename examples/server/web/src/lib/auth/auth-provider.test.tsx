import { QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';

import { apiGet } from '@/lib/api-client';
import { createQueryClient } from '@/lib/react-query';
import {
  accountsDb,
  expireAccessTokens,
  password,
  signedInAs,
} from '@/testing/mocks/accounts';
import { server } from '@/testing/mocks/server';

import { useAuth } from './auth-context';
import type { AuthValue } from './auth-context';
import { AuthProvider } from './auth-provider';

/** Renders the provider and hands the test its current value. */
function renderAuth() {
  const current: { value?: AuthValue } = {};
  function Probe() {
    current.value = useAuth();
    const { status, user } = current.value;
    return <p>{user ? `${status}: ${user.name}` : status}</p>;
  }
  render(
    <QueryClientProvider client={createQueryClient()}>
      <AuthProvider>
        <Probe />
      </AuthProvider>
    </QueryClientProvider>,
  );
  return () => current.value!;
}

/** Counts the calls to an endpoint while letting the mock answer. */
function count(path: string) {
  const seen = { n: 0 };
  server.events.on('request:start', ({ request }) => {
    if (new URL(request.url).pathname === path) seen.n++;
  });
  return seen;
}

describe('AuthProvider', () => {
  it('starts signed out, without asking the server, when no session was left', async () => {
    const refreshes = count('/auth/refresh');
    renderAuth();

    expect(screen.getByText('anonymous')).toBeInTheDocument();
    expect(refreshes.n).toBe(0);
  });

  it('renews a session left by an earlier visit, once', async () => {
    signedInAs('ana@ejemplo.cl');
    const refreshes = count('/auth/refresh');
    renderAuth();

    expect(screen.getByText('loading')).toBeInTheDocument();
    expect(
      await screen.findByText('authenticated: Ana Pérez'),
    ).toBeInTheDocument();
    expect(refreshes.n).toBe(1);
  });

  it('ends up signed out when the server refuses the session', async () => {
    signedInAs('ana@ejemplo.cl');
    accountsDb.refresh = undefined;
    renderAuth();

    expect(await screen.findByText('anonymous')).toBeInTheDocument();
    // The stale CSRF cookie is dropped: the next visit asks nothing.
    expect(document.cookie).not.toMatch(/moderno_csrf=csrf/);
  });

  it('signs in, sends the token and keeps it out of storage', async () => {
    const auth = renderAuth();

    await act(() =>
      auth().login({ email: 'ana@ejemplo.cl', password: password }),
    );

    expect(screen.getByText('authenticated: Ana Pérez')).toBeInTheDocument();
    await expect(apiGet('/me')).resolves.toMatchObject({
      email: 'ana@ejemplo.cl',
    });
    expect(localStorage.length).toBe(0);
    expect(sessionStorage.length).toBe(0);
    expect(document.cookie).not.toMatch(/at-\d/);
  });

  it('renews an expired access token once for concurrent calls', async () => {
    const auth = renderAuth();
    await act(() => auth().login({ email: 'ana@ejemplo.cl', password }));
    expireAccessTokens();
    const refreshes = count('/auth/refresh');

    const [a, b] = await Promise.all([apiGet('/me'), apiGet('/me')]);

    expect(a).toMatchObject({ id: 1 });
    expect(b).toMatchObject({ id: 1 });
    expect(refreshes.n).toBe(1);
  });

  it('signs out when the token cannot be renewed', async () => {
    const auth = renderAuth();
    await act(() => auth().login({ email: 'ana@ejemplo.cl', password }));
    expireAccessTokens();
    accountsDb.refresh = undefined;

    await expect(apiGet('/me')).rejects.toMatchObject({ status: 401 });
    expect(await screen.findByText('anonymous')).toBeInTheDocument();
  });

  it('logs out on the server and forgets the token', async () => {
    let seen: { csrf: string | null; session: string | null } | undefined;
    server.use(
      http.post('*/auth/logout', ({ request }) => {
        seen = {
          csrf: request.headers.get('X-CSRF-Token'),
          session: request.headers.get('Authorization'),
        };
        accountsDb.refresh = undefined;
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const auth = renderAuth();
    await act(() => auth().login({ email: 'ana@ejemplo.cl', password }));
    const csrf = accountsDb.refresh!.csrf;

    await act(() => auth().logout());

    expect(screen.getByText('anonymous')).toBeInTheDocument();
    expect(seen).toEqual({ csrf, session: expect.stringMatching(/^Bearer /) });
    await expect(apiGet('/me')).rejects.toMatchObject({ status: 401 });
  });

  it('registers and is signed in at once', async () => {
    const auth = renderAuth();

    await act(() =>
      auth().register({
        email: 'nuevo@ejemplo.cl',
        password: 'Nueva#2026',
        name: 'Nuevo Cliente',
      }),
    );

    await waitFor(() =>
      expect(
        screen.getByText('authenticated: Nuevo Cliente'),
      ).toBeInTheDocument(),
    );
  });
});
