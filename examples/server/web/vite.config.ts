import { fileURLToPath, URL } from 'node:url';

import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { loadEnv } from 'vite';
import { defineConfig } from 'vitest/config';

// The catalog API lives at the root of the Go server; in development the
// Vite server forwards those paths to it so the app can use relative URLs.
const apiPaths =
  '^/(products|categories|brands|health|auth|me|admin|cart|orders|shipping-methods)(/|\\?|$)';

export default defineConfig(({ mode }) => {
  const env = loadEnv(mode, process.cwd(), '');
  const target = env.DEV_API_PROXY ?? 'http://127.0.0.1:8080';

  return {
    plugins: [react(), tailwindcss()],
    resolve: {
      alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
    },
    server: {
      proxy: { [apiPaths]: { target, changeOrigin: true } },
    },
    build: {
      outDir: 'dist',
      // scripts/clean-dist.mjs empties dist/ but keeps the committed
      // .gitkeep the Go embed needs; Vite would delete it.
      emptyOutDir: false,
      sourcemap: false,
      rolldownOptions: {
        output: {
          // Libraries change less often than the app: separate chunks stay
          // cached across deploys.
          codeSplitting: {
            groups: [
              {
                name: 'react',
                test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/,
              },
              { name: 'router', test: /node_modules[\\/]react-router/ },
              { name: 'query', test: /node_modules[\\/]@tanstack/ },
            ],
          },
        },
      },
    },
    test: {
      environment: 'jsdom',
      globals: false,
      setupFiles: ['./src/testing/setup-tests.ts'],
      include: ['src/**/*.test.{ts,tsx}'],
      css: false,
      restoreMocks: true,
      testTimeout: 20_000,
    },
  };
});
