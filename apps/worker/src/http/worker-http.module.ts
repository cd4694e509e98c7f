import { Injectable, Module, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryModule, DiscoveryService } from '@nestjs/core';
import { AppConfig, checkDatabase, HttpEndpoint, JsonLogger, Metrics, type EndpointReply } from '@tandem/platform';
import { DataSource } from 'typeorm';
import { bullWorkers } from '../bull-workers';

/**
 * The worker's HTTP port (`WORKER_HTTP_PORT`, default 3100): `/health/live` (the process answers),
 * `/health/ready` (every queue's consumer runs and PostgreSQL answers at the schema version this
 * code needs) and `/metrics` (Prometheus). More routes are added by injecting `HttpEndpoint` and
 * calling `get`.
 */
@Injectable()
export class WorkerHttp implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger: JsonLogger;

  constructor(
    private readonly endpoint: HttpEndpoint,
    private readonly discovery: DiscoveryService,
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly metrics: Metrics,
    logger: JsonLogger,
  ) {
    this.logger = logger.child('worker-http');
  }

  /** Each queue this process consumes, and whether its consumer is running (false once it starts closing). */
  consumers(): Record<string, boolean> {
    return Object.fromEntries(bullWorkers(this.discovery).map((w) => [w.name, w.isRunning() && !w.closing]));
  }

  async ready(): Promise<EndpointReply> {
    const database = await checkDatabase(this.dataSource);
    const consumers = this.consumers();
    const ok = database.ok && Object.keys(consumers).length > 0 && Object.values(consumers).every(Boolean);
    return { status: ok ? 200 : 503, body: { status: ok ? 'ok' : 'unavailable', database, consumers } };
  }

  async onApplicationBootstrap(): Promise<void> {
    this.endpoint.get('/health/live', () => ({ status: 200, body: { status: 'ok' } }));
    this.endpoint.get('/health/ready', () => this.ready());
    this.endpoint.get('/metrics', async () => ({ status: 200, contentType: this.metrics.contentType, body: await this.metrics.scrape() }));
    // HOST, as for the API (by default, outside production only this machine may reach it).
    const port = await this.endpoint.listen(this.config.workerHttpPort, this.config.host);
    this.logger.write('info', 'worker http listening', { port });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.endpoint.close();
  }
}

@Module({
  imports: [DiscoveryModule],
  providers: [{ provide: HttpEndpoint, useFactory: () => new HttpEndpoint() }, WorkerHttp],
  exports: [HttpEndpoint, WorkerHttp],
})
export class WorkerHttpModule {}
