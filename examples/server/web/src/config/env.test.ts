import { describe, expect, it } from 'vitest';

import { parseEnv } from './env';

describe('parseEnv', () => {
  it.each([
    [undefined, ''],
    ['', ''],
    ['/api/', '/api'],
    ['https://tienda.example/', 'https://tienda.example'],
  ])('reads VITE_API_URL=%s as %s', (value, want) => {
    expect(parseEnv({ VITE_API_URL: value }).apiUrl).toBe(want);
  });

  it.each(['ftp://x', 'tienda', '//cdn.example'])('rejects %s', (value) => {
    expect(() => parseEnv({ VITE_API_URL: value })).toThrow(/VITE_API_URL/);
  });
});
