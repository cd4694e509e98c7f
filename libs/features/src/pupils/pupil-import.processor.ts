import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { failedForGood, QUEUE_NAMES, stopCause, type ImportJobPayload } from '@tandem/platform';
import type { Job } from 'bullmq';
import { PupilImportRunner, type PupilImportRunResult } from './pupil-import.runner';

/**
 * The `imports` queue. The payload carries ids only; the runner reloads the job from PostgreSQL in
 * the payload's tenant. One import at a time per worker: imports are heavy and rare.
 */
@Processor(QUEUE_NAMES.imports, { concurrency: 1 })
export class PupilImportProcessor extends WorkerHost {
  constructor(private readonly runner: PupilImportRunner) {
    super();
  }

  process(job: Job<ImportJobPayload>): Promise<PupilImportRunResult> {
    return this.runner.run(job.data.tenantId, job.data.importJobId, job.id ?? job.name);
  }

  /**
   * BullMQ retries a failed attempt; once it has failed the job for good (last attempt, or its
   * worker died twice) the import is marked failed, saying why, and its file dropped.
   */
  @OnWorkerEvent('failed')
  async onFailed(job: Job<ImportJobPayload> | undefined, err?: Error): Promise<void> {
    if (!job || !(await failedForGood(job))) return;
    await this.runner.giveUp(job.data.tenantId, job.data.importJobId, job.id ?? job.name, stopCause(err));
  }
}
