import { randomUUID } from 'node:crypto';

export const CORRELATION_ID_HEADER = 'x-correlation-id';
/** The name load balancers and proxies use for the same thing; taken first and echoed too. */
export const REQUEST_ID_HEADER = 'x-request-id';
const SAFE = /^[A-Za-z0-9._:-]{1,128}$/;

interface HasHeaders {
  headers?: Record<string, string | string[] | undefined>;
}

const ids = new WeakMap<object, string>();

/**
 * The request's correlation id: the caller's `x-request-id` (or `x-correlation-id`) when it is a
 * sane token (letters, digits, . _ : -, at most 128), otherwise a new UUID. Stable for the life of
 * the request object. It is the access log's `requestId` and every log line's `correlationId`.
 */
export function correlationIdFor(req: HasHeaders): string {
  let id = ids.get(req);
  if (!id) {
    const header = req.headers?.[REQUEST_ID_HEADER] ?? req.headers?.[CORRELATION_ID_HEADER];
    const given = Array.isArray(header) ? header[0] : header;
    id = given && SAFE.test(given) ? given : randomUUID();
    ids.set(req, id);
  }
  return id;
}

interface FastifyLike {
  addHook(
    name: 'onRequest',
    hook: (req: HasHeaders, reply: { header(name: string, value: string): unknown }, done: () => void) => void,
  ): unknown;
}

/** Echo the id on every response (`x-request-id` and `x-correlation-id`), so a user can quote it. */
export function installCorrelationIdHook(fastify: FastifyLike): void {
  fastify.addHook('onRequest', (req, reply, done) => {
    const id = correlationIdFor(req);
    reply.header(REQUEST_ID_HEADER, id);
    reply.header(CORRELATION_ID_HEADER, id);
    done();
  });
}
