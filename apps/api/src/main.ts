import 'reflect-metadata';
import { AppConfig, ConfigError, JsonLogger } from '@tandem/platform';
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
  const app = await createApiApp({ config, schemaFile: config.isProduction ? undefined : 'apps/api/schema.gql' }, logger);
  app.enableCors({ origin: config.publicAppUrl, credentials: true });
  await app.listen(config.apiPort, '0.0.0.0');
  logger.write('info', 'listening', { url: `http://localhost:${config.apiPort}/graphql` });
}

main().catch((err: unknown) => {
  process.stderr.write(`api failed to start: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
