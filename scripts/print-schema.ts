/**
 * Prints the API's GraphQL schema (SDL) as the Nest app builds it from the resolvers: the live
 * schema, which the admin app's codegen (`npm run codegen`) types its operations against.
 *
 *   node -r ./scripts/register.js scripts/print-schema.ts [out.graphql]   (stdout without a path)
 *
 * No database is needed: the app is initialised (which builds the schema) over a DataSource that is
 * never connected, and is closed again without serving anything. The queues' Redis connection is
 * opened and closed (REDIS_URL, default 127.0.0.1:6379) but never used.
 */
import { writeFileSync } from 'node:fs';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { AppConfig } from '@tandem/platform';
import { createDataSource } from '@tandem/persistence';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { createApiApp } from '../apps/api/src/bootstrap';

async function main(): Promise<void> {
  const out = process.argv[2];
  const config = AppConfig.fromEnv({ ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'fatal' });
  const dataSource = createDataSource({ url: config.databaseUrl, role: 'app', applicationName: 'tandem-print-schema' });
  const app = await createApiApp({ config, dataSource, queue: { backend: 'redis', redisUrl: config.redisUrl, prefix: 'print-schema' } });
  try {
    await app.init();
    const sdl = `${printSchema(lexicographicSortSchema(app.get(GraphQLSchemaHost).schema))}\n`;
    if (out) writeFileSync(out, sdl);
    else process.stdout.write(sdl);
  } finally {
    await app.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`print-schema failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
