import { DynamicModule, Global, Inject, Module, Optional, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryModule, ModuleRef } from '@nestjs/core';
import { getQueueToken } from '@nestjs/bullmq';
import { Clock } from '@tandem/domain';
import { SystemDb } from '@tandem/persistence';
import type { Server } from 'node:http';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { JsonLogger } from '../logging/json-logger';
import { ALL_QUEUE_NAMES } from '../queue/queues';
import { addOutboxCollector, addPoolCollector, addQueueCollector } from './collectors';
import { Metrics } from './metrics';
import { startMetricsServer } from './metrics-server';
import { stopTracing } from '../tracing/tracing';
import { QueueObserver } from './queue-observer';

export type MetricsRole = 'api' | 'worker';
const METRICS_ROLE = Symbol('METRICS_ROLE');

/**
 * Global: the process's `Metrics`, its collectors and the `QueueObserver`. Both processes report
 * their pool; the worker also reports the queues and the outbox (numbers about the whole system,
 * read once per worker scrape: take `max` across workers in PromQL).
 *
 * The API serves them on METRICS_PORT (a port of its own, see metrics-server.ts); the worker on
 * its health port.
 */
@Global()
@Module({})
export class MetricsModule implements OnApplicationBootstrap, OnApplicationShutdown {
  private server: Server | undefined;

  constructor(
    @Inject(METRICS_ROLE) private readonly role: MetricsRole,
    private readonly metrics: Metrics,
    private readonly moduleRef: ModuleRef,
    private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly logger: JsonLogger,
    @Optional() @Inject(SystemDb) private readonly systemDb: SystemDb | null,
    @Optional() @Inject(Clock) private readonly clock: Clock | null,
  ) {}

  static forRoot(role: MetricsRole): DynamicModule {
    return {
      module: MetricsModule,
      global: true,
      imports: [DiscoveryModule],
      providers: [{ provide: METRICS_ROLE, useValue: role }, { provide: Metrics, useFactory: () => new Metrics() }, QueueObserver],
      exports: [Metrics],
    };
  }

  async onApplicationBootstrap(): Promise<void> {
    addPoolCollector(this.metrics, this.dataSource, 'app');
    if (this.role === 'worker') {
      const queues = ALL_QUEUE_NAMES.map((name) => this.moduleRef.get<Queue>(getQueueToken(name), { strict: false }));
      addQueueCollector(this.metrics, queues);
      if (this.systemDb && this.clock) addOutboxCollector(this.metrics, this.systemDb, this.clock);
    } else {
      this.server = await startMetricsServer(this.metrics, this.config.metricsPort, this.config.isProduction ? '0.0.0.0' : '127.0.0.1');
      this.logger.write('info', 'metrics listening', { context: 'metrics', port: this.serverPort });
    }
  }

  /** The port the metrics server listens on (the API's; null in the worker or when turned off). */
  get serverPort(): number | null {
    const address = this.server?.address();
    return typeof address === 'object' && address ? address.port : null;
  }

  async onApplicationShutdown(): Promise<void> {
    await stopTracing(); // the spans still batched for the collector go out before the process ends
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
