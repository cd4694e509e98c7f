import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { IMPORT_BODY_LIMIT_BYTES } from '@tandem/features';
import { AppConfig, JsonLogger } from '@tandem/platform';
import { ApiModule, type ApiModuleOptions } from './api.module';

/** Builds the Fastify-backed Nest app (not yet listening); shared by main.ts and the test harness. */
export async function createApiApp(options: ApiModuleOptions = {}, logger?: JsonLogger): Promise<NestFastifyApplication> {
  const config = options.config ?? AppConfig.fromEnv();
  const app = await NestFactory.create<NestFastifyApplication>(
    ApiModule.forRoot({ ...options, config }),
    // Bodies larger than a pupil CSV import can be (its 10 MB file inside a JSON string, ~21 MB) are
    // refused before parsing; the import itself refuses a file over 10 MB with a clear INVALID_CSV.
    new FastifyAdapter({ bodyLimit: IMPORT_BODY_LIMIT_BYTES, trustProxy: config.trustProxy }),
    { logger: logger ?? false, bufferLogs: !logger },
  );
  app.enableShutdownHooks();
  return app;
}
