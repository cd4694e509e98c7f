import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { failedForGood, QUEUE_NAMES, stopCause, type MatchingRunPayload } from '@tandem/platform';
import type { Job } from 'bullmq';
import { MatchingRunRunner, type MatchingRunResult } from './matching-run.runner';

/**
 * The `matching` queue. The payload carries ids only; the runner reloads the run from PostgreSQL in
 * the payload's tenant. One run at a time per worker: solving is CPU-bound.
 */
@Processor(QUEUE_NAMES.matching, { concurrency: 1 })
export class MatchingRunProcessor extends WorkerHost {
  constructor(private readonly runner: MatchingRunRunner) {
    super();
  }

  process(job: Job<MatchingRunPayload>): Promise<MatchingRunResult> {
    return this.runner.run(job.data.tenantId, job.data.runId, job.id ?? job.name);
  }

  /** BullMQ retries a failed attempt; once it has failed the job for good (last attempt, or its worker died twice) the run is marked failed, saying why. */
  @OnWorkerEvent('failed')
  async onFailed(job: Job<MatchingRunPayload> | undefined, err?: Error): Promise<void> {
    if (!job || !(await failedForGood(job))) return;
    await this.runner.giveUp(job.data.tenantId, job.data.runId, job.id ?? job.name, stopCause(err));
  }
}
