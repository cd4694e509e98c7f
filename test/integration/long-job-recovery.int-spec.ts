/**
 * Issue 15, finding 1: a long job whose worker dies, any number of times, is retried or finished as
 * failed with a clear reason within minutes; nothing stays `running`.
 *
 * - real worker processes, killed (-9) twice during one pupil import (BullMQ's lock and stalled check
 *   shortened through JOB_LOCK_SECONDS / JOB_STALLED_CHECK_SECONDS so the test waits seconds, not
 *   minutes): the third worker finds the job failed for good and the import ends `failed`, saying why;
 * - the watchdog: an import left `running` with no live job (its Redis data lost) is failed once it has
 *   made no progress for STUCK_JOB_MINUTES by the product's clock, and not before.
 */
import { academicYearOf } from '@tandem/domain';
import { createHubFixture, pupilCsv, startTestApi, type HubFixture, type TestApi } from '@tandem/api-testing';
import { StuckJobsWatchdog } from '@tandem/features';
import { TenantContext } from '@tandem/persistence';
import { formatKeyRing, jobIdFor, QUEUE_NAMES } from '@tandem/platform';
import { startTestWorker } from '@tandem/worker-testing';
import { waitFor } from '@tandem/test-support';
import { Queue } from 'bullmq';
import { startWorkerProcess, type WorkerProc } from './processes';

jest.setTimeout(300_000);

let api: TestApi;
let hub: HubFixture;
const workers: WorkerProc[] = [];

beforeAll(async () => {
  api = await startTestApi();
  hub = await createHubFixture(api);
}, 120_000);

afterAll(async () => {
  await Promise.all(workers.map((w) => w.kill9()));
  await api?.close();
});

const sql = <T>(text: string, params: unknown[] = []): Promise<T[]> =>
  TenantContext.run({ tenantId: hub.tenantId, actorUserId: null }, () => api.db.tenantDb.transaction((em) => em.query(text, params)));

async function importRow(id: string): Promise<{ status: string; processed_rows: number; errors: Array<{ message: string }> | null }> {
  const [row] = await sql<{ status: string; processed_rows: number; errors: Array<{ message: string }> | null }>(
    'select status, processed_rows, errors from import_jobs where id = $1',
    [id],
  );
  if (!row) throw new Error(`no import ${id}`);
  return row;
}

async function upload(rows: number): Promise<string> {
  const csv = pupilCsv({ academicYear: academicYearOf(api.clock.today()), rows, prefix: `R${rows}` });
  const res = await api.uploadPupilCsv<{ startPupilImport: { id: string } }>(csv, { schoolId: hub.schoolA.id }, hub.tokens.hubAdmin);
  if (!res.data) throw new Error(`upload refused: ${JSON.stringify(res.errors)}`);
  return res.data.startPupilImport.id;
}

async function worker(): Promise<WorkerProc> {
  const w = await startWorkerProcess({
    TANDEM_CLOCK_START: api.clock.now().toISOString(),
    NODE_ENV: 'test',
    DATABASE_URL: api.db.appUrl,
    DATABASE_OWNER_URL: api.db.ownerUrl,
    REDIS_URL: api.config.redisUrl,
    QUEUE_PREFIX: api.queuePrefix,
    ACCESS_TOKEN_KEYS: formatKeyRing(api.config.accessTokenKeys),
    LINK_KEYS: formatKeyRing(api.config.linkKeys),
    PUBLIC_APP_URL: api.config.publicAppUrl,
    LOG_LEVEL: 'info',
    JOB_LOCK_SECONDS: '4',
    JOB_STALLED_CHECK_SECONDS: '2',
  });
  workers.push(w);
  return w;
}

it('a worker killed (-9) twice during one import: the import ends failed, saying why, and nothing stays running', async () => {
  const queue = new Queue(QUEUE_NAMES.imports, { connection: { url: api.config.redisUrl }, prefix: api.queuePrefix });
  try {
    const id = await upload(49_000);
    const jobId = jobIdFor.imports({ tenantId: hub.tenantId, importJobId: id });
    const attemptsStarted = async (): Promise<number> => (await queue.getJob(jobId))?.attemptsStarted ?? 0;

    // First attempt: killed once it is writing.
    const first = await worker();
    await waitFor(
      async () => {
        const row = await importRow(id);
        return row.status === 'running' && row.processed_rows > 0;
      },
      'the first attempt to write',
      120_000,
    );
    await first.kill9();

    // A new worker notices the dead worker's job (lock gone) and starts it again: killed again.
    const second = await worker();
    await waitFor(
      async () => (await attemptsStarted()) >= 2 && (await importRow(id)).status === 'running',
      'the second attempt to start',
      120_000,
    );
    await second.kill9();

    // The next worker finds the job stalled more than allowed: failed for good, and the import says why.
    await worker();
    const ended = await waitFor(
      async () => {
        const row = await importRow(id);
        return row.status !== 'running' && row.status !== 'queued' ? row : undefined;
      },
      'the import to end',
      120_000,
    );
    expect(ended.status).toBe('failed');
    expect(ended.errors?.[0]?.message).toMatch(
      /^The import stopped because the worker running it stopped unexpectedly, more than once \(ref import\.[0-9a-f-]+\); nothing was written\. Please start it again\.$/,
    );
    expect(await queue.getJobState(jobId)).toBe('failed');
    // All or nothing: the killed attempts wrote no pupil.
    expect((await sql<{ n: number }>(`select count(*)::int as n from pupils where reference like 'R49000%'`))[0]?.n).toBe(0);
    expect((await sql<{ n: number }>(`select count(*)::int as n from import_jobs where status in ('queued', 'running')`))[0]?.n).toBe(0);
  } finally {
    await queue.close();
  }
});

it('the watchdog fails an import left running without a live job once it has made no progress for STUCK_JOB_MINUTES, not before', async () => {
  await Promise.all(workers.splice(0).map((w) => w.kill9()));
  const id = await upload(10);
  // As if a worker had claimed it and Redis had then lost its data: running, with no job anywhere.
  await sql(`update notification_outbox set status = 'relayed' where dedupe_key = $1`, [
    jobIdFor.imports({ tenantId: hub.tenantId, importJobId: id }),
  ]);
  await sql(`update import_jobs set status = 'running', started_at = $2 where id = $1`, [id, api.clock.now()]);
  const inProcess = await startTestWorker(api, { env: { STUCK_JOB_MINUTES: '15' }, relay: { autoStart: false } });
  try {
    const watchdog = inProcess.app.get(StuckJobsWatchdog);
    api.clock.advance(14 * 60_000);
    expect(await watchdog.sweep()).toBe(0);
    expect((await importRow(id)).status).toBe('running');
    api.clock.advance(2 * 60_000);
    expect(await watchdog.sweep()).toBe(1);
    const row = await importRow(id);
    expect(row.status).toBe('failed');
    expect(row.errors?.[0]?.message).toMatch(
      /^The import stopped because it made no progress for 15 minutes and no worker was running it \(ref import\.[0-9a-f-]+\); nothing was written\. Please start it again\.$/,
    );
    expect(await watchdog.sweep()).toBe(0);
  } finally {
    await inProcess.close();
  }
});
