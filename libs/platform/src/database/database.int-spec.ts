/**
 * Issue 15, finding 9: the API's and worker's pool sets `statement_timeout` and
 * `idle_in_transaction_session_timeout` from AppConfig, so PostgreSQL ends a runaway query or a
 * transaction left open (holding locks and a pooled connection).
 */
import 'reflect-metadata';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
// test/support is not an Nx project; the lead may add an alias (see report).
import { createTestDatabase, type TestDatabase } from '@tandem/test-support';
import { DataSource } from 'typeorm';
import { ClockModule } from '../clock';
import { AppConfig, ConfigModule } from '../config';
import { DatabaseModule } from './database.module';

let db: TestDatabase;
let app: INestApplicationContext;

beforeAll(async () => {
  db = await createTestDatabase();
  const config = AppConfig.fromEnv({
    DATABASE_URL: db.appUrl,
    DB_STATEMENT_TIMEOUT_MS: '150',
    DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: '400',
    WORKER_DATABASE_POOL_SIZE: '2',
  });
  @Module({
    imports: [
      ConfigModule.forConfig(config),
      ClockModule.forRoot(config, db.clock),
      DatabaseModule.forRoot({ applicationName: 'tandem-test', process: 'worker' }),
    ],
  })
  class TestModule {}
  app = await NestFactory.createApplicationContext(TestModule, { logger: false });
});

afterAll(async () => {
  await app?.close();
  await db?.drop();
});

it('sets both timeouts on every connection of the pool', async () => {
  const ds = app.get(DataSource);
  expect(await ds.query('show statement_timeout')).toEqual([{ statement_timeout: '150ms' }]);
  expect(await ds.query('show idle_in_transaction_session_timeout')).toEqual([{ idle_in_transaction_session_timeout: '400ms' }]);
});

it('a statement running past statement_timeout is cancelled (57014)', async () => {
  const ds = app.get(DataSource);
  await expect(ds.query('select pg_sleep(2)')).rejects.toMatchObject({ driverError: { code: '57014' } });
  expect(await ds.query('select 1 as ok')).toEqual([{ ok: 1 }]);
});

it('the defaults are 30 s and 60 s, and 0 turns a timeout off', () => {
  expect(AppConfig.fromEnv({})).toMatchObject({ dbStatementTimeoutMs: 30_000, dbIdleInTransactionTimeoutMs: 60_000 });
  expect(AppConfig.fromEnv({ DB_STATEMENT_TIMEOUT_MS: '0' }).dbStatementTimeoutMs).toBe(0);
});
