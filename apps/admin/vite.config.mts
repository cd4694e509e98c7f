/// <reference types="vitest/config" />
// Admin app (React 19 + Vite 8). Dev: `vite --config apps/admin/vite.config.mts` on :5173, proxying
// /graphql to the API (API_PROXY_TARGET, default http://localhost:3000). Tests: vitest in jsdom.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));
// The one backend library the app may use: the domain's vocabulary, labels, validators and London clock.
const domain = fileURLToPath(new URL('../../libs/domain/src', import.meta.url));
const apiTarget = process.env['API_PROXY_TARGET'] || 'http://localhost:3000';
// The API's own pages behind emailed links (booking Accept / Decline, email preferences) are served
// through the same origin, so PUBLIC_API_URL may point at the app. `/bookings/<id>` (no "respond")
// stays the app's: a deep link it turns into its hash route.
const apiPaths = ['/graphql', '/imports', '/bookings/respond', '/email-preferences', '/health'];
const proxy = Object.fromEntries(apiPaths.map((p) => [p, { target: apiTarget, changeOrigin: true }]));

export default defineConfig({
  root,
  plugins: [react()],
  resolve: { alias: { '@tandem/domain': `${domain}/index.ts` } },
  server: {
    port: 5173,
    strictPort: true,
    // Only this machine, and only the app's own files: by default Vite serves any file under the
    // workspace (logs under .tandem/, keys, the demo log-ins) to whoever reaches the port.
    host: '127.0.0.1',
    fs: {
      strict: true,
      allow: [root, domain, fileURLToPath(new URL('../../node_modules', import.meta.url))],
      deny: ['.env', '.env.*', '*.{crt,pem,key}', '**/.tandem/**', '**/*.log'],
    },
    proxy,
  },
  preview: {
    port: 4173,
    strictPort: true,
    proxy,
  },
  build: {
    outDir: fileURLToPath(new URL('../../dist/apps/admin', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
  },
  test: {
    root,
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    restoreMocks: true,
  },
});
