import { randomUUID } from 'node:crypto';
import { DomainError, ERROR_CODES, type ErrorCode, type FieldProblem } from '@tandem/domain';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { JsonLogger } from '../logging/json-logger';
import { translateDatabaseError } from './database-errors';
import { errorCategory } from './error-category';

/**
 * THE mapper from anything thrown to what a GraphQL client sees (Apollo `formatError`).
 *   DomainError (also inside variable/literal coercion)  → its code, message, field, details
 *   graphql-js parse / validation / variable errors      → BAD_REQUEST with graphql's message
 *   PostgreSQL constraint errors (QueryFailedError)       → ALREADY_EXISTS / VALIDATION_FAILED / NOT_FOUND / CONFLICT
 *   Nest HttpException (401/403/404/400)                  → UNAUTHENTICATED / FORBIDDEN / NOT_FOUND / BAD_REQUEST
 *   anything else                                         → INTERNAL "Something went wrong (ref <id>)", logged in full
 * Extensions are rebuilt from scratch: never a stacktrace, exception, SQL or driver message.
 */

export interface ErrorExtensions {
  code: ErrorCode;
  field?: string;
  details?: readonly FieldProblem[];
  correlationId?: string;
}

export interface ErrorLog {
  write(level: 'error' | 'warn' | 'info' | 'debug', msg: string, fields: Record<string, unknown>): void;
}

/**
 * A user error (bad input, not found, refused): logged at info (warn for authentication and
 * permission refusals, which an attack produces), by code, field and path only. Never the message:
 * it may quote what the user typed (a pupil's reference, a date of birth).
 */
function logUserError(log: ErrorLog, code: ErrorCode, field: string | undefined, formatted: GraphQLFormattedError): void {
  const category = errorCategory(code);
  log.write(category === 'auth' || category === 'forbidden' ? 'warn' : 'info', 'GraphQL request refused', {
    code,
    field,
    path: formatted.path?.join('.'),
  });
}

const defaultLog: ErrorLog = new JsonLogger('info').child('GraphQL');

// Correlation ids are attached to error objects by `correlationIdPlugin` (Apollo's formatError has
// no access to the request context).
const tagged = new WeakMap<object, string>();
export function tagErrorWithCorrelationId(error: unknown, correlationId: string): void {
  let e: unknown = error;
  for (let i = 0; i < 6 && typeof e === 'object' && e !== null; i++) {
    if (!tagged.has(e)) tagged.set(e, correlationId);
    e = (e as { originalError?: unknown }).originalError;
  }
}
function correlationIdOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null ? tagged.get(error) : undefined;
}

/** Apollo / graphql-js codes for a request that is malformed (safe, graphql-generated messages). */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

export function isDomainError(error: unknown): error is DomainError {
  return (
    error instanceof DomainError ||
    (error instanceof Error && error.name === 'DomainError' && isErrorCode((error as { code?: unknown }).code))
  );
}

function chain(error: unknown): unknown[] {
  const out: unknown[] = [];
  let e: unknown = error;
  while (typeof e === 'object' && e !== null && out.length < 8 && !out.includes(e)) {
    out.push(e);
    e = (e as { originalError?: unknown }).originalError;
  }
  return out;
}

/** `Variable "$input" got invalid value … at "input.role"; …` → 'input.role'; `Variable "$x" …` → 'x'. */
export function fieldFromVariableMessage(message: string): string | undefined {
  const variable = /^Variable "\$([A-Za-z_][A-Za-z0-9_]*)"/.exec(message);
  if (!variable) return undefined;
  const at = / at "([A-Za-z_][A-Za-z0-9_.[\]]*)"; /.exec(message);
  return at ? at[1] : variable[1];
}

function httpExceptionCode(error: unknown): ErrorCode | undefined {
  const e = error as { getStatus?: () => number; getResponse?: unknown };
  if (typeof e?.getStatus !== 'function' || typeof e.getResponse !== 'function') return undefined;
  const status = e.getStatus();
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 409) return 'CONFLICT';
  if (status === 400 || status === 422) return 'BAD_REQUEST';
  return undefined;
}

function build(formatted: GraphQLFormattedError, message: string, extensions: ErrorExtensions): GraphQLFormattedError {
  const ext: Record<string, unknown> = { code: extensions.code };
  if (extensions.field) ext['field'] = extensions.field;
  if (extensions.details?.length) ext['details'] = extensions.details.map(({ field, code, message: m }) => ({ field, code, message: m }));
  if (extensions.correlationId) ext['correlationId'] = extensions.correlationId;
  const out: {
    message: string;
    locations?: GraphQLFormattedError['locations'];
    path?: GraphQLFormattedError['path'];
    extensions: Record<string, unknown>;
  } = {
    message,
    extensions: ext,
  };
  if (formatted.locations) out.locations = formatted.locations;
  if (formatted.path) out.path = formatted.path;
  return out;
}

function internal(formatted: GraphQLFormattedError, error: unknown, log: ErrorLog, cause?: unknown): GraphQLFormattedError {
  const correlationId = chain(error).map(correlationIdOf).find(Boolean) ?? randomUUID();
  const original = cause ?? chain(error).at(-1) ?? error;
  log.write('error', 'Unhandled error in GraphQL request', {
    correlationId,
    path: formatted.path?.join('.'),
    err: original instanceof Error ? original : String(original),
  });
  return build(formatted, `Something went wrong (ref ${correlationId})`, { code: 'INTERNAL', correlationId });
}

export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown, log: ErrorLog = defaultLog): GraphQLFormattedError {
  const links = chain(error);
  const apolloCode = typeof formatted.extensions?.['code'] === 'string' ? (formatted.extensions['code'] as string) : undefined;
  const fromResolver = Boolean(formatted.path);

  // 1. Our own errors, thrown by a resolver or by a scalar while coercing input.
  const domain = links.find(isDomainError);
  const coded = links.find((e): e is GraphQLError => e instanceof GraphQLError && isErrorCode(e.extensions?.['code']));
  const ours = domain ?? coded;
  if (ours) {
    const code = domain ? domain.code : (coded?.extensions['code'] as ErrorCode);
    if (errorCategory(code) === 'internal') return internal(formatted, error, log, ours);
    // Inside coercion graphql's message carries the variable/argument context around ours.
    const message = fromResolver ? ours.message : formatted.message;
    const ownField = domain ? domain.field : (coded?.extensions['field'] as string | undefined);
    const field = (fromResolver ? undefined : fieldFromVariableMessage(formatted.message)) ?? ownField;
    logUserError(log, code, field, formatted);
    return build(formatted, message, { code, field, details: domain?.details });
  }

  // 2. The request itself is malformed (parse, validation, variable types): graphql's words are safe.
  //    A document over the token limit is refused by the parser: that is a query too big, not a typo.
  if (!fromResolver && /^Syntax Error: Document contains more tha[nt] \d+ tokens/.test(formatted.message)) {
    logUserError(log, 'QUERY_TOO_COMPLEX', undefined, formatted);
    return build(formatted, formatted.message.replace(/^Syntax Error: /, ''), { code: 'QUERY_TOO_COMPLEX' });
  }
  // graphql-js's own request errors carry no cause (e.g. "Too many errors processing variables",
  // past 50 coercion errors, which Apollo leaves without a code): the request is at fault.
  const ownRequestError = error instanceof GraphQLError && !error.originalError && !error.path;
  if (!fromResolver && ((apolloCode && REQUEST_ERROR_CODES.has(apolloCode)) || ownRequestError)) {
    logUserError(log, 'BAD_REQUEST', fieldFromVariableMessage(formatted.message), formatted);
    return build(formatted, formatted.message, { code: 'BAD_REQUEST', field: fieldFromVariableMessage(formatted.message) });
  }

  // 3. Database constraint errors a user can cause.
  for (const link of links) {
    const translated = translateDatabaseError(link);
    if (translated) {
      logUserError(log, translated.code, translated.field, formatted);
      return build(formatted, translated.message, { code: translated.code, field: translated.field });
    }
  }

  // 4. Nest HTTP exceptions (e.g. from a pipe or a third-party guard).
  for (const link of links) {
    const code = httpExceptionCode(link);
    if (code) {
      logUserError(log, code, undefined, formatted);
      return build(formatted, (link as Error).message, { code });
    }
  }

  // 5. Everything else is our bug: log it, show a reference.
  return internal(formatted, error, log);
}
