import type { User } from '@tandem/persistence';
import { PasswordHasher } from '@tandem/platform';
import { Credentials } from './credentials';

/** The real argon2id hasher (CPU only, no I/O). */
describe('Credentials', () => {
  const hasher = new PasswordHasher();
  const credentials = new Credentials(hasher);
  let user: User;

  beforeAll(async () => {
    credentials.onModuleInit();
    user = { id: 'u1', email: 'ada@example.org', passwordHash: await hasher.hash('the right password'), disabledAt: null } as User;
  });

  it('accepts only an enabled user with the right password', async () => {
    await expect(credentials.verify(user, 'the right password')).resolves.toBe(true);
    await expect(credentials.verify(user, 'a wrong password')).resolves.toBe(false);
    await expect(credentials.verify({ ...user, disabledAt: new Date('2026-11-17T10:00:00Z') } as User, 'the right password')).resolves.toBe(
      false,
    );
    await expect(credentials.verify({ ...user, passwordHash: null } as User, 'the right password')).resolves.toBe(false);
    await expect(credentials.verify(null, 'the right password')).resolves.toBe(false);
  });

  it('does one argon2 verification with the same parameters whether or not the account exists, so both take as long', async () => {
    const spy = jest.spyOn(hasher, 'verify');
    const parameters = (): string | undefined => /^\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$/.exec(String(spy.mock.calls[0]?.[0]))?.[0];
    try {
      await credentials.verify(null, 'anything at all');
      expect(spy).toHaveBeenCalledTimes(1);
      const forUnknown = parameters();
      spy.mockClear();
      await credentials.verify(user, 'a wrong password');
      expect(spy).toHaveBeenCalledTimes(1);
      expect(forUnknown).toBe(parameters());
      expect(forUnknown).toMatch(/^\$argon2id\$/);
    } finally {
      spy.mockRestore();
    }
  });

  it('re-hashes only a hash made with other parameters', async () => {
    await expect(credentials.rehashIfNeeded(user, 'the right password')).resolves.toBeNull();
    const weak = { ...user, passwordHash: '$argon2id$v=19$m=8192,t=1,p=1$c29tZXNhbHQ$aGFzaGhhc2hoYXNoaGFzaA' } as User;
    await expect(credentials.rehashIfNeeded(weak, 'the right password')).resolves.toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });
});
