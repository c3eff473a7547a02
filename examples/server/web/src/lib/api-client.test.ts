import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { server } from '@/testing/mocks/server';

import {
  apiGet,
  apiRequest,
  apiUrl,
  ApiError,
  setAuthSession,
} from './api-client';

describe('apiUrl', () => {
  it('drops empty parameters and keeps the others', () => {
    const url = new URL(
      apiUrl('/products', { page: 2, brand: '', x: undefined, in_stock: true }),
    );
    expect(url.pathname).toBe('/products');
    expect(url.search).toBe('?page=2&in_stock=true');
  });
});

describe('apiGet', () => {
  it('turns the error body into an ApiError', async () => {
    server.use(
      http.get('*/products', () =>
        HttpResponse.json(
          {
            error: {
              code: 'invalid',
              message: 'datos no válidos',
              fields: [{ field: 'limit', message: 'debe ser un entero' }],
              request_id: '01HV',
            },
          },
          { status: 400 },
        ),
      ),
    );

    const error = await apiGet('/products').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      code: 'invalid',
      message: 'datos no válidos',
      fields: [{ field: 'limit', message: 'debe ser un entero' }],
      requestId: '01HV',
      isClientError: true,
    });
  });

  it('names an error without a JSON body by its status', async () => {
    server.use(
      http.get(
        '*/health',
        () => new HttpResponse('Bad Gateway', { status: 502 }),
      ),
    );

    const error = await apiGet('/health').catch((e: unknown) => e);

    expect(error).toMatchObject({
      status: 502,
      code: 'internal',
      isClientError: false,
    });
  });

  it('reports a network failure in Spanish', async () => {
    server.use(http.get('*/health', () => HttpResponse.error()));

    const error = await apiGet('/health').catch((e: unknown) => e);

    expect(error).toMatchObject({ status: 0, code: 'network' });
    expect((error as Error).message).toMatch(/No pudimos conectar/);
  });
});

describe('apiRequest', () => {
  it('sends the body as JSON with the headers given', async () => {
    let seen: { method: string; type: string | null; key: string | null } = {
      method: '',
      type: null,
      key: null,
    };
    let body: unknown;
    server.use(
      http.post('*/cart/items', async ({ request }) => {
        seen = {
          method: request.method,
          type: request.headers.get('Content-Type'),
          key: request.headers.get('Idempotency-Key'),
        };
        body = await request.json();
        return HttpResponse.json({ data: { id: 1 } }, { status: 201 });
      }),
    );

    const out = await apiRequest<{ data: { id: number } }>(
      'POST',
      '/cart/items',
      { body: { quantity: 2 }, headers: { 'Idempotency-Key': 'k1' } },
    );

    expect(out.data.id).toBe(1);
    expect(seen).toEqual({
      method: 'POST',
      type: 'application/json',
      key: 'k1',
    });
    expect(body).toEqual({ quantity: 2 });
  });

  it('returns undefined for 204 No Content', async () => {
    server.use(
      http.delete('*/cart', () => new HttpResponse(null, { status: 204 })),
    );

    await expect(apiRequest('DELETE', '/cart')).resolves.toBeUndefined();
  });
});

describe('apiRequest with a session', () => {
  afterEach(() => setAuthSession(undefined));

  /** A /me that accepts only the token `good`, recording what it saw. */
  function meAccepting(seen: (string | null)[]) {
    server.use(
      http.get('*/me', ({ request }) => {
        const header = request.headers.get('Authorization');
        seen.push(header);
        if (header !== 'Bearer good') {
          return HttpResponse.json(
            { error: { code: 'unauthenticated', message: 'inicie sesión' } },
            { status: 401 },
          );
        }
        return HttpResponse.json({ data: { id: 7 } });
      }),
    );
  }

  it('sends the access token', async () => {
    const seen: (string | null)[] = [];
    meAccepting(seen);
    setAuthSession({ accessToken: () => 'good', renew: vi.fn() });

    await expect(apiGet('/me')).resolves.toEqual({ data: { id: 7 } });
    expect(seen).toEqual(['Bearer good']);
  });

  it('renews a refused token once and sends the request again', async () => {
    const seen: (string | null)[] = [];
    meAccepting(seen);
    const renew = vi.fn().mockResolvedValue('good');
    setAuthSession({ accessToken: () => 'old', renew });

    await expect(apiGet('/me')).resolves.toEqual({ data: { id: 7 } });
    expect(renew).toHaveBeenCalledTimes(1);
    expect(seen).toEqual(['Bearer old', 'Bearer good']);
  });

  it('gives up with the 401 when the renewed token is refused too', async () => {
    const seen: (string | null)[] = [];
    meAccepting(seen);
    const renew = vi.fn().mockResolvedValue('also-bad');
    setAuthSession({ accessToken: () => 'old', renew });

    const error = await apiGet('/me').catch((e: unknown) => e);

    expect(error).toMatchObject({ status: 401, code: 'unauthenticated' });
    expect(renew).toHaveBeenCalledTimes(1);
    expect(seen).toEqual(['Bearer old', 'Bearer also-bad']);
  });

  it('gives up when the session cannot be renewed', async () => {
    const seen: (string | null)[] = [];
    meAccepting(seen);
    setAuthSession({
      accessToken: () => 'old',
      renew: vi.fn().mockResolvedValue(undefined),
    });

    await expect(apiGet('/me')).rejects.toMatchObject({ status: 401 });
    expect(seen).toEqual(['Bearer old']);
  });

  it('sends no token and renews nothing when auth is off', async () => {
    const seen: (string | null)[] = [];
    meAccepting(seen);
    const renew = vi.fn();
    setAuthSession({ accessToken: () => 'good', renew });

    await expect(
      apiRequest('GET', '/me', { auth: false }),
    ).rejects.toMatchObject({ status: 401 });
    expect(seen).toEqual([null]);
    expect(renew).not.toHaveBeenCalled();
  });
});
