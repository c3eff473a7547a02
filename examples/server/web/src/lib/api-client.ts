import { env } from '@/config/env';

/** A field the server rejected, with a message safe to show. */
export interface FieldError {
  field: string;
  message: string;
}

/**
 * ApiError is every failed call to the API: the server's error body when it
 * sent one, or a local kind (`network`, `bad_response`) when it did not.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldError[];
  readonly requestId: string | undefined;

  constructor(init: {
    status: number;
    code: string;
    message: string;
    fields?: FieldError[];
    requestId?: string;
  }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.fields = init.fields ?? [];
    this.requestId = init.requestId;
  }

  /** Whether retrying the same request cannot help. */
  get isClientError(): boolean {
    return this.status >= 400 && this.status < 500 && this.status !== 429;
  }
}

export type QueryParams = Record<string, string | number | boolean | undefined>;

/** Builds the URL of an API path with the non-empty parameters. */
export function apiUrl(path: string, params: QueryParams = {}): string {
  const base = env.apiUrl || window.location.origin;
  const url = new URL(base + path, window.location.origin);
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') {
      url.searchParams.set(key, String(value));
    }
  }
  return url.toString();
}

/** How to send a request: the body is sent as JSON. */
export interface RequestOptions {
  params?: QueryParams;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Whether to send cookies; the default sends them to the same origin. */
  credentials?: RequestCredentials;
  /**
   * Whether to send the signed-in user's access token (and renew it once
   * on a 401); true by default. The auth calls themselves turn it off.
   */
  auth?: boolean;
  /** Read a successful answer as a file (a CSV export) instead of JSON. */
  asBlob?: boolean;
}

/**
 * AuthSession is how requests are signed: the auth provider installs one
 * with setAuthSession. The access token lives only in its memory.
 */
export interface AuthSession {
  /** The access token to send, or undefined when signed out. */
  accessToken(): string | undefined;
  /**
   * Gets a new access token after the server refused the current one;
   * resolves undefined when the session is over.
   */
  renew(): Promise<string | undefined>;
}

let session: AuthSession | undefined;

/** Installs (or, with undefined, removes) the session requests use. */
export function setAuthSession(next: AuthSession | undefined): void {
  session = next;
}

/**
 * Sends a request to an API path and returns its JSON body (undefined for
 * 204 No Content), or throws an ApiError. When signed in, it sends the
 * access token; if the server refuses it (401), it renews the token once
 * and sends the request again.
 */
export async function apiRequest<T>(
  method: string,
  path: string,
  {
    params,
    body,
    headers,
    signal,
    credentials,
    auth = true,
    asBlob = false,
  }: RequestOptions = {},
): Promise<T> {
  const url = apiUrl(path, params);
  const send = (token: string | undefined) => {
    const all: Record<string, string> = {
      Accept: 'application/json',
      ...headers,
    };
    if (body !== undefined) all['Content-Type'] = 'application/json';
    if (token) all.Authorization = `Bearer ${token}`;
    return fetchOrThrow(url, {
      method,
      headers: all,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials,
      signal,
    });
  };

  const current = auth ? session : undefined;
  const token = current?.accessToken();
  let response = await send(token);
  if (response.status === 401 && token && current) {
    const renewed = await current.renew();
    if (renewed) response = await send(renewed);
  }

  if (response.status === 204) return undefined as T;
  if (asBlob && response.ok) return (await response.blob()) as T;
  const data: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw toApiError(response, data);
  if (data === undefined) {
    throw new ApiError({
      status: response.status,
      code: 'bad_response',
      message: 'La tienda respondió algo que no entendemos.',
    });
  }
  return data as T;
}

/** Fetches, turning a failure to connect into an ApiError. */
async function fetchOrThrow(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (cause) {
    if (init.signal?.aborted) throw cause;
    throw new ApiError({
      status: 0,
      code: 'network',
      message: 'No pudimos conectar con la tienda. Revisa tu conexión.',
    });
  }
}

/** GETs an API path and returns its JSON body, or throws an ApiError. */
export function apiGet<T>(
  path: string,
  params?: QueryParams,
  signal?: AbortSignal,
): Promise<T> {
  return apiRequest<T>('GET', path, { params, signal });
}

interface ErrorBody {
  error?: {
    code?: unknown;
    message?: unknown;
    fields?: unknown;
    request_id?: unknown;
  };
}

function toApiError(response: Response, body: unknown): ApiError {
  const error = (body as ErrorBody | undefined)?.error;
  const requestId =
    str(error?.request_id) ?? response.headers.get('X-Request-Id') ?? undefined;
  return new ApiError({
    status: response.status,
    code: str(error?.code) ?? fallbackCode(response.status),
    message: str(error?.message) ?? 'Algo salió mal. Intenta de nuevo.',
    fields: Array.isArray(error?.fields) ? error.fields : [],
    requestId,
  });
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function fallbackCode(status: number): string {
  if (status === 404) return 'not_found';
  if (status === 429) return 'rate_limited';
  if (status === 503) return 'unavailable';
  return status < 500 ? 'invalid' : 'internal';
}
