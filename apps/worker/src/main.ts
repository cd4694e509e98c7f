import 'reflect-metadata';
// First: tracing (when on) must patch http, pg, ioredis and graphql before anything loads them.
import './tracing';
import { AppConfig, exitOnStartFailure, installProcessLogging, JsonLogger, SchemaNotReadyError, waitForSchema } from '@tandem/platform';
import { createWorkerApp } from './bootstrap';

async function main(): Promise<void> {
  const config = AppConfig.fromEnv(); // a ConfigError lists every invalid setting (exitOnStartFailure)
  const logger = new JsonLogger(config.logLevel).child('worker');
  installProcessLogging(logger);
  logger.write('info', 'starting', { config: config.describe() });
  // Started before the migrations finished (a new version rolling out): wait for them, bounded.
  try {
    await waitForSchema(config.databaseUrl, logger, config.schemaWaitSeconds);
  } catch (err) {
    if (!(err instanceof SchemaNotReadyError)) throw err;
    logger.write('fatal', err.message);
    process.exit(1);
  }
  await createWorkerApp({ config }, logger);
  logger.write('info', 'consuming queues');
}

main().catch((err: unknown) => exitOnStartFailure('worker', err));
