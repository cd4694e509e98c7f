import { getQueueToken } from '@nestjs/bullmq';
import { createHubFixture, startTestApi, type HubFixture, type TestApi } from '@tandem/api-testing';
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
  const snapshots = (): Promise<Array<{ as_of: string; kind: string; school_id: string | null }>> =>
    TenantContext.run({ tenantId: hub.tenantId, actorUserId: null }, () =>
      api.db.tenantDb.transaction((em) =>
        em.query(`select to_char(as_of, 'YYYY-MM-DD') as as_of, kind, school_id from coverage_snapshots order by as_of`),
      ),
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

  it('freezes each reporting day once it has ended on the London calendar, and nothing twice', async () => {
    const processor = worker.app.get(ReportingSnapshotsProcessor);
    const job = { data: { tenantId: hub.tenantId }, id: 'test-run', name: 'reporting-snapshots' } as Job<{ tenantId: string }>;
    const reportingDays = async (): Promise<string[]> => (await snapshots()).filter((s) => s.kind === 'reporting_date').map((s) => s.as_of);

    // Autumn term: nothing of this academic year has ended yet.
    api.clock.setLondon('2025-11-17', '10:00');
    expect(await processor.process(job)).toEqual({ taken: [] });
    // The last minute of 31 December (GMT) is still 31 December: not yet.
    api.clock.setLondon('2025-12-31', '23:59');
    expect(await processor.process(job)).toEqual({ taken: [] });
    // The nightly run at 00:30 on 1 January freezes 31 December.
    api.clock.setLondon('2026-01-01', '00:30');
    expect(await processor.process(job)).toEqual({ taken: ['2025-12-31'] });
    expect(await processor.process(job)).toEqual({ taken: [] });
    // 31 March ends in GMT, 31 July in BST: each is frozen on the night after, not during the day.
    api.clock.setLondon('2026-03-31', '23:59');
    expect(await processor.process(job)).toEqual({ taken: [] });
    api.clock.setLondon('2026-04-01', '00:30');
    const service = worker.app.get(CoverageService);
    const taken = await TenantContext.run({ tenantId: hub.tenantId, actorUserId: null }, () => service.takeDueReportingSnapshots(null));
    expect(taken.map((s) => [s.asOf, s.kind, s.academicYear, s.schoolId])).toEqual([['2026-03-31', 'reporting_date', 2025, null]]);
    api.clock.setLondon('2026-07-31', '23:59');
    expect(await processor.process(job)).toEqual({ taken: [] });
    api.clock.setLondon('2026-08-01', '00:30');
    expect(await processor.process(job)).toEqual({ taken: ['2026-07-31'] });
    // 1 September starts a new academic year: nothing of it is due, and last year's stay as they were.
    api.clock.setLondon('2026-09-01', '00:30');
    expect(await processor.process(job)).toEqual({ taken: [] });
    expect(await reportingDays()).toEqual(['2025-12-31', '2026-03-31', '2026-07-31']);
  });
});
