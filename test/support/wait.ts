/**
 * Waiting on state, never on the machine's clock: `waitFor` polls a check until it holds (the
 * timeout only ends a test that would otherwise hang), and `mailSettled` waits until the mail path
 * has nothing left to send at the product's current time. "Nothing more was sent" is asserted
 * after `mailSettled`, never after a pause.
 */
import type { Queue } from 'bullmq';
import type { TestDatabase } from './db';

export async function waitFor<T>(check: () => Promise<T | undefined | null | false>, what: string, timeoutMs = 10_000): Promise<T> {
  const started = performance.now();
  for (;;) {
    const value = await check();
    if (value) return value;
    if (performance.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Waits until everything due by the database's clock has been sent: no outbox row of any hub is
 * due and still pending, and the mail queue holds nothing waiting, running or retrying. The SMTP
 * sink answers 250 only after recording a message, so every email sent is in `sink.messages` then.
 */
export async function mailSettled(db: Pick<TestDatabase, 'systemDb' | 'clock'>, mailQueue: Queue, timeoutMs = 30_000): Promise<void> {
  await waitFor(
    async () => {
      if ((await db.systemDb.tenantsWithDueOutboxRows(db.clock.now(), 1)).length) return false;
      const counts = await mailQueue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children');
      return Object.values(counts).every((n) => n === 0);
    },
    'the mail path to settle (no due outbox rows, no mail jobs left)',
    timeoutMs,
  );
}

/**
 * One named step of a journey written as a single test: a failure names the step it happened in, so
 * a root cause is reported once, with where it was, instead of again by every later test that
 * needed what the failed one would have made.
 */
export async function step<T>(name: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof Error) e.message = `step "${name}": ${e.message}`;
    throw e;
  }
}
