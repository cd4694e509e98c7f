import { Module, type DynamicModule } from '@nestjs/common';
import { WORKER_FEATURE_MODULES } from '@tandem/features';
import {
  AppConfig,
  ClockModule,
  ConfigModule,
  DatabaseModule,
  LoggingModule,
  MailModule,
  MetricsModule,
  OutboxRelayModule,
  PlatformAuthModule,
  QueueModule,
  queueOptionsFrom,
  type OutboxRelayOptions,
  type QueueModuleOptions,
} from '@tandem/platform';
import type { Clock } from '@tandem/domain';
import type { DataSource } from 'typeorm';
import { WorkerDrainModule } from './drain/worker-drain';
import { WorkerHttpModule } from './http/worker-http.module';
import { MatchingMetrics } from './matching-metrics';

export interface WorkerModuleOptions {
  config?: AppConfig;
  dataSource?: DataSource;
  /** The product's clock; defaults to the machine's. Tests share one ManualClock between API and worker. */
  clock?: Clock;
  queue?: QueueModuleOptions;
  /** Outbox relay tuning (tests drive it faster). */
  relay?: OutboxRelayOptions;
}

/**
 * The worker process: BullMQ processors and pollers from the feature modules, and a small HTTP
 * port for probes (`WorkerHttpModule`). Each job sets its own TenantContext from its payload before
 * touching tenant data.
 */
@Module({})
export class WorkerModule {
  static forRoot(options: WorkerModuleOptions = {}): DynamicModule {
    const config = options.config ?? AppConfig.fromEnv();
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forConfig(config),
        ClockModule.forRoot(config, options.clock),
        LoggingModule,
        MetricsModule.forRoot('worker'),
        // PasswordHasher/TokenService: features shared with the API expect them.
        PlatformAuthModule,
        options.dataSource
          ? DatabaseModule.forDataSource(options.dataSource)
          : DatabaseModule.forRoot({ applicationName: 'tandem-worker', process: 'worker' }),
        QueueModule.forRoot({
          ...(options.queue ?? queueOptionsFrom(config)),
          worker: { lockDurationMs: config.jobLockSeconds * 1000, stalledIntervalMs: config.jobStalledCheckSeconds * 1000 },
        }),
        MailModule.forRoot({ smtpUrl: config.smtpUrl, from: config.mailFrom, deliveryCheckUrl: config.mailDeliveryCheckUrl }),
        OutboxRelayModule.forRoot(options.relay),
        ...WORKER_FEATURE_MODULES,
        WorkerHttpModule,
        WorkerDrainModule,
      ],
      providers: [MatchingMetrics],
    };
  }
}
