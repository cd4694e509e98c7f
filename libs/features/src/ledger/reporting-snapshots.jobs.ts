import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { SystemDb, TenantContext } from '@tandem/persistence';
import { HubSchedulers, QUEUE_NAMES, type LedgerSnapshotPayload } from '@tandem/platform';
import type { Job, Queue } from 'bullmq';
import { CoverageService } from './coverage.service';

/** Every night at 00:30 London time: a reporting day's snapshot is frozen within the first hour after it. */
export const REPORTING_SNAPSHOT_PATTERN = '30 0 * * *';

/**
 * The `ledger` queue: a hub's nightly check for reporting-day snapshots (31 Dec, 31 Mar, 31 Jul of the
 * current academic year) not yet taken. Idempotent: a day already frozen is never frozen again (and a
 * unique index says so too), so retries and duplicate runs are harmless.
 */
@Processor(QUEUE_NAMES.ledger, { concurrency: 1 })
export class ReportingSnapshotsProcessor extends WorkerHost {
  constructor(private readonly coverage: CoverageService) {
    super();
  }

  async process(job: Job<LedgerSnapshotPayload>): Promise<{ taken: string[] }> {
    const taken = await TenantContext.run({ tenantId: job.data.tenantId, actorUserId: null, correlationId: job.id ?? job.name }, () =>
      this.coverage.takeDueReportingSnapshots(null),
    );
    return { taken: taken.map((s) => s.asOf) };
  }
}

/** One nightly reporting-snapshot check per hub (`ledger.snapshots.<tenantId>`), exactly one however many workers start. */
@Injectable()
export class ReportingSnapshotSchedulers extends HubSchedulers {
  constructor(@InjectQueue(QUEUE_NAMES.ledger) queue: Queue, systemDb: SystemDb) {
    super(queue, systemDb, 'ledger', REPORTING_SNAPSHOT_PATTERN);
  }
}
