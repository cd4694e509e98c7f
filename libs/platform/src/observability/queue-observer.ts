import { Inject, Injectable, Optional, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryService, ModuleRef } from '@nestjs/core';
import { getQueueToken, WorkerHost } from '@nestjs/bullmq';
import type { Job, Queue, Worker } from 'bullmq';
import { JsonLogger } from '../logging/json-logger';
import { ALL_QUEUE_NAMES, JOB_NAMES, type QueueName } from '../queue/queues';
import { ConnectionStateLog } from './connection-state-log';
import { Metrics } from './metrics';
import { safeReason } from './safe-reason';

/**
 * Watches every BullMQ queue and worker of the process:
 * - their `error` events go to one rate-limited JSON line per connection-state change (without a
 *   listener BullMQ prints each error's stack with console.error);
 * - every failed attempt and every stalled job is a warning (queue, job name, id, attempt, reason
 *   without personal data) and a metric; every attempt's duration is a histogram.
 */
@Injectable()
export class QueueObserver implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly connection: ConnectionStateLog;
  private readonly log: JsonLogger;
  private readonly queues = new Map<string, Queue>();

  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly discovery: DiscoveryService,
    logger: JsonLogger,
    @Optional() @Inject(Metrics) private readonly metrics: Metrics | null,
  ) {
    this.log = logger.child('queue');
    this.connection = new ConnectionStateLog(this.log);
  }

  onApplicationBootstrap(): void {
    for (const name of ALL_QUEUE_NAMES) {
      const queue = this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
      this.queues.set(name, queue);
      this.watchConnection(queue, `queue ${name}`);
    }
    for (const wrapper of this.discovery.getProviders()) {
      const host: unknown = wrapper.instance;
      if (!(host instanceof WorkerHost)) continue;
      let worker: Worker;
      try {
        worker = host.worker;
      } catch {
        continue; // not started (a processor whose worker is created later)
      }
      this.watchConnection(worker, `worker ${worker.name}`);
      this.watchJobs(worker);
    }
  }

  onApplicationShutdown(): void {
    this.connection.close();
  }

  private watchConnection(emitter: Queue | Worker, source: string): void {
    (emitter as unknown as NodeJS.EventEmitter).on('error', (err: Error) => this.connection.error(source, err));
    emitter.getBackend().on('ready', () => this.connection.ready(source));
  }

  private watchJobs(worker: Worker): void {
    const queue = worker.name;
    worker.on('completed', (job: Job) => this.observeDuration(queue, job, 'completed'));
    worker.on('failed', (job: Job | undefined, err: Error) => {
      const final = !!job && job.attemptsMade >= (job.opts.attempts ?? 1);
      this.metrics?.jobFailures.inc({ queue, final: String(final) });
      if (job) this.observeDuration(queue, job, 'failed');
      this.log.write('warn', final ? 'job failed, no attempt left' : 'job attempt failed, will retry', {
        queue,
        jobName: job?.name,
        jobId: job?.id,
        attempt: job?.attemptsMade,
        attempts: job?.opts.attempts,
        reason: safeReason(err),
      });
    });
    worker.on('stalled', (jobId: string) => {
      this.metrics?.jobStalls.inc({ queue });
      void this.warnStalled(queue, jobId);
    });
  }

  private async warnStalled(queue: string, jobId: string): Promise<void> {
    let attempt: number | undefined;
    try {
      attempt = (await this.queues.get(queue)?.getJob(jobId))?.attemptsMade;
    } catch {
      // the warning matters more than the attempt number
    }
    this.log.write('warn', 'job stalled, put back to run again', {
      queue,
      jobName: JOB_NAMES[queue as QueueName],
      jobId,
      attempt,
      reason: 'its worker stopped renewing the lock (died, or blocked longer than the lock)',
    });
  }

  private observeDuration(queue: string, job: Job, outcome: 'completed' | 'failed'): void {
    if (job.processedOn && job.finishedOn && job.finishedOn >= job.processedOn) {
      this.metrics?.jobDuration.observe({ queue, outcome }, (job.finishedOn - job.processedOn) / 1000);
    }
  }
}
