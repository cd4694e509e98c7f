import type { ApolloServerPlugin } from '@apollo/server';
import { isSpanContextValid, trace } from '@opentelemetry/api';
import type { OperationDefinitionNode } from 'graphql';
import { principalOf } from '../auth/authenticate';
import type { JsonLogger } from '../logging/json-logger';
import { installCorrelationIdHook, correlationIdFor } from '../logging/correlation-id';
import type { Metrics } from './metrics';

/**
 * What the access log and the request metrics say about one request, gathered on the request
 * object as it goes: GraphQL's plugin below adds the operation and its outcome code.
 */
export interface RequestFacts {
  /** The root field asked for (`pupils`, `createBooking`): bounded by the schema, so fit for a label. */
  operation?: string;
  /** The client's operation name, when it is a plain GraphQL name (never its text or variables). */
  operationName?: string;
  /** OK, or the first error's code. */
  code?: string;
  /** The request's server span, when tracing is on (taken as the request starts, while it is active). */
  traceId?: string;
  spanId?: string;
}

const facts = new WeakMap<object, RequestFacts>();

export function requestFactsOf(req: object): RequestFacts {
  let f = facts.get(req);
  if (!f) facts.set(req, (f = {}));
  return f;
}

const NAME = /^[_A-Za-z][_0-9A-Za-z]{0,99}$/;
const CODE = /^[A-Z][A-Z0-9_]{0,39}$/;

/** `query { pupils … }` → `pupils`; several root fields → the first with `+`; a fragment → `fragment`. */
export function operationLabel(operation: OperationDefinitionNode | null | undefined): string {
  const selections = operation?.selectionSet.selections ?? [];
  const first = selections[0];
  const name = first?.kind === 'Field' ? first.name.value : first ? 'fragment' : 'none';
  return selections.length > 1 ? `${name}+` : name;
}

/** Records each GraphQL request's operation and outcome code on the request (read by the access log). */
export function requestTelemetryPlugin(): ApolloServerPlugin<{ req?: object }> {
  return {
    async requestDidStart(start) {
      const req = start.contextValue?.req;
      if (!req) return;
      const f = requestFactsOf(req);
      return {
        async didResolveOperation(rc) {
          f.operation = operationLabel(rc.operation);
          if (rc.operationName && NAME.test(rc.operationName)) f.operationName = rc.operationName;
        },
        async willSendResponse(rc) {
          const body = rc.response.body;
          const errors = body.kind === 'single' ? body.singleResult.errors : undefined;
          f.operation ??= 'invalid'; // refused before an operation was resolved (parse, validation)
          const code = errors?.length ? String(errors[0]?.extensions?.['code'] ?? 'INTERNAL') : 'OK';
          f.code = CODE.test(code) ? code : 'OTHER';
        },
      };
    },
  };
}

interface FastifyRequestLike {
  method: string;
  headers: Record<string, string | string[] | undefined>;
  routeOptions?: { url?: string };
}
interface FastifyReplyLike {
  statusCode: number;
  elapsedTime: number;
}
interface FastifyLike {
  addHook(name: 'onRequest', hook: (req: never, reply: never, done: () => void) => void): unknown;
  addHook(name: 'onResponse', hook: (req: FastifyRequestLike, reply: FastifyReplyLike) => Promise<void>): unknown;
}

/**
 * One JSON access-log line per request and the request metrics. The line carries the request id
 * (the caller's `x-request-id` when sane, echoed back), the tenant of a signed-in caller, the route
 * pattern (never the URL: link tokens live in paths, filters in query strings), the GraphQL
 * operation and outcome, status and duration. Nothing a person typed: no variables, no emails,
 * no names.
 */
export function installRequestTelemetry(fastify: FastifyLike, logger: JsonLogger, metrics: Metrics | null): void {
  installCorrelationIdHook(fastify as never);
  const access = logger.child('access');
  fastify.addHook('onRequest', (req: object, _reply: never, done: () => void) => {
    const span = trace.getActiveSpan()?.spanContext();
    if (span && isSpanContextValid(span)) Object.assign(requestFactsOf(req), { traceId: span.traceId, spanId: span.spanId });
    done();
  });
  fastify.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions?.url ?? '(unmatched)';
    const status = reply.statusCode;
    const seconds = reply.elapsedTime / 1000;
    const f = facts.get(req) ?? {};
    const code = f.code ?? (status < 400 ? 'OK' : `HTTP_${status}`);
    metrics?.httpRequestDuration.observe({ method: req.method, route, status_code: String(status) }, seconds);
    if (f.operation) metrics?.graphqlRequestDuration.observe({ operation: f.operation, code }, seconds);
    access.write('info', 'request', {
      requestId: correlationIdFor(req),
      tenantId: principalOf(req)?.tenantId ?? undefined,
      method: req.method,
      route,
      status,
      durationMs: Math.round(reply.elapsedTime * 10) / 10,
      operation: f.operation,
      operationName: f.operationName,
      outcome: code === 'OK' ? 'ok' : 'error',
      code: code === 'OK' ? undefined : code,
      traceId: f.traceId,
      spanId: f.spanId,
    });
  });
}
