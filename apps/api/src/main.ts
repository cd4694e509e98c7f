import 'reflect-metadata';
import { AppConfig, ConfigError, JsonLogger, SchemaNotReadyError, waitForSchema } from '@tandem/platform';
import { createApiApp } from './bootstrap';

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
  const logger = new JsonLogger(config.logLevel).child('api');
  logger.write('info', 'starting', { config: config.describe() });
  // Started before the migrations finished (a new version rolling out): wait for them, bounded.
  try {
    await waitForSchema(config.databaseUrl, logger, config.schemaWaitSeconds);
  } catch (err) {
    if (!(err instanceof SchemaNotReadyError)) throw err;
    logger.write('fatal', err.message);
    process.exit(1);
  }
  const app = await createApiApp({ config, schemaFile: config.isProduction ? undefined : 'apps/api/schema.gql' }, logger);
  // Outside production only this machine may reach the API (a laptop on café Wi-Fi holds demo pupils).
  await app.listen(config.apiPort, config.isProduction ? '0.0.0.0' : '127.0.0.1');
  logger.write('info', 'listening', { url: `http://localhost:${config.apiPort}/graphql` });
}

main().catch((err: unknown) => {
  process.stderr.write(`api failed to start: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
