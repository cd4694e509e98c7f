import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Opaque bearer secrets (refresh tokens, invitation links): 32 random bytes as base64url handed to
 * the user once; only the sha256 (hex) is stored. Compare hashes in constant time.
 */
export const OpaqueToken = {
  generate(): { token: string; hash: string } {
    const token = randomBytes(32).toString('base64url');
    return { token, hash: OpaqueToken.hash(token) };
  },
  hash(token: string): string {
    return createHash('sha256').update(token, 'utf8').digest('hex');
  },
  /** Shape check before any look-up (43 base64url characters). */
  isWellFormed(token: unknown): token is string {
    return typeof token === 'string' && /^[A-Za-z0-9_-]{43}$/.test(token);
  },
  /** Constant-time: does `token` hash to `storedHash`? */
  matches(token: string, storedHash: string): boolean {
    const a = Buffer.from(OpaqueToken.hash(token), 'hex');
    const b = Buffer.from(storedHash, 'hex');
    return a.length === b.length && timingSafeEqual(a, b);
  },
};
