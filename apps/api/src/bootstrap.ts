import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { JsonLogger } from '@tandem/platform';
import { ApiModule, type ApiModuleOptions } from './api.module';

/** Builds the Fastify-backed Nest app (not yet listening); shared by main.ts and the test harness. */
export async function createApiApp(options: ApiModuleOptions = {}, logger?: JsonLogger): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    ApiModule.forRoot(options),
    // Request bodies beyond 5 MB are refused before parsing (CSV imports are the largest input).
    new FastifyAdapter({ bodyLimit: 5 * 1024 * 1024, trustProxy: true }),
    { logger: logger ?? false, bufferLogs: !logger },
  );
  app.enableShutdownHooks();
  return app;
}
