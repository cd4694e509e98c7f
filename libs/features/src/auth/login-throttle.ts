import { Clock } from '@tandem/domain';
import { Injectable } from '@nestjs/common';
import { LoginFailure } from '@tandem/persistence';
import { DataSource, MoreThan } from 'typeorm';
import { LOGIN_THROTTLE, loginBlockedUntil, tooManyAttempts } from './auth-rules';

/** Failures are kept this long (well past the window) and then pruned. */
const KEEP_FAILURES_MS = 24 * 60 * 60_000;

/**
 * Failed log-in attempts per email (`login_failures`, a global table: log-in precedes any tenant).
 * The same for known and unknown emails, so the block reveals nothing about which exist.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    private readonly clock: Clock,
    private readonly dataSource: DataSource,
  ) {}

  /** Throws TOO_MANY_ATTEMPTS while the email is blocked. */
  async assertAllowed(email: string): Promise<void> {
    const now = this.clock.now();
    const since = new Date(now.getTime() - LOGIN_THROTTLE.windowMinutes * 60_000);
    const rows = await this.dataSource.getRepository(LoginFailure).find({ where: { email, failedAt: MoreThan(since) }, select: { failedAt: true } });
    const until = loginBlockedUntil(rows.map((r) => r.failedAt), now);
    if (until) throw tooManyAttempts(until, now);
  }

  async recordFailure(email: string): Promise<void> {
    const now = this.clock.now();
    await this.dataSource.transaction(async (em) => {
      await em.insert(LoginFailure, { email, failedAt: now });
      await em.query('delete from login_failures where failed_at < $1', [new Date(now.getTime() - KEEP_FAILURES_MS)]);
    });
  }

  /** After a successful log-in the count starts again. */
  async clear(email: string): Promise<void> {
    await this.dataSource.getRepository(LoginFailure).delete({ email });
  }
}
