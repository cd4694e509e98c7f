import { DynamicModule, Global, Inject, Module, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import { Clock } from '@tandem/domain';
import { createDataSource, SystemDb, TenantDb } from '@tandem/persistence';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';

const OWNS_DATA_SOURCE = Symbol('OWNS_DATA_SOURCE');

/**
 * Global: the app-role DataSource (RLS applies), TenantDb (the only way to tenant rows) and SystemDb
 * (the few cross-tenant lookups: log-in, invitation and refresh-token resolution).
 *
 * `forRoot()` connects with DATABASE_URL and closes the pool on shutdown; `forDataSource(ds)`
 * (tests) uses a pool the caller owns and leaves it open.
 */
@Global()
@Module({})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(OWNS_DATA_SOURCE) private readonly ownsDataSource: boolean,
  ) {}

  /** `process`: whose pool size to use (API_DATABASE_POOL_SIZE or WORKER_DATABASE_POOL_SIZE). */
  static forRoot(options: { applicationName: string; process: 'api' | 'worker' }): DynamicModule {
    return DatabaseModule.build(
      {
        provide: DataSource,
        inject: [AppConfig],
        useFactory: (config: AppConfig) =>
          createDataSource({
            url: config.databaseUrl,
            role: 'app',
            applicationName: options.applicationName,
            poolSize: options.process === 'api' ? config.apiDatabasePoolSize : config.workerDatabasePoolSize,
            statementTimeoutMs: config.dbStatementTimeoutMs,
            idleInTransactionTimeoutMs: config.dbIdleInTransactionTimeoutMs,
          }).initialize(),
      },
      true,
    );
  }

  static forDataSource(dataSource: DataSource): DynamicModule {
    return DatabaseModule.build({ provide: DataSource, useValue: dataSource }, false);
  }

  private static build(dataSourceProvider: Provider, owns: boolean): DynamicModule {
    return {
      module: DatabaseModule,
      global: true,
      providers: [
        dataSourceProvider,
        { provide: OWNS_DATA_SOURCE, useValue: owns },
        { provide: TenantDb, inject: [DataSource, Clock], useFactory: (ds: DataSource, clock: Clock) => new TenantDb(ds, clock) },
        { provide: SystemDb, inject: [DataSource, Clock], useFactory: (ds: DataSource, clock: Clock) => new SystemDb(ds, clock) },
      ],
      exports: [DataSource, TenantDb, SystemDb],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.ownsDataSource && this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
