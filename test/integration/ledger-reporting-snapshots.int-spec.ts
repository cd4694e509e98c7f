import { getQueueToken } from '@nestjs/bullmq';
import { createHubFixture, startTestApi, type HubFixture, type TestApi } from '@tandem/api-testing';
import { reportingDatesDue } from '@tandem/domain';
import { CoverageService, REPORTING_SNAPSHOT_PATTERN, ReportingSnapshotSchedulers, ReportingSnapshotsProcessor } from '@tandem/features';
import { TenantContext } from '@tandem/persistence';
import { jobIdFor, QUEUE_NAMES } from '@tandem/platform';
import { startTestWorker, type TestWorker } from '@tandem/worker-testing';
import type { Job, Queue } from 'bullmq';

/** The worker freezes each hub's reporting-day coverage snapshots (31 Dec, 31 Mar, 31 Jul), once. */
describe('reporting-day snapshots in the worker', () => {
  let api: TestApi;
  let worker: TestWorker;
  let hub: HubFixture;
  const today = (): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
  const snapshots = (): Promise<Array<{ as_of: string; kind: string; school_id: string | null }>> =>
    TenantContext.run({ tenantId: hub.tenantId, actorUserId: null }, () =>
      api.db.tenantDb.transaction((em) => em.query(`select to_char(as_of, 'YYYY-MM-DD') as as_of, kind, school_id from coverage_snapshots order by as_of`)),
    );

  beforeAll(async () => {
    api = await startTestApi();
    hub = await createHubFixture(api);
    worker = await startTestWorker(api);
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('keeps one nightly scheduler per hub, however often it is synced', async () => {
    const schedulers = worker.app.get(ReportingSnapshotSchedulers);
    expect(await schedulers.sync()).toBeGreaterThanOrEqual(1);
    expect(await schedulers.sync()).toBeGreaterThanOrEqual(1);
    const queue = worker.app.get<Queue>(getQueueToken(QUEUE_NAMES.ledger));
    const id = jobIdFor.ledger({ tenantId: hub.tenantId });
    const scheduler = await queue.getJobScheduler(id);
    expect(scheduler).toMatchObject({ key: id, pattern: REPORTING_SNAPSHOT_PATTERN, tz: 'Europe/London' });
    expect((await queue.getJobSchedulers()).filter((s) => s.key === id)).toHaveLength(1);
  });

  it('takes the days due and not yet taken, and nothing twice', async () => {
    const processor = worker.app.get(ReportingSnapshotsProcessor);
    const job = { data: { tenantId: hub.tenantId }, id: 'test-run', name: 'reporting-snapshots' } as Job<{ tenantId: string }>;
    expect(await processor.process(job)).toEqual({ taken: reportingDatesDue(today()) });
    expect(await processor.process(job)).toEqual({ taken: [] });
    // As the job would run on 1 April 2026: 31 December and 31 March are due, and are frozen as of those days.
    const service = worker.app.get(CoverageService);
    const taken = await TenantContext.run({ tenantId: hub.tenantId, actorUserId: null }, () => service.takeDueReportingSnapshots(null, '2026-04-01'));
    expect(taken.map((s) => [s.asOf, s.kind, s.academicYear, s.schoolId])).toEqual([
      ['2025-12-31', 'reporting_date', 2025, null],
      ['2026-03-31', 'reporting_date', 2025, null],
    ]);
    const again = await TenantContext.run({ tenantId: hub.tenantId, actorUserId: null }, () => service.takeDueReportingSnapshots(null, '2026-04-02'));
    expect(again).toEqual([]);
    expect((await snapshots()).filter((s) => s.kind === 'reporting_date').map((s) => s.as_of)).toEqual([...new Set(['2025-12-31', '2026-03-31', ...reportingDatesDue(today())])].sort());
  });
});
