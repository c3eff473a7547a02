// The environment is read and checked once, when the app starts, so a bad
// build setting fails loudly instead of as a stream of broken requests.

export interface Env {
  /** Where the catalog API lives; empty means the page's own origin. */
  apiUrl: string;
}

export function parseEnv(raw: Record<string, unknown>): Env {
  const value = raw.VITE_API_URL;
  if (value === undefined || value === '') return { apiUrl: '' };
  if (typeof value !== 'string' || !isBaseUrl(value)) {
    throw new Error(
      `VITE_API_URL must be an http(s) URL or an absolute path, got ${JSON.stringify(value)}`,
    );
  }
  return { apiUrl: value.replace(/\/+$/, '') };
}

function isBaseUrl(value: string): boolean {
  if (value.startsWith('/') && !value.startsWith('//')) return true;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

export const env: Env = parseEnv(import.meta.env);
