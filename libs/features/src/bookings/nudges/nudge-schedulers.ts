import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { SystemDb } from '@tandem/persistence';
import { HubSchedulers, QUEUE_NAMES } from '@tandem/platform';
import type { Queue } from 'bullmq';

/** Every day at 07:00 London time (the mail it causes waits for the hub's sending hours). */
export const NUDGE_SCAN_PATTERN = '0 7 * * *';

/** One daily nudge scan per hub (`nudges.<tenantId>`), exactly one however many workers start. */
@Injectable()
export class NudgeSchedulers extends HubSchedulers {
  constructor(@InjectQueue(QUEUE_NAMES.nudges) queue: Queue, systemDb: SystemDb) {
    super(queue, systemDb, 'nudges', NUDGE_SCAN_PATTERN);
  }
}
