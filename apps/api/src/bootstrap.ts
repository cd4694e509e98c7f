import helmet from '@fastify/helmet';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { MAX_IMPORT_CSV_BYTES, PUPIL_IMPORT_PATH } from '@tandem/features';
import { AppConfig, installRequestTelemetry, JsonLogger, Metrics } from '@tandem/platform';
import { serveAdminApp } from './admin-app';
import { ApiModule, type ApiModuleOptions } from './api.module';

/** Issue 14: a 5 MB body of aliases blocked the API for seconds; no GraphQL request needs 1 MB. */
export const GRAPHQL_BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * `text/csv` bodies up to the import limit (plus room for a byte-order mark), only on the upload
 * path: anywhere else such a body is refused (415) before it is read.
 */
function acceptCsvUploads(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', async (req, reply) => {
    const type = String(req.headers['content-type'] ?? '')
      .split(';')[0]
      ?.trim()
      .toLowerCase();
    if (type === 'text/csv' && req.url.split('?')[0] !== PUPIL_IMPORT_PATH) {
      await reply
        .code(415)
        .send({ errors: [{ message: 'text/csv is taken only at ' + PUPIL_IMPORT_PATH, extensions: { code: 'BAD_REQUEST' } }] });
    }
  });
  fastify.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: MAX_IMPORT_CSV_BYTES + 1024 }, (_req, body, done) =>
    done(null, body),
  );
}

/**
 * Every response: helmet's headers (nosniff, frame-ancestors/X-Frame-Options deny, no referrer, HSTS,
 * a CSP that lets the small link pages have their inline styles and post their own forms, nothing
 * else); API answers are never cached. CORS for the admin app's origin only, without credentials
 * (the app sends a bearer token; no cookie is ever used).
 */
async function secureHeaders(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  // @fastify/helmet types name the top-level fastify; Nest's adapter has its own copy of the same major.
  await app.register(helmet as never, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'none'"],
        styleSrc: ["'unsafe-inline'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginResourcePolicy: { policy: 'same-site' },
  });
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onSend', async (_req, reply, payload) => {
      if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
      return payload;
    });
  app.enableCors({ origin: config.publicAppUrl, credentials: false, methods: ['GET', 'POST'], maxAge: 600 });
}

/** Builds the Fastify-backed Nest app (not yet listening); shared by main.ts and the test harness. */
export async function createApiApp(options: ApiModuleOptions = {}, logger?: JsonLogger): Promise<NestFastifyApplication> {
  const config = options.config ?? AppConfig.fromEnv();
  const app = await NestFactory.create<NestFastifyApplication>(
    ApiModule.forRoot({ ...options, config }),
    // /graphql (and everything else) takes at most 1 MB; the pupil CSV upload has its own path
    // and its own limit (see below).
    new FastifyAdapter({ bodyLimit: GRAPHQL_BODY_LIMIT_BYTES, trustProxy: config.trustProxy }),
    { logger: logger ?? false, bufferLogs: !logger },
  );
  installRequestTelemetry(app.getHttpAdapter().getInstance(), app.get(JsonLogger), app.get(Metrics));
  acceptCsvUploads(app);
  await secureHeaders(app, config);
  if (config.adminStaticDir) await serveAdminApp(app, config.adminStaticDir);
  app.enableShutdownHooks();
  return app;
}
