/**
 * npm run bench:import — the pupil CSV import through the real path, against a raw SQL baseline.
 *
 * On a fresh database (bootstrap + migrations, dropped at the end) it starts the API and the worker
 * in this process on real PostgreSQL and Redis, then for clean files of 1,000 / 10,000 / 50,000 rows:
 *   - real path: POST /imports/pupils (HTTP) → import_jobs row + outbox → relay → BullMQ →
 *     worker (parse, validate, chunked upserts, progress) → PostgreSQL, timed from the request to the
 *     moment polling sees SUCCEEDED;
 *   - baseline: the same rows (already parsed, untimed) written into another school with one plain
 *     INSERT … SELECT FROM unnest(…) in one tenant transaction, as the app role under RLS.
 * Prints rows/s for each and the ratio, and writes the table into docs/benchmarks.md (its own section,
 * replaced on each run; other sections are kept).
 *
 *   node -r ./scripts/register.js scripts/bench/import.ts [sizes…]     (default 1000 10000 50000)
 * Env: TEST_DATABASE_SUPERUSER_URL (default postgres://postgres@127.0.0.1:5432/postgres), REDIS_URL.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import * as path from 'node:path';
import { createHubFixture, pupilCsv, startTestApi, type HubFixture, type TestApi } from '@tandem/api-testing';
import { academicYearOf, ManualClock, parsePupilCsv, SystemClock, type ValidPupilRow } from '@tandem/domain';
import { bootstrapDatabase, createDataSource, runMigrations, SystemDb, TenantContext, TenantDb } from '@tandem/persistence';
import { roleUrl, superuserUrl, type TestDatabase } from '@tandem/test-support';
import { startTestWorker, type TestWorker } from '@tandem/worker-testing';
import { Client } from 'pg';

/** Benchmarks run on the machine's clock: they measure now, on this machine. */
const wallClock = new SystemClock();

const SECTION = '## Pupil CSV import (`npm run bench:import`)';
const DOC = path.join(__dirname, '..', '..', 'docs', 'benchmarks.md');
const DOC_HEADER = `# Benchmarks

Measured numbers, each section written by the script named in its heading (re-run it to refresh the
section; the others are left as they are).
`;

interface Result {
  rows: number;
  csvBytes: number;
  realMs: number;
  workerMs: number;
  baselineMs: number;
}

/** A fresh, migrated database of its own (not the test template), dropped by `drop()`. */
async function freshDatabase(): Promise<TestDatabase> {
  const name = `tandem_bench_${process.pid}_${randomBytes(3).toString('hex')}`;
  await bootstrapDatabase({ superuserUrl: superuserUrl(), database: name });
  await runMigrations(roleUrl(name, 'owner'));
  const appUrl = roleUrl(name, 'app');
  const appDataSource = await createDataSource({ url: appUrl, role: 'app', poolSize: 10, applicationName: 'tandem-bench' }).initialize();
  // The harness's clock, set to now: the bench runs the test harness, which always has a settable clock.
  const clock = new ManualClock(wallClock.now());
  return {
    name,
    clock,
    appUrl,
    ownerUrl: roleUrl(name, 'owner'),
    appDataSource,
    tenantDb: new TenantDb(appDataSource, clock),
    systemDb: new SystemDb(appDataSource, clock),
    async drop() {
      if (appDataSource.isInitialized) await appDataSource.destroy();
      const admin = new Client({ connectionString: superuserUrl() });
      await admin.connect();
      try {
        await admin.query(`drop database if exists ${name} with (force)`);
      } finally {
        await admin.end();
      }
    },
  };
}

let urn = 800000;
async function newSchool(api: TestApi, hub: HubFixture, name: string): Promise<string> {
  urn += 1;
  const { createSchool } = await api.ok<{ createSchool: { id: string } }>(
    `mutation($input: CreateSchoolInput!) { createSchool(input: $input) { id } }`,
    {
      input: {
        urn: String(urn),
        name,
        postcode: 'LS1 3EX',
        phase: 'secondary',
        lowestYearGroup: 7,
        highestYearGroup: 13,
        clusterId: hub.clusterA.id,
      },
    },
    hub.tokens.hubAdmin,
  );
  return createSchool.id;
}

interface JobState {
  status: string;
  insertedRows: number;
  errorCount: number;
  startedAt: string | null;
  finishedAt: string | null;
}

/** The real path: mutation, then poll until the job is finished. Returns the wall time and the worker's own time. */
async function importThroughApi(
  api: TestApi,
  hub: HubFixture,
  schoolId: string,
  csv: string,
  rows: number,
): Promise<{ realMs: number; workerMs: number }> {
  const started = process.hrtime.bigint();
  const upload = await api.uploadPupilCsv<{ startPupilImport: { id: string } }>(csv, { schoolId }, hub.tokens.hubAdmin);
  if (!upload.data) throw new Error(`upload refused: ${JSON.stringify(upload.errors)}`);
  const { startPupilImport } = upload.data;
  for (;;) {
    const { importJob: job } = await api.ok<{ importJob: JobState }>(
      `query($id: ID!) { importJob(id: $id) { status insertedRows errorCount startedAt finishedAt } }`,
      { id: startPupilImport.id },
      hub.tokens.hubAdmin,
    );
    if (job.status === 'SUCCEEDED' || job.status === 'FAILED') {
      const realMs = Number(process.hrtime.bigint() - started) / 1e6;
      if (job.status !== 'SUCCEEDED' || job.insertedRows !== rows)
        throw new Error(`import of ${rows} rows ended ${job.status} with ${job.insertedRows} inserted, ${job.errorCount} errors`);
      return { realMs, workerMs: new Date(job.finishedAt as string).getTime() - new Date(job.startedAt as string).getTime() };
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The baseline: the same rows in one plain INSERT (no parsing, checks, queue or progress). */
async function insertWithSql(api: TestApi, hub: HubFixture, schoolId: string, rows: readonly ValidPupilRow[]): Promise<number> {
  const col = <K extends keyof ValidPupilRow>(key: K): Array<ValidPupilRow[K]> => rows.map((r) => r[key]);
  const started = process.hrtime.bigint();
  await TenantContext.run({ tenantId: hub.tenantId, actorUserId: null }, () =>
    api.db.tenantDb.transaction((em) =>
      em.query(
        `insert into pupils (tenant_id, school_id, reference, display_name, date_of_birth, year_group, disadvantaged, send, care_experienced, roni_score, on_roll_from, on_roll_to)
         select app_current_tenant(), $1, r.reference, r.display_name, r.date_of_birth, r.year_group, r.disadvantaged, r.send, r.care_experienced, r.roni_score, coalesce(r.on_roll_from, (app_now() at time zone 'Europe/London')::date), r.on_roll_to
           from unnest($2::text[], $3::text[], $4::date[], $5::smallint[], $6::boolean[], $7::boolean[], $8::boolean[], $9::smallint[], $10::date[], $11::date[])
             as r(reference, display_name, date_of_birth, year_group, disadvantaged, send, care_experienced, roni_score, on_roll_from, on_roll_to)`,
        [
          schoolId,
          col('reference'),
          col('displayName'),
          col('dateOfBirth'),
          col('yearGroup'),
          col('disadvantaged'),
          col('send'),
          col('careExperienced'),
          col('roniScore'),
          col('onRollFrom'),
          col('onRollTo'),
        ],
      ),
    ),
  );
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/**
 * Runs `fn` with the pupils table's user triggers (today: the benchmark ledger's statement triggers)
 * disabled, as the owner, on this throwaway database only: shows what those triggers cost. Foreign
 * keys, checks and RLS still apply.
 */
async function withoutPupilTriggers<T>(db: TestDatabase, fn: () => Promise<T>): Promise<T> {
  const owner = new Client({ connectionString: db.ownerUrl });
  await owner.connect();
  try {
    await owner.query('alter table pupils disable trigger user');
    try {
      return await fn();
    } finally {
      await owner.query('alter table pupils enable trigger user');
    }
  } finally {
    await owner.end();
  }
}

function machine(): string {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? cpus()[0]?.model ?? 'unknown CPU';
  return `${cpus().length} cores (nproc), ${model}, ${(totalmem() / 1024 ** 3).toFixed(1)} GB RAM, Node ${process.version}`;
}

const perSecond = (rows: number, ms: number): number => Math.round(rows / (ms / 1000));
const thousands = (n: number): string => n.toLocaleString('en-GB');

function table(results: readonly Result[]): string {
  const lines = [
    '| rows | CSV size | real path (API → outbox → relay → BullMQ → worker → PostgreSQL) | of which in the worker | raw SQL baseline (one INSERT) | real ÷ baseline (time) |',
    '| ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of results) {
    lines.push(
      `| ${thousands(r.rows)} | ${(r.csvBytes / 1024).toFixed(0)} KB | ${thousands(perSecond(r.rows, r.realMs))} rows/s (${(r.realMs / 1000).toFixed(2)} s) | ${(r.workerMs / 1000).toFixed(2)} s | ${thousands(perSecond(r.rows, r.baselineMs))} rows/s (${(r.baselineMs / 1000).toFixed(2)} s) | ${(r.realMs / r.baselineMs).toFixed(1)}× |`,
    );
  }
  return lines.join('\n');
}

function writeSection(body: string): void {
  const existing = existsSync(DOC) ? readFileSync(DOC, 'utf8') : DOC_HEADER;
  const start = existing.indexOf(SECTION);
  let next: string;
  if (start === -1) {
    next = `${existing.trimEnd()}\n\n${body}\n`;
  } else {
    const after = existing.indexOf('\n## ', start + SECTION.length);
    next = `${existing.slice(0, start)}${body}\n${after === -1 ? '' : existing.slice(after)}`;
  }
  writeFileSync(DOC, next.replace(/\n{3,}/g, '\n\n'));
}

async function main(): Promise<void> {
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
  const rowCounts = sizes.length ? sizes : [1_000, 10_000, 50_000];
  const loadAtStart = loadavg()[0];
  const db = await freshDatabase();
  let api: TestApi | undefined;
  let worker: TestWorker | undefined;
  try {
    api = await startTestApi({ db });
    worker = await startTestWorker(api, { relay: { pollIntervalMs: 50 } });
    const hub = await createHubFixture(api, 'bench');
    const academicYear = academicYearOf(api.clock.today());
    // Warm up (JIT, pools, BullMQ connections) so the first size is not charged for it.
    await importThroughApi(
      api,
      hub,
      await newSchool(api, hub, 'Warm-up School'),
      pupilCsv({ rows: 200, yearGroups: [7, 13], prefix: 'W', academicYear }),
      200,
    );

    /** One size through the real path and the baseline, each into a new school. */
    const measure = async (rows: number, label: string): Promise<Result> => {
      const csv = pupilCsv({ rows, yearGroups: [7, 13], prefix: 'B', academicYear });
      const { realMs, workerMs } = await importThroughApi(
        api as TestApi,
        hub,
        await newSchool(api as TestApi, hub, `Bench ${rows} ${label} real`),
        csv,
        rows,
      );
      const school = await newSchool(api as TestApi, hub, `Bench ${rows} ${label} baseline`);
      const parsed = parsePupilCsv(csv, { schoolUrn: String(urn), lowestYearGroup: 7, highestYearGroup: 13, importDate: wallClock.now() });
      const baselineMs = await insertWithSql(api as TestApi, hub, school, parsed.rows);
      console.log(
        `${thousands(rows).padStart(6)} rows, ${label}: real path ${thousands(perSecond(rows, realMs))} rows/s (${realMs.toFixed(0)} ms, worker ${workerMs} ms); ` +
          `raw SQL ${thousands(perSecond(rows, baselineMs))} rows/s (${baselineMs.toFixed(0)} ms); real path takes ${(realMs / baselineMs).toFixed(1)}× the baseline`,
      );
      return { rows, csvBytes: Buffer.byteLength(csv), realMs, workerMs, baselineMs };
    };
    const asIs: Result[] = [];
    const bare: Result[] = [];
    for (const rows of rowCounts) asIs.push(await measure(rows, 'schema as is'));
    await withoutPupilTriggers(db, async () => {
      for (const rows of rowCounts) bare.push(await measure(rows, 'pupils triggers off'));
    });

    const section = [
      SECTION,
      '',
      `Measured ${wallClock.now().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine()}; PostgreSQL and Redis on the same machine; ` +
        `1-minute load average ${loadAtStart.toFixed(1)} when the run began (other work on the machine slows every column alike).`,
      '',
      'With the schema as migrated (every trigger on):',
      '',
      table(asIs),
      '',
      "The same with the `pupils` table's own triggers disabled (today the benchmark ledger's statement-level",
      'triggers, which keep its per-pupil rows and counts up to date; foreign keys, checks and RLS still on), to',
      'show what the import path itself costs and what those triggers add:',
      '',
      table(bare),
      '',
      'Clean MIS-style files (UPN, DOB, year group, PP, SEND, care experienced, RONI), each into a new school.',
      'The real path is timed from uploading the file to `POST /imports/pupils` to the poll that sees `SUCCEEDED`',
      '(so it includes up to 50 ms of relay polling and 20 ms of client polling); "in the worker" is the job\'s',
      'own `startedAt` → `finishedAt` (parse, validate, upsert in chunks of 1,000 rows or 5% of the file with a',
      'progress commit after each, outcome and audit). The baseline writes the same already-parsed rows with one',
      '`INSERT … SELECT FROM unnest(…)` in one tenant transaction (RLS on), with no validation, queue, progress or',
      'upsert.',
    ].join('\n');
    writeSection(section);
    console.log(`\n${section}\n\nwritten to ${path.relative(process.cwd(), DOC)}`);
  } finally {
    await worker?.close();
    await api?.close();
    await db.drop();
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error('bench:import failed:', e instanceof Error ? e.stack : e);
    process.exit(1);
  },
);
