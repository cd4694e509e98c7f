import { Injectable, Module, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryModule, DiscoveryService } from '@nestjs/core';
import { AppConfig, checkDatabase, HttpEndpoint, JsonLogger, type EndpointReply } from '@tandem/platform';
import { DataSource } from 'typeorm';
import { bullWorkers } from '../bull-workers';

/**
 * The worker's HTTP port (`WORKER_HTTP_PORT`, default 3100): `/health/live` (the process answers)
 * and `/health/ready` (every queue's consumer runs and PostgreSQL answers at the schema version this
 * code needs). More routes (e.g. `/metrics`) are added by injecting `HttpEndpoint` and calling `get`.
 */
@Injectable()
export class WorkerHttp implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger: JsonLogger;

  constructor(
    private readonly endpoint: HttpEndpoint,
    private readonly discovery: DiscoveryService,
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
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
    // Outside production only this machine may reach it (as for the API).
    const port = await this.endpoint.listen(this.config.workerHttpPort, this.config.isProduction ? '0.0.0.0' : '127.0.0.1');
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
