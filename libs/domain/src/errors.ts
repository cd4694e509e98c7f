/**
 * Every error a user can cause has a stable code (reaches GraphQL as `extensions.code`) and, when
 * one input is to blame, the field it names (`extensions.field`). Features add their codes here so
 * the one mapper in platform stays exhaustive.
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED', // several field errors at once: see `details`
  'INVALID_URN',
  'INVALID_POSTCODE',
  'INVALID_EMAIL',
  'INVALID_DATE',
  'INVALID_YEAR_GROUP',
  'INVALID_CAPACITY',
  'INVALID_WINDOW',
  'INVALID_COORDINATES',
  'INVALID_ENUM_VALUE',
  'INVALID_TEXT',
  'INVALID_CURSOR',
  'INVALID_CSV',
  'INVALID_NUMBER', // a number out of range or not a whole number (RONI score, weekday, count)
  'INVALID_TIME', // a time of day that is not HH:MM (24-hour)
  'INVALID_URL', // a web address that is not http(s)://host…
  'REQUIRED', // a value that must be given is missing or blank
  'NOT_ON_ROLL', // a pupil named for an encounter is not on that school's roll (another school's, unknown, or not on roll that day)
  'NOT_FOUND',
  'INVALID_TRANSITION', // a booking asked to move in a way its state does not allow (e.g. accept a cancelled booking)
  'CONFLICT',
  'ALREADY_EXISTS',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'INVALID_CREDENTIALS',
  'TOKEN_INVALID',
  'TOKEN_EXPIRED',
  'TOO_MANY_ATTEMPTS', // log-in refused for a while after repeated failures for one email
  'INVITATION_EXPIRED', // the invitation link is past its expiry: ask for a new one
  'INVITATION_REVOKED', // the invitation was withdrawn (or replaced by a resend)
  'INVITATION_ALREADY_USED', // the invitation was accepted already: log in instead
  'TENANT_CONTEXT_MISSING',
  'BAD_REQUEST', // the GraphQL request itself is malformed: parse/validation errors, wrong variable types
  'QUERY_TOO_COMPLEX', // the query is nested deeper than the server allows
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldProblem {
  field: string;
  code: ErrorCode;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    readonly details?: readonly FieldProblem[],
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static invalid(field: string, code: ErrorCode, message: string): DomainError {
    return new DomainError(code, message, field);
  }

  static notFound(entity: string, field = 'id'): DomainError {
    return new DomainError('NOT_FOUND', `${entity} not found`, field);
  }

  /** Many field problems at once; the first one's code and field lead. */
  static fromProblems(problems: readonly FieldProblem[]): DomainError {
    if (problems.length === 1) return new DomainError(problems[0].code, problems[0].message, problems[0].field, problems);
    return new DomainError('VALIDATION_FAILED', problems.map((p) => p.message).join('; '), problems[0]?.field, problems);
  }
}
