import 'reflect-metadata';
import { AppConfig, ConfigError, JsonLogger, SchemaNotReadyError, waitForSchema } from '@tandem/platform';
import { createWorkerApp } from './bootstrap';

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = AppConfig.fromEnv();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  const logger = new JsonLogger(config.logLevel).child('worker');
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

main().catch((err: unknown) => {
  process.stderr.write(`worker failed to start: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
