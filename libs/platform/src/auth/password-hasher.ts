import { Injectable } from '@nestjs/common';
import { hash, parseOptions, verify, type Algorithm } from '@node-rs/argon2';

/** OWASP (2024) minimum for argon2id: 19 MiB, 2 passes, 1 lane. */
export const ARGON2_PARAMS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
// Algorithm is a `const enum` in the typings and an empty object at runtime: use its value.
const ARGON2ID = 2 as Algorithm;

@Injectable()
export class PasswordHasher {
  hash(password: string): Promise<string> {
    return hash(password, { ...ARGON2_PARAMS, algorithm: ARGON2ID });
  }

  /** False (never throws) for a wrong password or a hash that is not argon2. */
  async verify(storedHash: string, password: string): Promise<boolean> {
    try {
      return await verify(storedHash, password);
    } catch {
      return false;
    }
  }

  /** True when the hash was made with other parameters (or is not argon2id): rehash after log-in. */
  needsRehash(storedHash: string): boolean {
    try {
      const o = parseOptions(storedHash);
      return (
        (o.algorithm as number) !== (ARGON2ID as number) ||
        o.memoryCost !== ARGON2_PARAMS.memoryCost ||
        o.timeCost !== ARGON2_PARAMS.timeCost ||
        o.parallelism !== ARGON2_PARAMS.parallelism
      );
    } catch {
      return true;
    }
  }
}
