import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';

/**
 * The admin app's policy: its own scripts, styles, images and GraphQL on this origin, nothing inline
 * (no data: URLs either: the build inlines none), nothing from elsewhere, never framed. Whatever is
 * not named (fonts, frames, objects, workers…) falls to `default-src 'none'`. The API's other answers
 * keep helmet's policy.
 */
export const ADMIN_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Paths of the app that emailed links open (invitations, password resets, a booking): they get the
 * app's index.html, which turns them into its own routes (apps/admin/src/routing/location.ts). Any
 * other unknown path stays a 404.
 */
export const ADMIN_DEEP_LINKS = ['/invitations/accept', '/password-reset', '/bookings/:bookingId'];

/**
 * Serves the built admin app (`npm run build` → dist/apps/admin) at `/` from ADMIN_STATIC_DIR, in its
 * own Fastify context so that only its answers carry ADMIN_CSP. Hashed files under /assets/ are
 * cached for a year; index.html is revalidated every time (a deploy is seen at once).
 */
export async function serveAdminApp(app: NestFastifyApplication, dir: string): Promise<void> {
  const root = resolve(dir);
  if (!existsSync(join(root, 'index.html'))) {
    throw new Error(`ADMIN_STATIC_DIR=${dir} has no index.html: build the admin app (npm run build) or unset ADMIN_STATIC_DIR`);
  }
  // Loaded only here: @fastify/static's dependencies are ES modules, which the API's jest tests
  // (which serve no app) cannot require; Node 20 runs them from the build.
  const { default: fastifyStatic } = await import('@fastify/static');
  const plugin = async (f: FastifyInstance) => {
    f.addHook('onSend', async (_req, reply, payload) => {
      reply.header('content-security-policy', ADMIN_CSP);
      return payload;
    });
    await f.register(fastifyStatic, {
      root,
      prefix: '/',
      wildcard: false, // a route per file that exists: the rest stays the API's (and its 404)
      cacheControl: false,
      setHeaders: (reply, path) => {
        reply.header('cache-control', path.startsWith(join(root, 'assets')) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
    for (const path of ADMIN_DEEP_LINKS) {
      f.get(path, (_req, reply) => reply.sendFile('index.html'));
    }
  };
  // Nest's adapter types name its own copy of fastify; the instance is the same at run time.
  await app.register(plugin as never);
}
