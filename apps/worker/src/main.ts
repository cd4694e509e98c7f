import 'reflect-metadata';
import { AppConfig, ConfigError, JsonLogger } from '@tandem/platform';
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
  await createWorkerApp({ config }, logger);
  logger.write('info', 'consuming queues');
}

main().catch((err: unknown) => {
  process.stderr.write(`worker failed to start: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
