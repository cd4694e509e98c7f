/**
 * The pupil CSV import end to end on real parts: the API mutation stores the file and an outbox row
 * in one transaction → the worker's relay moves it to BullMQ on Redis → the import processor parses
 * it, reports progress while it runs, and writes the rows (all or nothing, or the valid ones) in one
 * PostgreSQL transaction with the outcome, then drops the file.
 */
import { randomUUID } from 'node:crypto';
import { getQueueToken } from '@nestjs/bullmq';
import { createHubFixture, pupilCsv, startTestApi, type GqlResult, type HubFixture, type TestApi } from '@tandem/api-testing';
import { MAX_IMPORT_CSV_BYTES, PupilImportProcessor, PupilImportRunner } from '@tandem/features';
import { TenantContext } from '@tandem/persistence';
import { OutboxRelay, QUEUE_NAMES } from '@tandem/platform';
import { startTestWorker, type TestWorker } from '@tandem/worker-testing';
import type { Job, Queue } from 'bullmq';
import { academicYearOf } from '@tandem/domain';
import { TEST_TODAY } from '@tandem/test-support';

const JOB_FIELDS = `id schoolId mode status totalRows processedRows insertedRows updatedRows errorCount errors { line field code message } startedAt finishedAt`;
const JOB = `query($id: ID!) { importJob(id: $id) { ${JOB_FIELDS} } }`;
const CREATE_SCHOOL = `mutation($input: CreateSchoolInput!) { createSchool(input: $input) { id } }`;

interface ImportJob {
  id: string;
  schoolId: string;
  mode: string;
  status: 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED';
  totalRows: number;
  processedRows: number;
  insertedRows: number;
  updatedRows: number;
  errorCount: number;
  errors: Array<{ line: number; field: string | null; code: string; message: string }>;
}

let api: TestApi;
let worker: TestWorker;
let hub: HubFixture;
let other: HubFixture;

beforeAll(async () => {
  api = await startTestApi();
  worker = await startTestWorker(api, { relay: { pollIntervalMs: 50 } });
  hub = await createHubFixture(api);
  other = await createHubFixture(api, 'other');
});

afterAll(async () => {
  await worker?.close();
  await api?.close();
});

const sql = <T = Record<string, unknown>>(tenantId: string, text: string, params: unknown[] = []): Promise<T[]> =>
  TenantContext.run({ tenantId, actorUserId: null }, () => api.db.tenantDb.transaction((em) => em.query(text, params)));

const pupilCount = async (schoolId: string): Promise<number> =>
  (await sql<{ n: number }>(hub.tenantId, `select count(*)::int as n from pupils where school_id = $1`, [schoolId]))[0].n;

let urn = 700000;
async function newSchool(name: string, highestYearGroup = 11): Promise<string> {
  urn += 1;
  const { createSchool } = await api.ok<{ createSchool: { id: string } }>(
    CREATE_SCHOOL,
    {
      input: {
        urn: String(urn),
        name,
        postcode: 'LS2 9JT',
        phase: 'secondary',
        lowestYearGroup: 7,
        highestYearGroup,
        clusterId: hub.clusterA.id,
      },
    },
    hub.tokens.hubAdmin,
  );
  return createSchool.id;
}

/** Uploads the file to POST /imports/pupils (not /graphql, which takes at most 1 MB), then reads the job. */
async function start(schoolId: string, csv: string, mode?: string, token = hub.tokens.hubAdmin): Promise<ImportJob> {
  const res = await api.uploadPupilCsv<{ startPupilImport: { id: string } }>(csv, { schoolId, ...(mode ? { mode } : {}) }, token);
  if (res.errors?.length || !res.data) throw new Error(`upload refused: ${JSON.stringify(res.errors)}`);
  return (await api.ok<{ importJob: ImportJob }>(JOB, { id: res.data.startPupilImport.id }, token)).importJob;
}

/** Polls importJob until it finishes; `seen` gets every answer (for progress checks). */
async function finished(
  id: string,
  seen?: (job: ImportJob) => Promise<void> | void,
  token = hub.tokens.hubAdmin,
  timeoutMs = 60_000,
): Promise<ImportJob> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const { importJob } = await api.ok<{ importJob: ImportJob }>(JOB, { id }, token);
    await seen?.(importJob);
    if (importJob.status === 'SUCCEEDED' || importJob.status === 'FAILED') return importJob;
    if (performance.now() > deadline) throw new Error(`import ${id} still ${importJob.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

function expectNoLeaks(res: GqlResult<unknown>): void {
  expect(JSON.stringify(res)).not.toMatch(
    /\bat .+\.(ts|js):\d+|stacktrace|QueryFailedError|\bselect\b.+\bfrom\b|insert into|update .+ set |violates/i,
  );
}

describe('a 1,000-row file with exactly 3 bad rows', () => {
  const BAD_LINES = [57, 420, 1001];
  const csv = pupilCsv({ academicYear: academicYearOf(TEST_TODAY), rows: 1000, badLines: BAD_LINES });
  const EXPECTED = [
    { line: 57, field: 'yearGroup', code: 'INVALID_YEAR_GROUP' },
    { line: 420, field: 'dateOfBirth', code: 'INVALID_DATE' },
    { line: 1001, field: 'roniScore', code: 'INVALID_NUMBER' },
  ];

  it('ALL_OR_NOTHING (the default) reports exactly those 3 lines and writes nothing', async () => {
    const schoolId = await newSchool('All Or Nothing Academy');
    const queued = await start(schoolId, csv);
    expect(queued).toMatchObject({ schoolId, mode: 'ALL_OR_NOTHING', status: 'QUEUED', processedRows: 0 });
    const job = await finished(queued.id);
    expect(job).toMatchObject({ status: 'FAILED', totalRows: 1000, processedRows: 1000, insertedRows: 0, updatedRows: 0, errorCount: 3 });
    expect(job.errors.map(({ line, field, code }) => ({ line, field, code }))).toEqual(EXPECTED);
    expect(job.errors[0].message).toMatch(/Year Group must be a year group from 7 to 13/);
    expect(await pupilCount(schoolId)).toBe(0);
    const [stored] = await sql(
      hub.tenantId,
      `select source_csv is null as dropped, finished_at is not null as done from import_jobs where id = $1`,
      [job.id],
    );
    expect(stored).toEqual({ dropped: true, done: true });
    // Reading row problems (they quote cells) is a read of pupil data: audited (issue 14, finding 9).
    const reads = await sql(
      hub.tenantId,
      `select actor_user_id, detail->>'errors' as errors from audit_log where entity_id = $1 and action = 'import_job.errors_read'`,
      [job.id],
    );
    expect(reads.length).toBeGreaterThan(0);
    expect(reads[0]).toEqual({ actor_user_id: hub.principals.hubAdmin.userId, errors: '3' });
  });

  it('VALID_ROWS_ONLY writes the 997 good rows and reports the same 3 lines', async () => {
    const schoolId = await newSchool('Valid Rows High');
    const job = await finished((await start(schoolId, csv, 'VALID_ROWS_ONLY')).id);
    expect(job).toMatchObject({
      status: 'SUCCEEDED',
      mode: 'VALID_ROWS_ONLY',
      totalRows: 1000,
      processedRows: 1000,
      insertedRows: 997,
      updatedRows: 0,
      errorCount: 3,
    });
    expect(job.errors.map(({ line, field, code }) => ({ line, field, code }))).toEqual(EXPECTED);
    expect(await pupilCount(schoolId)).toBe(997);
    // Line n holds pupil n-1: the bad lines' pupils are the ones missing.
    const missing = await sql<{ reference: string }>(
      hub.tenantId,
      `select r as reference from unnest($2::text[]) r where not exists (select 1 from pupils p where p.school_id = $1 and p.reference = r)`,
      [schoolId, ['P0000055', 'P0000056', 'P0000057', 'P0000419', 'P0001000']],
    );
    expect(missing.map((m) => m.reference)).toEqual(['P0000056', 'P0000419', 'P0001000']);
  });
});

describe('a clean 10,000-row file', () => {
  let schoolId: string;
  let jobId: string;

  it('imports (time printed), with progress visible while it runs and the rows invisible until the end', async () => {
    schoolId = await newSchool('Ten Thousand College', 13);
    const csv = pupilCsv({ academicYear: academicYearOf(TEST_TODAY), rows: 10_000, yearGroups: [7, 13] });
    const started = performance.now();
    const queued = await start(schoolId, csv);
    jobId = queued.id;
    const snapshots: ImportJob[] = [];
    let sawRowsBeforeTheEnd = false;
    const job = await finished(queued.id, async (snapshot) => {
      snapshots.push(snapshot);
      if (snapshot.status === 'RUNNING' && snapshot.processedRows > 0 && snapshot.processedRows < snapshot.totalRows) {
        // While the job still runs, nothing it wrote is visible to anyone else.
        const count = await pupilCount(schoolId);
        const { importJob: still } = await api.ok<{ importJob: ImportJob }>(JOB, { id: queued.id }, hub.tokens.hubAdmin);
        if (still.status === 'RUNNING' && count > 0) sawRowsBeforeTheEnd = true;
      }
    });
    const ms = performance.now() - started;
    console.log(`clean 10,000-row pupil import: ${ms} ms from mutation to SUCCEEDED (${Math.round(10_000 / (ms / 1000))} rows/s)`);
    expect(job).toMatchObject({
      status: 'SUCCEEDED',
      totalRows: 10_000,
      processedRows: 10_000,
      insertedRows: 10_000,
      updatedRows: 0,
      errorCount: 0,
      errors: [],
    });
    expect(await pupilCount(schoolId)).toBe(10_000);

    const running = snapshots.filter((s) => s.status === 'RUNNING' && s.processedRows > 0 && s.processedRows < s.totalRows);
    expect(running.length).toBeGreaterThan(0);
    for (let i = 1; i < snapshots.length; i++) expect(snapshots[i].processedRows).toBeGreaterThanOrEqual(snapshots[i - 1].processedRows);
    expect(sawRowsBeforeTheEnd).toBe(false);
  }, 120_000);

  it('a retried or duplicated queue job does not apply the file twice', async () => {
    const processor = worker.app.get(PupilImportProcessor, { strict: false });
    const before = await pupilCount(schoolId);
    const retry = await processor.process({
      id: `import.${jobId}`,
      name: 'import',
      data: { tenantId: hub.tenantId, importJobId: jobId },
    } as Job);
    expect(retry).toEqual({ skipped: true });
    expect(await pupilCount(schoolId)).toBe(before);
    const { importJob } = await api.ok<{ importJob: ImportJob }>(JOB, { id: jobId }, hub.tokens.hubAdmin);
    expect(importJob).toMatchObject({ status: 'SUCCEEDED', insertedRows: 10_000 });
  });
});

describe('re-importing', () => {
  it('updates the same pupils instead of duplicating them, and leaves alone the columns a file lacks', async () => {
    const schoolId = await newSchool('Re-import School', 13);
    const rows = 2000;
    const flagsOf = (ref: string) =>
      sql<Record<string, unknown>>(
        hub.tenantId,
        `select disadvantaged, send, roni_score from pupils where school_id = $1 and reference = $2`,
        [schoolId, ref],
      );
    const first = await finished(
      (await start(schoolId, pupilCsv({ academicYear: academicYearOf(TEST_TODAY), rows, yearGroups: [7, 13] }))).id,
    );
    expect(first).toMatchObject({ status: 'SUCCEEDED', insertedRows: rows, updatedRows: 0 });
    expect(await flagsOf('P0000001')).toEqual([{ disadvantaged: true, send: true, roni_score: 0 }]);

    // A later export of the same pupils: every row updates, none is added.
    const again = await finished(
      (await start(schoolId, pupilCsv({ academicYear: academicYearOf(TEST_TODAY), rows, yearGroups: [7, 13], variant: 1 }))).id,
    );
    expect(again).toMatchObject({ status: 'SUCCEEDED', insertedRows: 0, updatedRows: rows, errorCount: 0 });
    expect(await pupilCount(schoolId)).toBe(rows);
    expect(await flagsOf('P0000001')).toEqual([{ disadvantaged: false, send: false, roni_score: 13 }]);

    // A file without the flag columns leaves the flags alone; a new reference is added.
    const partial = await finished(
      (
        await start(
          schoolId,
          pupilCsv({ academicYear: academicYearOf(TEST_TODAY), rows: rows + 1, yearGroups: [7, 13], withoutFlags: true }),
        )
      ).id,
    );
    expect(partial).toMatchObject({ status: 'SUCCEEDED', insertedRows: 1, updatedRows: rows });
    expect(await flagsOf('P0000001')).toEqual([{ disadvantaged: false, send: false, roni_score: 13 }]);
    expect(await pupilCount(schoolId)).toBe(rows + 1);
  }, 120_000);
});

describe('two attempts at the same job at once', () => {
  it('apply it once: one writes, the other rolls back; the queued BullMQ job then finds nothing to do', async () => {
    const relay = worker.app.get(OutboxRelay);
    const runner = worker.app.get(PupilImportRunner, { strict: false });
    const schoolId = await newSchool('Twice Started School');
    await relay.stop();
    let job: ImportJob;
    try {
      job = await start(schoolId, pupilCsv({ academicYear: academicYearOf(TEST_TODAY), rows: 3000, prefix: 'T' }));
      const [a, b] = await Promise.all([runner.run(hub.tenantId, job.id, 'attempt-a'), runner.run(hub.tenantId, job.id, 'attempt-b')]);
      expect([a.skipped, b.skipped].sort()).toEqual([false, true]);
      expect([a, b].find((r) => !r.skipped)).toMatchObject({ status: 'succeeded', insertedRows: 3000 });
      expect(await pupilCount(schoolId)).toBe(3000);
    } finally {
      relay.start();
    }
    const queue = worker.app.get<Queue>(getQueueToken(QUEUE_NAMES.imports));
    const deadline = performance.now() + 10_000;
    for (;;) {
      const bull = await queue.getJob(`import.${job.id}`);
      if (bull && (await bull.getState()) === 'completed') {
        expect(bull.returnvalue).toEqual({ skipped: true });
        break;
      }
      if (performance.now() > deadline) throw new Error('the queued import job never completed');
      await new Promise((r) => setTimeout(r, 50));
    }
    const { importJob } = await api.ok<{ importJob: ImportJob }>(JOB, { id: job.id }, hub.tokens.hubAdmin);
    expect(importJob).toMatchObject({ status: 'SUCCEEDED', insertedRows: 3000, updatedRows: 0 });
    expect(await pupilCount(schoolId)).toBe(3000);
  });
});

describe('giving up after the last attempt', () => {
  it('marks the job failed with a reference, drops the file, and a later attempt does nothing', async () => {
    const relay = worker.app.get(OutboxRelay);
    const runner = worker.app.get(PupilImportRunner, { strict: false });
    const schoolId = await newSchool('Given Up School');
    await relay.stop();
    try {
      const job = await start(schoolId, pupilCsv({ academicYear: academicYearOf(TEST_TODAY), rows: 10, prefix: 'G' }));
      await runner.giveUp(hub.tenantId, job.id, `import.${job.id}`);
      const { importJob } = await api.ok<{ importJob: ImportJob }>(JOB, { id: job.id }, hub.tokens.hubAdmin);
      expect(importJob).toMatchObject({
        status: 'FAILED',
        insertedRows: 0,
        errorCount: 1,
        errors: [{ line: 1, field: 'file', code: 'INTERNAL' }],
      });
      expect(importJob.errors[0].message).toContain(`ref import.${job.id}`);
      const [row] = await sql(hub.tenantId, `select source_csv is null as dropped from import_jobs where id = $1`, [job.id]);
      expect(row).toEqual({ dropped: true });
      expect(await sql(hub.tenantId, `select action from audit_log where entity_id = $1 order by id`, [job.id])).toEqual([
        { action: 'pupil_import.started' },
        { action: 'pupil_import.abandoned' },
      ]);
      expect(await runner.run(hub.tenantId, job.id, 'late-attempt')).toEqual({ skipped: true });
      expect(await pupilCount(schoolId)).toBe(0);
    } finally {
      relay.start();
    }
  });
});

describe('who may import and read imports', () => {
  const jobsAndOutbox = async (tenantId = hub.tenantId): Promise<string> =>
    JSON.stringify(
      await sql(
        tenantId,
        `select (select count(*)::int from import_jobs) as jobs, (select count(*)::int from notification_outbox) as outbox, (select count(*)::int from pupils) as pupils`,
      ),
    );

  async function refused(
    input: { schoolId: string; csv: string; mode?: string },
    token: string,
    code: string,
    field: string | undefined,
  ): Promise<void> {
    const before = await jobsAndOutbox();
    const res = await api.uploadPupilCsv(input.csv, { schoolId: input.schoolId, ...(input.mode ? { mode: input.mode } : {}) }, token);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code, ...(field ? { field } : {}) });
    expect(res.data).toBeNull();
    expectNoLeaks(res);
    expect(await jobsAndOutbox()).toBe(before);
  }

  const csv = pupilCsv({ academicYear: academicYearOf(TEST_TODAY), rows: 5, prefix: 'S' });

  it('lets school staff import into their own school, audited with their name on both ends', async () => {
    const job = await finished((await start(hub.schoolA.id, csv, undefined, hub.tokens.schoolStaff)).id, undefined, hub.tokens.schoolStaff);
    expect(job).toMatchObject({ status: 'SUCCEEDED', insertedRows: 5 });
    const audit = await sql(
      hub.tenantId,
      `select action, actor_user_id, detail->>'status' as status from audit_log where entity_id = $1 order by id`,
      [job.id],
    );
    expect(audit).toEqual([
      { action: 'pupil_import.started', actor_user_id: hub.principals.schoolStaff.userId, status: null },
      { action: 'pupil_import.finished', actor_user_id: hub.principals.schoolStaff.userId, status: 'succeeded' },
    ]);
  });

  it('refuses a school staff member importing into another school, and everyone out of scope, writing nothing', async () => {
    await refused({ schoolId: hub.schoolB.id, csv }, hub.tokens.schoolStaff, 'NOT_FOUND', 'input.schoolId');
    await refused({ schoolId: hub.schoolA.id, csv }, hub.tokens.employerContact, 'NOT_FOUND', 'input.schoolId');
    await refused({ schoolId: hub.schoolA.id, csv }, hub.tokens.coordinator, 'FORBIDDEN', undefined);
    await refused({ schoolId: hub.schoolA.id, csv }, hub.tokens.platformAdmin, 'FORBIDDEN', undefined);
    await refused({ schoolId: other.schoolA.id, csv }, hub.tokens.hubAdmin, 'NOT_FOUND', 'input.schoolId');
    await refused({ schoolId: randomUUID(), csv }, hub.tokens.hubAdmin, 'NOT_FOUND', 'input.schoolId');
    await refused({ schoolId: 'not-an-id', csv }, hub.tokens.hubAdmin, 'NOT_FOUND', 'input.schoolId');
  });

  it('refuses an empty file, a file over 10 MB and an unknown mode, writing nothing', async () => {
    await refused({ schoolId: hub.schoolA.id, csv: '  ' }, hub.tokens.hubAdmin, 'REQUIRED', 'input.csv');
    const huge = 'UPN,Year\r\n' + 'A1234567890,7\r\n'.repeat(Math.ceil(MAX_IMPORT_CSV_BYTES / 15) + 10);
    await refused({ schoolId: hub.schoolA.id, csv: huge }, hub.tokens.hubAdmin, 'INVALID_CSV', 'input.csv');
    await refused({ schoolId: hub.schoolA.id, csv, mode: 'SOME_ROWS' }, hub.tokens.hubAdmin, 'INVALID_ENUM_VALUE', 'input.mode');
  });

  it('refuses an import into an archived school (CONFLICT)', async () => {
    const schoolId = await newSchool('Archived Before Import');
    await api.ok(`mutation($id: ID!) { archiveSchool(id: $id) { id } }`, { id: schoolId }, hub.tokens.hubAdmin);
    await refused({ schoolId, csv }, hub.tokens.hubAdmin, 'CONFLICT', 'input.schoolId');
  });

  it('takes no GraphQL body over 1 MB and no CSV anywhere but the upload path; a file over the import limit is 413 (finding 4)', async () => {
    const graphql = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${hub.tokens.hubAdmin}` },
      body: JSON.stringify({ query: '{ __typename }', variables: { padding: 'x'.repeat(1024 * 1024) } }),
    });
    expect(graphql.status).toBe(413);
    expect(await graphql.text()).not.toMatch(/stack|node_modules|\.ts:\d+/);
    const csvToGraphql = await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: csv });
    expect(csvToGraphql.status).toBe(415);
    const before = await jobsAndOutbox();
    const tooBig = await fetch(`${api.url}/imports/pupils?schoolId=${hub.schoolA.id}`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${hub.tokens.hubAdmin}` },
      body: 'x'.repeat(MAX_IMPORT_CSV_BYTES + 4096),
    });
    expect(tooBig.status).toBe(413);
    expect(await jobsAndOutbox()).toBe(before);
  });

  it('needs a log-in to upload, like every other operation', async () => {
    const res = await api.uploadPupilCsv(csv, { schoolId: hub.schoolA.id });
    expect(res.status).toBe(401);
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it("shows an import job only to those who may see the school's pupils", async () => {
    const schoolId = await newSchool('Private Imports School');
    const job = await finished((await start(schoolId, csv)).id);
    for (const token of [hub.tokens.schoolStaff, hub.tokens.employerContact, hub.tokens.coordinatorB, other.tokens.hubAdmin]) {
      const res = await api.gql(JOB, { id: job.id }, token);
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
      expect(res.data).toBeNull();
    }
    const { importJob } = await api.ok<{ importJob: ImportJob }>(JOB, { id: job.id }, hub.tokens.coordinator);
    expect(importJob.status).toBe('SUCCEEDED');
  });
});

describe('files the worker refuses, and erasure afterwards', () => {
  it('fails a file without a reference column on line 1, writing nothing', async () => {
    const schoolId = await newSchool('Headerless School');
    const job = await finished((await start(schoolId, 'Name,DOB\r\nJo,01/09/2014\r\n', 'VALID_ROWS_ONLY')).id);
    expect(job).toMatchObject({
      status: 'FAILED',
      insertedRows: 0,
      errorCount: 1,
      errors: [{ line: 1, field: 'reference', code: 'INVALID_CSV' }],
    });
    expect(await pupilCount(schoolId)).toBe(0);
  });

  it("removes an erased pupil's reference from old import messages", async () => {
    const schoolId = await newSchool('Erasure Trail School');
    const job = await finished((await start(schoolId, 'UPN,Year\r\nDUP-77,7\r\nDUP-77,8\r\nOK-1,9\r\n', 'VALID_ROWS_ONLY')).id);
    expect(job).toMatchObject({ status: 'SUCCEEDED', insertedRows: 2, errors: [{ line: 3, field: 'reference', code: 'ALREADY_EXISTS' }] });
    expect(job.errors[0].message).toContain('"DUP-77"');
    const [{ id }] = await sql<{ id: string }>(hub.tenantId, `select id from pupils where school_id = $1 and reference = 'DUP-77'`, [
      schoolId,
    ]);
    await api.ok(`mutation($id: ID!) { erasePupil(id: $id) { id } }`, { id }, hub.tokens.hubAdmin);
    const { importJob } = await api.ok<{ importJob: ImportJob }>(JOB, { id: job.id }, hub.tokens.hubAdmin);
    expect(importJob.errors).toEqual([
      { line: 3, field: 'reference', code: 'ALREADY_EXISTS', message: "(removed: this pupil's data were erased)" },
    ]);
  });
});
