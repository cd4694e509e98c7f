import { randomBytes } from 'node:crypto';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { User } from '@tandem/persistence';
import { PasswordHasher } from '@tandem/platform';

/**
 * Password checks that take the same time whether or not the account exists: with no user (or no
 * password yet) the password is verified against a dummy argon2id hash made at start-up, so an
 * unknown email costs one argon2 verification like a wrong password does.
 */
@Injectable()
export class Credentials implements OnModuleInit {
  private dummyHash: Promise<string> | undefined;

  constructor(private readonly hasher: PasswordHasher) {}

  onModuleInit(): void {
    void this.dummy();
  }

  private dummy(): Promise<string> {
    return (this.dummyHash ??= this.hasher.hash(randomBytes(18).toString('base64url')));
  }

  /** True only for an enabled user whose stored hash matches `password`. */
  async verify(user: User | null, password: string): Promise<boolean> {
    const stored = user?.passwordHash ?? (await this.dummy());
    const matches = await this.hasher.verify(stored, password);
    return matches && user !== null && user.passwordHash !== null && user.disabledAt === null;
  }

  /** After a successful check: the hash to store if the parameters have changed since it was made. */
  async rehashIfNeeded(user: User, password: string): Promise<string | null> {
    if (!user.passwordHash || !this.hasher.needsRehash(user.passwordHash)) return null;
    return this.hasher.hash(password);
  }

  hash(password: string): Promise<string> {
    return this.hasher.hash(password);
  }
}
