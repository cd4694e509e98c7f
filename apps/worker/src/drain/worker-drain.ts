import { Injectable, Module, type BeforeApplicationShutdown } from '@nestjs/common';
import { DiscoveryModule, DiscoveryService } from '@nestjs/core';
import { JsonLogger } from '@tandem/platform';
import { bullWorkers } from '../bull-workers';

/**
 * SIGTERM drain (issue 15, finding 5). Nest's shutdown runs onModuleDestroy, then
 * beforeApplicationShutdown, then onApplicationShutdown. Here, in the middle step, every BullMQ
 * worker stops taking jobs and waits for its running ones to finish (`Worker.close()`); only after
 * that do the pools close (mail, PostgreSQL, Redis: all in onApplicationShutdown). A job still
 * waiting stays in Redis for another worker. The orchestrator's grace period must outlast the
 * longest job (a 10 MB import ≈ 100 s): see docs/operations.md.
 */
@Injectable()
export class WorkerDrain implements BeforeApplicationShutdown {
  private readonly logger: JsonLogger;

  constructor(
    private readonly discovery: DiscoveryService,
    logger: JsonLogger,
  ) {
    this.logger = logger.child('worker');
  }

  async beforeApplicationShutdown(signal?: string): Promise<void> {
    const workers = bullWorkers(this.discovery);
    const started = performance.now();
    this.logger.write('info', 'draining: taking no more jobs, finishing the running ones', { signal });
    await Promise.all(workers.map((w) => w.close()));
    this.logger.write('info', 'drained', { queues: workers.map((w) => w.name), ms: Math.round(performance.now() - started) });
  }
}

@Module({ imports: [DiscoveryModule], providers: [WorkerDrain] })
export class WorkerDrainModule {}
