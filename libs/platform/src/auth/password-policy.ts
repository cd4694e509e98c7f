import { DomainError } from '@tandem/domain';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

/**
 * The password rules (NIST-style: length over composition). Throws DomainError VALIDATION_FAILED
 * with field 'password'; the message never repeats the password.
 */
export function assertPasswordAcceptable(password: string, context: { email?: string } = {}): void {
  const fail = (message: string): never => {
    throw DomainError.invalid('password', 'VALIDATION_FAILED', message);
  };
  if (typeof password !== 'string') fail('password is required');
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) fail(`password must be at least ${PASSWORD_MIN_LENGTH} characters (got ${length})`);
  if (length > PASSWORD_MAX_LENGTH) fail(`password must be at most ${PASSWORD_MAX_LENGTH} characters (got ${length})`);
  if (password.trim().length === 0) fail('password must not be only spaces');
  const email = context.email?.trim().toLowerCase();
  if (email) {
    const normalised = password.trim().toLowerCase();
    if (normalised === email || normalised === email.split('@')[0]) fail('password must not be your email address');
  }
}
