import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';

import { server } from '@/testing/mocks/server';

import { apiGet, apiRequest, apiUrl, ApiError } from './api-client';

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
