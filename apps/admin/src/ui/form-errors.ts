/**
 * Where an API error belongs on a form. The API names the input it blames in `extensions.field`
 * as a path (`input.urn`, `input.windows[1].endsAt`, `input.yearGroups[0]`); a form knows its own
 * field names. The deepest segment of the path that the form shows wins; messages that fit no field
 * (or a code with no field, unless the form maps that code) go to the alert at the top of the form.
 */
import { GraphQLRequestError } from '../graphql/client';

export type FieldErrors<F extends string> = Partial<Record<F, string>>;

export interface MappedErrors<F extends string> {
  fields: FieldErrors<F>;
  form: string[];
}

/** `input.windows[1].endsAt` → ['input', 'windows', 'endsAt'] (indices dropped). */
export function pathSegments(path: string): string[] {
  return path
    .replace(/\[\d+\]/g, '')
    .split('.')
    .filter(Boolean);
}

/** The form field a server path belongs to, or undefined. */
export function fieldForPath<F extends string>(path: string | undefined, known: readonly F[]): F | undefined {
  if (!path) return undefined;
  const segments = pathSegments(path);
  for (let i = segments.length - 1; i >= 0; i--) {
    const s = segments[i] as F;
    if (known.includes(s)) return s;
  }
  return undefined;
}

const GENERIC = 'Something went wrong. Try again.';

/**
 * Splits any error from a request into messages next to the form's fields and messages for the
 * whole form. `codeFields` places codes the server sends without a field (e.g. a duplicate URN).
 */
export function mapApiErrors<F extends string>(
  err: unknown,
  known: readonly F[],
  codeFields: Partial<Record<string, F>> = {},
): MappedErrors<F> {
  if (!(err instanceof GraphQLRequestError)) return { fields: {}, form: [GENERIC] };
  const fields: FieldErrors<F> = {};
  const form: string[] = [];
  const place = (path: string | undefined, code: string, message: string): void => {
    const field = fieldForPath(path, known) ?? (path ? undefined : codeFields[code]);
    if (field) {
      if (!fields[field]) fields[field] = message;
    } else form.push(message);
  };
  for (const e of err.errors) {
    if (e.details?.length) e.details.forEach((d) => place(d.field, d.code, d.message));
    else
      place(e.field, e.code, e.correlationId && !e.message.includes(e.correlationId) ? `${e.message} (ref ${e.correlationId})` : e.message);
  }
  return { fields, form: [...new Set(form)] };
}

/** One line for an error shown outside a form (a failed load, a failed button). */
export function errorMessage(err: unknown): string {
  if (err instanceof GraphQLRequestError)
    return [
      ...new Set(
        err.errors.map((e) =>
          e.correlationId && !e.message.includes(e.correlationId) ? `${e.message} (ref ${e.correlationId})` : e.message,
        ),
      ),
    ].join(' ');
  return GENERIC;
}
