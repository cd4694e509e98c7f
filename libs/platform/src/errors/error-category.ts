import type { ErrorCode } from '@tandem/domain';

/** What kind of failure a code is: drives log level (and could drive HTTP status for REST). */
export type ErrorCategory = 'input' | 'auth' | 'forbidden' | 'not_found' | 'conflict' | 'internal';

/** Exhaustive on purpose: a new ErrorCode does not compile until it is placed here. */
export function errorCategory(code: ErrorCode): ErrorCategory {
  switch (code) {
    case 'VALIDATION_FAILED':
    case 'INVALID_URN':
    case 'INVALID_POSTCODE':
    case 'INVALID_EMAIL':
    case 'INVALID_DATE':
    case 'INVALID_YEAR_GROUP':
    case 'INVALID_CAPACITY':
    case 'INVALID_WINDOW':
    case 'INVALID_COORDINATES':
    case 'INVALID_ENUM_VALUE':
    case 'INVALID_TEXT':
    case 'INVALID_CURSOR':
    case 'INVALID_CSV':
    case 'INVALID_NUMBER':
    case 'INVALID_TIME':
    case 'INVALID_URL':
    case 'REQUIRED':
    case 'NOT_ON_ROLL':
    case 'BAD_REQUEST':
    case 'QUERY_TOO_COMPLEX':
      return 'input';
    case 'UNAUTHENTICATED':
    case 'INVALID_CREDENTIALS':
    case 'TOKEN_INVALID':
    case 'TOKEN_EXPIRED':
    case 'TOO_MANY_ATTEMPTS':
    case 'INVITATION_EXPIRED':
    case 'INVITATION_REVOKED':
    case 'INVITATION_ALREADY_USED':
      return 'auth';
    case 'FORBIDDEN':
      return 'forbidden';
    case 'NOT_FOUND':
      return 'not_found';
    case 'CONFLICT':
    case 'INVALID_TRANSITION':
    case 'ALREADY_EXISTS':
      return 'conflict';
    // A missing tenant context reaching the client is a server bug, not the user's doing.
    case 'TENANT_CONTEXT_MISSING':
    case 'INTERNAL':
      return 'internal';
    default: {
      const unhandled: never = code;
      throw new Error(`Unmapped error code ${String(unhandled)}`);
    }
  }
}
