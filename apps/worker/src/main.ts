import 'reflect-metadata';
// First: tracing (when on) must patch http, pg, ioredis and graphql before anything loads them.
import './tracing';
import { AppConfig, exitOnStartFailure, installProcessLogging, JsonLogger } from '@tandem/platform';
import { createWorkerApp } from './bootstrap';

async function main(): Promise<void> {
  const config = AppConfig.fromEnv(); // a ConfigError lists every invalid setting (exitOnStartFailure)
  const logger = new JsonLogger(config.logLevel).child('worker');
  installProcessLogging(logger);
  logger.write('info', 'starting', { config: config.describe() });
  await createWorkerApp({ config }, logger);
  logger.write('info', 'consuming queues');
}

main().catch((err: unknown) => exitOnStartFailure('worker', err));
