import { Clock } from '@tandem/domain';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { QUEUE_NAMES, type NudgeScanPayload } from '@tandem/platform';
import type { Job } from 'bullmq';
import { NudgeScanService, type NudgeScanResult } from './nudge-scan.service';

/** The `nudges` queue: one hub's daily scan (started by its job scheduler). */
@Processor(QUEUE_NAMES.nudges, { concurrency: 2 })
export class NudgesProcessor extends WorkerHost {
  constructor(
    private readonly clock: Clock,
    private readonly scan: NudgeScanService,
  ) {
    super();
  }

  process(job: Job<NudgeScanPayload>): Promise<NudgeScanResult> {
    return this.scan.run(job.data.tenantId, this.clock.now());
  }
}
