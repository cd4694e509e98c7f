import type { Job } from 'bullmq';

/** BullMQ's reason for a job whose worker died more often than `maxStalledCount` allows. */
export const STALLED_TOO_OFTEN = 'job stalled more than allowable limit';

/**
 * Whether BullMQ has failed `job` for good: after its last attempt, and also when it failed as
 * unrecoverable with attempts left, which is what a job whose worker died twice gets (issue 15,
 * finding 1: counting attempts missed that case and left the import `running` for ever).
 */
export async function failedForGood(job: Job): Promise<boolean> {
  return (await job.getState()) === 'failed';
}

/** Why a long job stopped, in words for the person who started it. */
export function stopCause(err: Error | undefined): string {
  return err?.message === STALLED_TOO_OFTEN ? 'the worker running it stopped unexpectedly, more than once' : 'of a fault on our side';
}
