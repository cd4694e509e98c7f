import 'reflect-metadata';
// First: tracing (when on) must patch http, pg, ioredis and graphql before anything loads them.
import './tracing';
import { AppConfig, exitOnStartFailure, installProcessLogging, JsonLogger, SchemaNotReadyError, waitForSchema } from '@tandem/platform';
import { createApiApp } from './bootstrap';

async function main(): Promise<void> {
  const config = AppConfig.fromEnv(); // a ConfigError lists every invalid setting (exitOnStartFailure)
  const logger = new JsonLogger(config.logLevel).child('api');
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
  const app = await createApiApp({ config, schemaFile: config.isProduction ? undefined : 'apps/api/schema.gql' }, logger);
  // HOST: by default, outside production only this machine may reach the API (a laptop on café Wi-Fi holds demo pupils).
  await app.listen(config.apiPort, config.host);
  logger.write('info', 'listening', { url: `http://localhost:${config.apiPort}/graphql` });
}

main().catch((err: unknown) => exitOnStartFailure('api', err));
