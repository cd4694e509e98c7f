import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { Injectable, Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Processor, WorkerHost, getQueueToken } from '@nestjs/bullmq';
import { Queue, runMigrations, Worker, type Job } from 'bullmq';
import IORedis from 'ioredis';
import { QueueModule } from './queue.module';
import { QueueProducer } from './queue.producer';
import { QueueHealth } from './queue.health';
import { QUEUE_NAMES, jobIdFor, type ImportJobPayload, type MailJobPayload } from './queues';
import { redisConnectionFor } from './queue.options';

const redisUrl = process.env['REDIS_URL'] || 'redis://127.0.0.1:6379';
// One prefix per test run: nothing collides with the dev queues or a parallel run, and we can delete it all.
const prefix = `tandem-test-${process.pid}-${randomUUID().slice(0, 8)}`;

async function deletePrefix(): Promise<void> {
  const redis = new IORedis(redisUrl);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/** Nothing waiting, running or scheduled: a duplicate that had been added would still show here, or as a second completion. */
async function drained(queue: Queue): Promise<boolean> {
  const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children');
  return Object.values(counts).every((n) => n === 0);
}

function waitUntil(check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const tick = async (): Promise<void> => {
      if (await check()) return resolve();
      if (performance.now() - started > timeoutMs) return reject(new Error(`condition not met within ${timeoutMs} ms`));
      setTimeout(() => void tick(), 25);
    };
    void tick();
  });
}

afterAll(async () => {
  await deletePrefix();
});

describe('QueueModule (real Redis)', () => {
  let app: INestApplicationContext | undefined;

  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('enqueues a job with a domain job id once, however often it is added, and a Worker processes it', async () => {
    app = await NestFactory.createApplicationContext(QueueModule.forRoot({ redisUrl, prefix }), { logger: false });
    const producer = app.get(QueueProducer);
    const queue = app.get<Queue>(getQueueToken(QUEUE_NAMES.imports));
    const payload: ImportJobPayload = { tenantId: randomUUID(), importJobId: randomUUID() };

    const first = await producer.add('imports', payload);
    const second = await producer.add('imports', { ...payload });
    expect(first).toBe(`import.${payload.importJobId}`);
    expect(second).toBe(first);
    expect(await queue.getJobCounts('waiting', 'delayed', 'active')).toEqual({ waiting: 1, delayed: 0, active: 0 });

    const job = await queue.getJob(first);
    expect(job?.data).toEqual(payload);
    expect(job?.opts.attempts).toBe(3);
    expect(job?.opts.backoff).toMatchObject({ type: 'exponential' });

    const processed: Array<{ id: string | undefined; data: ImportJobPayload }> = [];
    const worker = new Worker<ImportJobPayload>(
      QUEUE_NAMES.imports,
      async (j: Job<ImportJobPayload>) => {
        processed.push({ id: j.id, data: j.data });
        return { rows: 0 };
      },
      { connection: redisConnectionFor(redisUrl), prefix },
    );
    try {
      await waitUntil(async () => (await queue.getJobCounts('completed')).completed === 1);
      // Added again after completion: the completed job is kept (removeOnComplete.age), so still a no-op.
      expect(await producer.add('imports', payload)).toBe(first);
      await waitUntil(() => drained(queue));
      expect(processed).toEqual([{ id: first, data: payload }]);
      expect(await queue.getJobCounts('waiting', 'completed')).toEqual({ waiting: 0, completed: 1 });
    } finally {
      await worker.close();
    }
  });

  it('runs @Processor classes on the same connection and prefix (the worker side)', async () => {
    const seen: MailJobPayload[] = [];

    @Injectable()
    @Processor(QUEUE_NAMES.mail)
    class MailProcessor extends WorkerHost {
      async process(job: Job<MailJobPayload>): Promise<void> {
        seen.push(job.data);
      }
    }

    @Module({ imports: [QueueModule.forRoot({ redisUrl, prefix })], providers: [MailProcessor] })
    class WorkerTestModule {}

    app = await NestFactory.createApplicationContext(WorkerTestModule, { logger: false });
    await app.init();
    const payload: MailJobPayload = { tenantId: randomUUID(), kind: 'invitation', invitationId: randomUUID() };
    const producer = app.get(QueueProducer);
    await Promise.all([producer.add('mail', payload), producer.add('mail', payload), producer.add('mail', payload)]);

    const mailQueue = app.get<Queue>(getQueueToken(QUEUE_NAMES.mail));
    await waitUntil(async () => seen.length >= 1 && (await drained(mailQueue)));
    expect(seen).toEqual([payload]);
    expect((await mailQueue.getJobCounts('completed')).completed).toBe(1);
    const job = await mailQueue.getJob(jobIdFor.mail(payload));
    expect(job?.opts.attempts).toBe(8);
  });

  it('reports Redis health', async () => {
    app = await NestFactory.createApplicationContext(QueueModule.forRoot({ redisUrl, prefix }), { logger: false });
    const health = await app.get(QueueHealth).ping();
    expect(health).toEqual({ ok: true, latencyMs: expect.any(Number) });
    expect(health.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('reports an unreachable Redis as unhealthy instead of throwing', async () => {
    const queue = new Queue('health-probe', {
      connection: { url: 'redis://127.0.0.1:1', maxRetriesPerRequest: null, retryStrategy: () => null },
      prefix,
    });
    queue.on('error', () => undefined);
    try {
      const health = await new QueueHealth(queue).ping(300);
      expect(health.ok).toBe(false);
      expect(health.error).toBeTruthy();
    } finally {
      await queue.disconnect().catch(() => undefined);
    }
  });
});

describe('QueueModule on the PostgreSQL backend (embedded dev mode)', () => {
  const superuserUrl = process.env['TEST_DATABASE_SUPERUSER_URL'] || 'postgres://postgres@127.0.0.1:5432/postgres';
  const schema = `bullmq_test_${process.pid}_${randomUUID().slice(0, 8)}`;

  afterAll(async () => {
    const { Client } = await import('pg');
    const client = new Client({ connectionString: superuserUrl });
    await client.connect();
    try {
      await client.query(`drop schema if exists "${schema}" cascade`);
    } finally {
      await client.end();
    }
  });

  it('deduplicates by domain job id and processes with a @Processor as on Redis', async () => {
    const seen: ImportJobPayload[] = [];

    @Injectable()
    @Processor(QUEUE_NAMES.imports)
    class ImportProcessor extends WorkerHost {
      async process(job: Job<ImportJobPayload>): Promise<void> {
        seen.push(job.data);
      }
    }

    @Module({
      imports: [QueueModule.forRoot({ backend: 'postgres', redisUrl, postgres: { connectionString: superuserUrl, schema } })],
      providers: [ImportProcessor],
    })
    class PgWorkerModule {}

    // As `npm run dev` does (scripts/queue-migrate.ts): BullMQ's tables first, by a role that may
    // create them; the module itself only checks they are there.
    const { Client } = await import('pg');
    const migrator = new Client({ connectionString: superuserUrl });
    await migrator.connect();
    try {
      await runMigrations(migrator as never, schema);
    } finally {
      await migrator.end();
    }
    const app = await NestFactory.createApplicationContext(PgWorkerModule, { logger: false });
    try {
      await app.init();
      const payload: ImportJobPayload = { tenantId: randomUUID(), importJobId: randomUUID() };
      const producer = app.get(QueueProducer);
      expect(await producer.add('imports', payload)).toBe(await producer.add('imports', payload));
      const importQueue = app.get<Queue>(getQueueToken(QUEUE_NAMES.imports));
      await waitUntil(async () => seen.length >= 1 && (await drained(importQueue)), 15_000);
      expect(seen).toEqual([payload]);
      expect(await app.get(QueueHealth).ping(2_000)).toMatchObject({ ok: true });
    } finally {
      await app.close();
    }
  });
});
