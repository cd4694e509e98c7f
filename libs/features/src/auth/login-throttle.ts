import { createHash } from 'node:crypto';
import { Clock } from '@tandem/domain';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { THROTTLES, tooManyAttempts, type ThrottlePolicy } from './auth-rules';

export type ThrottleKind = keyof typeof THROTTLES;

/** A counter's key: the kind and a hash of what it counts (no email or address is stored). */
export function throttleBucket(kind: ThrottleKind, subject: string): string {
  return `${kind}:${createHash('sha256').update(subject.trim().toLowerCase(), 'utf8').digest('hex').slice(0, 40)}`;
}

/**
 * Attempt counters (`auth_throttle`, global: log-in precedes any tenant), one per account (email)
 * and one per source address. An attempt is *taken* from every bucket by one atomic upsert each,
 * before the password is checked: parallel attempts each see the count the others left, so no more
 * than the limit ever reach the hash. A fixed window per bucket: the block ends when it does.
 *
 * Success gives the attempt back (the account's counter is cleared; the address's is lowered by
 * one), so only failures add up. A password reset clears the account's counter: a user locked out
 * by someone guessing at their account gets back in through their mailbox.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    private readonly clock: Clock,
    private readonly dataSource: DataSource,
  ) {}

  /** Takes one attempt from each bucket; TOO_MANY_ATTEMPTS (naming `field`) when any is spent. */
  async take(buckets: ReadonlyArray<{ kind: ThrottleKind; subject: string }>, field: string): Promise<void> {
    const now = this.clock.now();
    let blockedUntil: Date | null = null;
    await this.dataSource.transaction(async (em) => {
      for (const { kind, subject } of buckets) {
        const until = await takeOne(em, throttleBucket(kind, subject), THROTTLES[kind], now);
        if (until && (!blockedUntil || until > blockedUntil)) blockedUntil = until;
      }
    });
    if (blockedUntil) throw tooManyAttempts(blockedUntil, now, field);
  }

  /** A successful log-in: the account starts again; the address gets its attempt back. */
  async succeeded(email: string, source: string | null): Promise<void> {
    await this.clear('account', email);
    if (source) {
      await this.dataSource.query('update auth_throttle set attempts = greatest(attempts - 1, 0) where bucket = $1', [
        throttleBucket('source', source),
      ]);
    }
  }

  async clear(kind: ThrottleKind, subject: string): Promise<void> {
    await this.dataSource.query('delete from auth_throttle where bucket = $1', [throttleBucket(kind, subject)]);
  }
}

/** One atomic upsert; the instant the bucket frees up when this attempt is over the limit. */
async function takeOne(em: EntityManager, bucket: string, policy: ThrottlePolicy, now: Date): Promise<Date | null> {
  const rows: Array<{ attempts: number; window_started_at: Date }> = await em.query(
    `insert into auth_throttle as t (bucket, attempts, window_started_at) values ($1, 1, $2)
     on conflict (bucket) do update set
       attempts = case when t.window_started_at <= $2::timestamptz - make_interval(mins => $3) then 1 else t.attempts + 1 end,
       window_started_at = case when t.window_started_at <= $2::timestamptz - make_interval(mins => $3) then $2 else t.window_started_at end
     returning attempts, window_started_at`,
    [bucket, now, policy.windowMinutes],
  );
  const row = rows[0];
  if (!row || row.attempts <= policy.maxAttempts) return null;
  return new Date(new Date(row.window_started_at).getTime() + policy.windowMinutes * 60_000);
}
