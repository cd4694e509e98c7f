import { DynamicModule, Global, Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { createPostgresBackend, createRedisBackend, setDefaultBackendFactory, Worker, type ConnectionOptions } from 'bullmq';
import { ALL_QUEUE_NAMES, QUEUE_JOB_OPTIONS } from './queues';
import { QUEUE_MODULE_OPTIONS, redisConnectionFor, type QueueModuleOptions } from './queue.options';
import { QueueProducer } from './queue.producer';
import { QueueHealth } from './queue.health';
import { tracedProcessor } from '../observability/job-tracing';

/**
 * Registers every queue of `queues.ts` on one connection config, for producers (API:
 * `@InjectQueue(name)` or `QueueProducer`) and processors (worker: `@Processor(name)` classes
 * extending `WorkerHost` pick up the same connection and prefix from the registered queue).
 *
 * `backend: 'postgres'` switches BullMQ's process-wide default backend to its PostgreSQL one
 * (embedded dev mode); one process uses one backend.
 */
@Global()
@Module({})
export class QueueModule {
  static forRoot(options: QueueModuleOptions): DynamicModule {
    let connection: ConnectionOptions;
    if (options.backend === 'postgres') {
      if (!options.postgres) throw new Error('QueueModule: backend "postgres" needs the postgres options');
      const { connectionString, schema, migrate } = options.postgres;
      setDefaultBackendFactory(createPostgresBackend);
      // The app role may not create tables: BullMQ's own migrations run beforehand as the owner
      // (scripts/queue-migrate.ts); here they are only checked, unless a caller asks otherwise.
      connection = {
        connectionString,
        schema: schema ?? 'bullmq',
        ...(migrate ? { migrate: true } : { skipMigrations: true }),
      } as unknown as ConnectionOptions;
    } else {
      setDefaultBackendFactory(createRedisBackend);
      connection = redisConnectionFor(options.redisUrl);
    }
    if (options.worker) {
      // @nestjs/bullmq builds every worker from one class with the @Processor options only; this
      // class adds the lock and stalled-check timing (a @Processor option still wins). One per
      // process, like the backend above. Each job also runs in a span of its own when tracing is on.
      const { lockDurationMs, stalledIntervalMs } = options.worker;
      BullModule.workerClass = class TunedWorker extends Worker {
        constructor(...[name, processor, opts, ...rest]: ConstructorParameters<typeof Worker>) {
          const traced = typeof processor === 'function' ? (tracedProcessor(name, processor) as typeof processor) : processor;
          super(
            name,
            traced,
            { lockDuration: lockDurationMs, stalledInterval: stalledIntervalMs, ...(opts as object) } as typeof opts,
            ...rest,
          );
        }
      };
    }
    const root = BullModule.forRoot({ connection, ...(options.prefix ? { prefix: options.prefix } : {}) });
    const queues = BullModule.registerQueue(...ALL_QUEUE_NAMES.map((name) => ({ name, defaultJobOptions: QUEUE_JOB_OPTIONS[name] })));
    return {
      module: QueueModule,
      global: true,
      imports: [root, queues],
      providers: [{ provide: QUEUE_MODULE_OPTIONS, useValue: options }, QueueProducer, QueueHealth],
      exports: [queues, QUEUE_MODULE_OPTIONS, QueueProducer, QueueHealth],
    };
  }
}
