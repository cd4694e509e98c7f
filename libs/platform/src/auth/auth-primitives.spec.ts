import { hash as argonHash, parseOptions } from '@node-rs/argon2';
import { DomainError, ManualClock } from '@tandem/domain';
import jwt from 'jsonwebtoken';
import { AppConfig } from '../config/app-config';
import { OpaqueToken } from './opaque-token';
import { PasswordHasher } from './password-hasher';
import { assertPasswordAcceptable } from './password-policy';
import { TokenService } from './token.service';
import type { Principal } from './principal';

describe('PasswordHasher', () => {
  const hasher = new PasswordHasher();
  it('hashes with argon2id m=19456 t=2 p=1 and verifies', async () => {
    const h = await hasher.hash('correct horse battery');
    expect(h.startsWith('$argon2id$')).toBe(true);
    expect(parseOptions(h)).toMatchObject({ memoryCost: 19456, timeCost: 2, parallelism: 1 });
    await expect(hasher.verify(h, 'correct horse battery')).resolves.toBe(true);
    await expect(hasher.verify(h, 'wrong horse battery')).resolves.toBe(false);
    await expect(hasher.verify('not-a-hash', 'x')).resolves.toBe(false);
    expect(hasher.needsRehash(h)).toBe(false);
  });
  it('flags hashes made with other parameters', async () => {
    expect(hasher.needsRehash(await argonHash('pw', { memoryCost: 8192, timeCost: 1, parallelism: 1 }))).toBe(true);
    expect(hasher.needsRehash('$2b$10$bcrypt')).toBe(true);
  });
});

describe('assertPasswordAcceptable', () => {
  const codeOf = (fn: () => void) => {
    try {
      fn();
    } catch (e) {
      return { code: (e as DomainError).code, field: (e as DomainError).field, message: (e as DomainError).message };
    }
    return undefined;
  };
  it('needs 12 characters and not the email', () => {
    expect(codeOf(() => assertPasswordAcceptable('short'))).toEqual({
      code: 'VALIDATION_FAILED',
      field: 'password',
      message: 'password must be at least 12 characters (got 5)',
    });
    expect(codeOf(() => assertPasswordAcceptable('Alice@Example.org', { email: 'alice@example.org' }))?.message).toBe(
      'password must not be your email address',
    );
    expect(codeOf(() => assertPasswordAcceptable('alicesmith99', { email: 'alicesmith99@example.org' }))?.field).toBe('password');
    expect(codeOf(() => assertPasswordAcceptable('            '))?.message).toMatch(/spaces/);
    expect(codeOf(() => assertPasswordAcceptable('a long enough passphrase', { email: 'a@b.c' }))).toBeUndefined();
  });
});

describe('TokenService', () => {
  const config = AppConfig.fromEnv({ ACCESS_TOKEN_KEYS: 'k2:spec-second-key-second-key-second,k1:spec-first-key-first-key-first-key' });
  const clock = new ManualClock('2025-01-01T10:00:00Z');
  const tokens = new TokenService(clock, config);
  beforeEach(() => clock.set('2025-01-01T10:00:00Z'));
  const principal: Principal = { userId: 'u1', tenantId: 't1', membershipId: 'm1', role: 'coordinator', clusterId: 'c1', sessionId: 's1' };
  const sign = (claims: object, key: string, options: jwt.SignOptions = {}): string =>
    jwt.sign(claims, key, { algorithm: 'HS256', issuer: 'tandem', audience: 'tandem-api', ...options });
  const claims = { sub: 'u1', tid: 't1', mid: 'm1', role: 'hub_admin', ses: 's1' };
  const exp = Math.floor(new Date('2025-01-01T10:01:00Z').getTime() / 1000);

  it('round-trips a principal with its scope ids, session and expiry from config, signed with the first key', () => {
    const { token, expiresAt } = tokens.signAccessToken({ ...principal, sessionId: 's1' });
    expect(expiresAt.toISOString()).toBe('2025-01-01T10:15:00.000Z');
    expect(jwt.decode(token, { complete: true })?.header.kid).toBe('k2');
    expect(jwt.decode(token)).toMatchObject({ sub: 'u1', tid: 't1', mid: 'm1', role: 'coordinator', cid: 'c1', ses: 's1' });
    expect(tokens.verifyAccessToken(token)).toEqual(principal);
  });

  it('still verifies a token signed with an older key of the ring (rotation), not one whose key left it', () => {
    const old = sign({ ...claims, exp }, 'spec-first-key-first-key-first-key', { keyid: 'k1' });
    expect(tokens.verifyAccessToken(old).role).toBe('hub_admin');
    const retired = new TokenService(clock, AppConfig.fromEnv({ ACCESS_TOKEN_KEYS: 'k2:spec-second-key-second-key-second' }));
    expect(() => retired.verifyAccessToken(old)).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
  });

  it('refuses a token without exp, without a session, or without a key id (finding 1)', () => {
    const key = 'spec-second-key-second-key-second';
    expect(() => tokens.verifyAccessToken(sign(claims, key, { keyid: 'k2' }))).toThrow(
      expect.objectContaining({ code: 'UNAUTHENTICATED' }),
    );
    expect(() => tokens.verifyAccessToken(sign({ ...claims, ses: undefined, exp }, key, { keyid: 'k2' }))).toThrow(
      expect.objectContaining({ code: 'UNAUTHENTICATED' }),
    );
    expect(() => tokens.verifyAccessToken(sign({ ...claims, exp }, key))).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
    expect(tokens.verifyAccessToken(sign({ ...claims, exp }, key, { keyid: 'k2' })).role).toBe('hub_admin');
  });

  it('expired → TOKEN_EXPIRED; forged or malformed → UNAUTHENTICATED', () => {
    const { token } = tokens.signAccessToken({ ...principal, sessionId: 's1' });
    clock.set('2025-01-01T10:14:59Z');
    expect(tokens.verifyAccessToken(token)).toEqual(principal);
    clock.set('2025-01-01T10:16:00Z');
    expect(() => tokens.verifyAccessToken(token)).toThrow(expect.objectContaining({ code: 'TOKEN_EXPIRED' }));
    clock.set('2025-01-01T10:00:00Z');
    const forged = sign({ ...claims, exp }, 'another-secret', { keyid: 'k2' });
    expect(() => tokens.verifyAccessToken(forged)).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
    const none = jwt.sign({ sub: 'u1', role: 'hub_admin', ses: 's1', exp }, '', {
      algorithm: 'none',
      issuer: 'tandem',
      audience: 'tandem-api',
      keyid: 'k2',
    });
    expect(() => tokens.verifyAccessToken(none)).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
    const badRole = sign({ ...claims, role: 'god', exp }, 'spec-second-key-second-key-second', { keyid: 'k2' });
    expect(() => tokens.verifyAccessToken(badRole)).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
    expect(() => tokens.verifyAccessToken('garbage')).toThrow(DomainError);
  });
});

describe('OpaqueToken', () => {
  it('generates 32 random bytes as base64url with a sha256 hash, compared in constant time', () => {
    const { token, hash } = OpaqueToken.generate();
    expect(OpaqueToken.isWellFormed(token)).toBe(true);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(OpaqueToken.matches(token, hash)).toBe(true);
    expect(OpaqueToken.matches(OpaqueToken.generate().token, hash)).toBe(false);
    expect(OpaqueToken.matches(token, 'abc')).toBe(false);
    expect(OpaqueToken.generate().token).not.toBe(token);
  });
});
