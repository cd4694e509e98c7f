import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { JsonLogger } from '@tandem/platform';
import { WorkerModule, type WorkerModuleOptions } from './worker.module';

/** A standalone Nest context (no HTTP server): processors start consuming on init. */
export async function createWorkerApp(options: WorkerModuleOptions = {}, logger?: JsonLogger): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(options), { logger: logger ?? false });
  app.enableShutdownHooks();
  return app;
}
