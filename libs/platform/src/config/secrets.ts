import { createHash } from 'node:crypto';

/**
 * What production accepts as a secret. Production must never start with a value anyone can read in
 * the repository: `test/integration/committed-secrets.int-spec.ts` collects every secret-like value
 * committed anywhere and proves each is refused here, in every secret slot.
 *
 * The rules catch them: a minimum length, no spaces, enough distinct characters, no word that only
 * placeholders and non-production keys use, and the fingerprints of committed values that pass the
 * rest (a long random-looking example in a file). When that test
 * names a new value, remove it from the repository or add its fingerprint below.
 */
export const MIN_SECRET_LENGTH = 32;

const PLACEHOLDER =
  /change.?me|example|(^|[^a-z])(dev|test|spec|bench)([^a-z]|$)|insecure|do.?not.?use|placeholder|sample|password|secret.?here|your.?secret|replace|demo/i;

/** sha256 (hex) of committed values that are long and random-looking enough to pass the other rules. */
export const COMMITTED_SECRET_FINGERPRINTS: ReadonlySet<string> = new Set<string>([
  // DEV_ACCESS_TOKEN_KEYS / DEV_LINK_KEYS below (dev-only, refused in production by fingerprint).
  fingerprint('dev-access-9f4c2b7e1d8a6f3c5b0e2d4a7c9f1b3e'),
  fingerprint('dev-links-3e7a1c9f5b2d8e4a6c0f7b1d3e9a5c2f'),
]);

export function fingerprint(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** Why `value` may not be a production key, or null when it may. */
export function keyProblem(value: string): string | null {
  return commonProblem(value);
}

/** Why `password` may not be in a production connection URL, or null when it may. */
export function urlPasswordProblem(password: string, username: string): string | null {
  if (password === username) return 'password must not be the user name';
  const problem = commonProblem(password);
  return problem && `password ${problem}`;
}

/** Generated secrets are long, have no spaces, use many characters and name no purpose. */
function commonProblem(value: string): string | null {
  if (value.length < MIN_SECRET_LENGTH) return `must be at least ${MIN_SECRET_LENGTH} characters (got ${value.length})`;
  if (/\s/.test(value)) return 'must not contain spaces: generate a random one (e.g. `openssl rand -base64 48`)';
  if (COMMITTED_SECRET_FINGERPRINTS.has(fingerprint(value))) return 'is committed in the repository: generate a new one';
  if (PLACEHOLDER.test(value)) return 'looks like a placeholder: generate a random one (e.g. `openssl rand -base64 48`)';
  if (new Set(value).size < 12) return 'is not random enough (too few distinct characters)';
  return null;
}
