/**
 * A small fetch-based GraphQL client. Every failure becomes a `GraphQLRequestError` whose `errors`
 * carry the server's stable `extensions.code` and `extensions.field` (see docs/CONVENTIONS.md), so
 * forms can put each message next to the field it names.
 */

export interface FieldProblem {
  field: string;
  code: string;
  message: string;
}

export interface GraphQLErrorItem {
  message: string;
  code: string;
  /** The input field the server blamed, as sent (e.g. "email" or "input.email"). */
  field?: string;
  correlationId?: string;
  details?: FieldProblem[];
}

export type GraphQLErrorKind = 'graphql' | 'network' | 'http';

export class GraphQLRequestError extends Error {
  constructor(
    readonly kind: GraphQLErrorKind,
    readonly errors: GraphQLErrorItem[],
    readonly status?: number,
  ) {
    super(errors.map((e) => e.message).join('; ') || 'Request failed');
    this.name = 'GraphQLRequestError';
  }

  /** True if any error has this code. */
  hasCode(code: string): boolean {
    return this.errors.some((e) => e.code === code || e.details?.some((d) => d.code === code));
  }

  /** Messages by field (last path segment: "input.email" → "email"); the first message per field wins. */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    const add = (field: string | undefined, message: string): void => {
      const key = fieldKey(field);
      if (key && !(key in out)) out[key] = message;
    };
    for (const e of this.errors) {
      if (e.details?.length) e.details.forEach((d) => add(d.field, d.message));
      else add(e.field, e.message);
    }
    return out;
  }

  /** Messages not tied to a field (or tied to a field not in `knownFields`), for a form-level alert. */
  formErrors(knownFields?: readonly string[]): string[] {
    const known = (f: string | undefined): boolean => {
      const key = fieldKey(f);
      return key !== undefined && (!knownFields || knownFields.includes(key));
    };
    const out: string[] = [];
    for (const e of this.errors) {
      if (e.details?.length) e.details.filter((d) => !known(d.field)).forEach((d) => out.push(d.message));
      else if (!known(e.field)) out.push(withRef(e));
    }
    return [...new Set(out)];
  }
}

function withRef(e: GraphQLErrorItem): string {
  return e.correlationId && !e.message.includes(e.correlationId) ? `${e.message} (ref ${e.correlationId})` : e.message;
}

export function fieldKey(field: string | undefined): string | undefined {
  if (!field) return undefined;
  const parts = field.split('.').filter(Boolean);
  return parts[parts.length - 1];
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}

/** Turns the `errors` array of a GraphQL response (whatever its shape) into typed items. */
export function parseGraphQLErrors(raw: unknown): GraphQLErrorItem[] {
  if (!Array.isArray(raw)) return [];
  return raw.map((item): GraphQLErrorItem => {
    const obj = (item && typeof item === 'object' ? item : {}) as Record<string, unknown>;
    const ext = (obj['extensions'] && typeof obj['extensions'] === 'object' ? obj['extensions'] : {}) as Record<string, unknown>;
    const details = Array.isArray(ext['details'])
      ? (ext['details'] as unknown[]).flatMap((d): FieldProblem[] => {
          const o = (d && typeof d === 'object' ? d : {}) as Record<string, unknown>;
          const field = str(o['field']);
          const message = str(o['message']);
          return field && message ? [{ field, message, code: str(o['code']) ?? 'VALIDATION_FAILED' }] : [];
        })
      : undefined;
    return {
      message: str(obj['message']) ?? 'Something went wrong',
      code: str(ext['code']) ?? 'INTERNAL',
      ...(str(ext['field']) ? { field: str(ext['field']) } : {}),
      ...(str(ext['correlationId']) ? { correlationId: str(ext['correlationId']) } : {}),
      ...(details?.length ? { details } : {}),
    };
  });
}

/** A query as text, or a typed document from src/gql (a String whose text is the query). */
export type Operation = string | { toString(): string };

export interface RequestOptions {
  token?: string | null;
  endpoint?: string;
  signal?: AbortSignal;
  fetchImpl?: typeof fetch;
}

export const NETWORK_ERROR_MESSAGE = 'Could not reach Tandem. Check your connection and try again.';

/**
 * POSTs a file to one of the API's upload paths (beside /graphql, which takes at most 1 MB). The
 * answer has GraphQL's shape (`data` or `errors`), so failures are the same `GraphQLRequestError`.
 */
export async function uploadRequest<TData>(
  path: string,
  file: Blob | string,
  contentType: string,
  options: RequestOptions = {},
): Promise<TData> {
  const headers: Record<string, string> = { 'content-type': contentType, accept: 'application/json' };
  if (options.token) headers['authorization'] = `Bearer ${options.token}`;
  return answerOf<TData>(() => (options.fetchImpl ?? fetch)(path, { method: 'POST', headers, body: file, signal: options.signal }));
}

/** POSTs a GraphQL operation; resolves with `data` or throws `GraphQLRequestError`. */
export async function graphqlRequest<TData, TVars extends object = Record<string, unknown>>(
  query: Operation,
  variables?: TVars,
  options: RequestOptions = {},
): Promise<TData> {
  const doFetch = options.fetchImpl ?? fetch;
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (options.token) headers['authorization'] = `Bearer ${options.token}`;
  return answerOf<TData>(() =>
    doFetch(options.endpoint ?? '/graphql', {
      method: 'POST',
      headers,
      body: JSON.stringify({ query: String(query), variables: variables ?? {} }),
      signal: options.signal,
    }),
  );
}

async function answerOf<TData>(send: () => Promise<Response>): Promise<TData> {
  let response: Response;
  try {
    response = await send();
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new GraphQLRequestError('network', [{ message: NETWORK_ERROR_MESSAGE, code: 'NETWORK_ERROR' }]);
  }

  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const payload = (body && typeof body === 'object' ? body : {}) as { data?: unknown; errors?: unknown };
  const errors = parseGraphQLErrors(payload.errors);
  if (errors.length) throw new GraphQLRequestError('graphql', errors, response.status);
  if (!response.ok || payload.data === undefined || payload.data === null) {
    const message =
      response.status >= 500 || response.status === 0
        ? 'Tandem is not answering right now. Try again in a minute.'
        : `Unexpected answer from the server (HTTP ${response.status}).`;
    throw new GraphQLRequestError('http', [{ message, code: 'HTTP_ERROR' }], response.status);
  }
  return payload.data as TData;
}
