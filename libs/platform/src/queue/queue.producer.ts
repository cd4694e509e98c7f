import { Injectable } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { JobsOptions, Queue } from 'bullmq';
import { JOB_NAMES, QUEUE_NAMES, jobIdFor, type QueueName, type QueuePayloads } from './queues';

/** Extra per-call options; jobId and attempts/backoff are deliberately not overridable here. */
export type EnqueueOptions = Pick<JobsOptions, 'delay' | 'priority'>;

/**
 * Typed producer: `add('imports', {tenantId, importJobId})` derives the domain jobId, so adding the
 * same payload twice enqueues it once. Used by the outbox relay; features do not enqueue directly.
 */
@Injectable()
export class QueueProducer {
  private readonly queues: { readonly [Q in QueueName]: Queue };

  constructor(
    @InjectQueue(QUEUE_NAMES.imports) imports: Queue,
    @InjectQueue(QUEUE_NAMES.mail) mail: Queue,
    @InjectQueue(QUEUE_NAMES.nudges) nudges: Queue,
    @InjectQueue(QUEUE_NAMES.ledger) ledger: Queue,
    @InjectQueue(QUEUE_NAMES.matching) matching: Queue,
    @InjectQueue(QUEUE_NAMES.maintenance) maintenance: Queue,
  ) {
    this.queues = { imports, mail, nudges, ledger, matching, maintenance };
  }

  /** Adds (or finds) the job for this payload and returns its jobId. */
  async add<Q extends QueueName>(queue: Q, payload: QueuePayloads[Q], options: EnqueueOptions = {}): Promise<string> {
    const jobId = (jobIdFor[queue] as (p: QueuePayloads[Q]) => string)(payload);
    const job = await this.queues[queue].add(JOB_NAMES[queue], payload, { ...options, jobId });
    return job.id ?? jobId;
  }

  /** Adds many due jobs of one queue in one round trip (the outbox relay); returns their job ids. */
  async addBulk<Q extends QueueName>(queue: Q, jobs: ReadonlyArray<{ payload: QueuePayloads[Q] }>): Promise<string[]> {
    const idOf = jobIdFor[queue] as (p: QueuePayloads[Q]) => string;
    const added = await this.queues[queue].addBulk(
      jobs.map(({ payload }) => ({ name: JOB_NAMES[queue], data: payload, opts: { jobId: idOf(payload) } })),
    );
    return added.map((job, i) => job.id ?? idOf(jobs[i].payload));
  }

  queue(name: QueueName): Queue {
    return this.queues[name];
  }
}
