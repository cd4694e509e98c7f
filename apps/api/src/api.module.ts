import { Module, type DynamicModule } from '@nestjs/common';
import { API_FEATURE_MODULES } from '@tandem/features';
import {
  AppConfig,
  ClockModule,
  ConfigModule,
  DatabaseModule,
  GraphQLPlatformModule,
  LoggingModule,
  MailModule,
  MetricsModule,
  QueueModule,
  queueOptionsFrom,
  type QueueModuleOptions,
} from '@tandem/platform';
import type { Clock } from '@tandem/domain';
import type { DataSource } from 'typeorm';
import { HealthController } from './health/health.controller';
import { VersionResolver } from './health/version.resolver';

export interface ApiModuleOptions {
  /** Defaults to AppConfig.fromEnv(). */
  config?: AppConfig;
  /** Tests pass their own app-role pool; otherwise one is opened from DATABASE_URL. */
  dataSource?: DataSource;
  /** The product's clock; defaults to the machine's. Tests share one ManualClock between API and worker. */
  clock?: Clock;
  /** Defaults to the environment (REDIS_URL, QUEUE_BACKEND, QUEUE_PREFIX). */
  queue?: QueueModuleOptions;
  /** Write the schema SDL here as well as serving it (the admin app reads it). */
  schemaFile?: string;
}

/** The API process: platform modules + every feature module, wired once. */
@Module({})
export class ApiModule {
  static forRoot(options: ApiModuleOptions = {}): DynamicModule {
    const config = options.config ?? AppConfig.fromEnv();
    return {
      module: ApiModule,
      imports: [
        ConfigModule.forConfig(config),
        ClockModule.forRoot(config, options.clock),
        LoggingModule,
        MetricsModule.forRoot('api'),
        options.dataSource
          ? DatabaseModule.forDataSource(options.dataSource)
          : DatabaseModule.forRoot({ applicationName: 'tandem-api', process: 'api' }),
        QueueModule.forRoot(options.queue ?? queueOptionsFrom(config)),
        MailModule.forRoot({ smtpUrl: config.smtpUrl, from: config.mailFrom }),
        GraphQLPlatformModule.forRoot(options.schemaFile ? { autoSchemaFile: options.schemaFile } : {}),
        ...API_FEATURE_MODULES,
      ],
      controllers: [HealthController],
      providers: [VersionResolver],
    };
  }
}
