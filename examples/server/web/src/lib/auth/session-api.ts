import { apiRequest } from '@/lib/api-client';

import type { AuthResponse, User } from './types';

// The calls that open and close a session. The SPA asks for the refresh
// token as an HttpOnly cookie (X-Session: cookie); the server pairs it with
// a readable CSRF cookie whose value the refresh and logout calls echo.

export const csrfCookie = 'moderno_csrf';

const sessionHeaders = { 'X-Session': 'cookie' };

/** Reads a cookie the page may read, or undefined. */
export function readCookie(name: string): string | undefined {
  for (const part of document.cookie.split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

/** Whether the browser holds a session that /auth/refresh may renew. */
export function hasSessionCookie(): boolean {
  return !!readCookie(csrfCookie);
}

/** Forgets the CSRF cookie of a session the server no longer knows. */
export function dropSessionCookie(): void {
  for (const path of ['/', '/auth']) {
    document.cookie = `${csrfCookie}=; Max-Age=0; Path=${path}; SameSite=Strict`;
  }
}

function csrfHeaders(): Record<string, string> {
  const csrf = readCookie(csrfCookie);
  return csrf ? { ...sessionHeaders, 'X-CSRF-Token': csrf } : sessionHeaders;
}

export interface Credentials {
  email: string;
  password: string;
}

export interface Registration extends Credentials {
  name: string;
  phone?: string;
}

export function login(credentials: Credentials): Promise<AuthResponse> {
  return apiRequest('POST', '/auth/login', {
    body: credentials,
    headers: sessionHeaders,
    credentials: 'include',
    auth: false,
  });
}

/**
 * Creates an account. The server answers as /auth/login does; if it only
 * creates the account, the caller signs in with the same credentials.
 */
export function register(
  registration: Registration,
): Promise<Partial<AuthResponse> | undefined> {
  return apiRequest('POST', '/auth/register', {
    body: registration,
    headers: sessionHeaders,
    credentials: 'include',
    auth: false,
  });
}

export interface ExpiredPasswordChange {
  email: string;
  current_password: string;
  new_password: string;
}

/**
 * Changes the password of a staff member whose password expired (the
 * sign-in answered 403 password_expired) and starts a session.
 */
export function changeExpiredPassword(
  input: ExpiredPasswordChange,
): Promise<AuthResponse> {
  return apiRequest('POST', '/auth/change-expired-password', {
    body: input,
    headers: sessionHeaders,
    credentials: 'include',
    auth: false,
  });
}

/** Trades the refresh cookie for a new access token (and a new cookie). */
export function refresh(): Promise<AuthResponse> {
  return apiRequest('POST', '/auth/refresh', {
    headers: csrfHeaders(),
    credentials: 'include',
    auth: false,
  });
}

/** Ends the session on the server: its refresh token stops working. */
export function logout(accessToken: string | undefined): Promise<void> {
  const headers = csrfHeaders();
  if (accessToken) headers.Authorization = `Bearer ${accessToken}`;
  return apiRequest('POST', '/auth/logout', {
    headers,
    credentials: 'include',
    auth: false,
  });
}

/** GET /me with a token at hand, for answers that carry no user. */
export function currentUser(accessToken: string): Promise<User> {
  return apiRequest<User>('GET', '/me', {
    headers: { Authorization: `Bearer ${accessToken}` },
    auth: false,
  });
}

export interface PasswordChange {
  current_password: string;
  new_password: string;
}

/**
 * Changes the password. The server ends every session of the account and
 * answers with a new one, as a sign-in does.
 */
export function changePassword(input: PasswordChange): Promise<AuthResponse> {
  return apiRequest('PUT', '/me/password', {
    body: input,
    headers: sessionHeaders,
    credentials: 'include',
  });
}
