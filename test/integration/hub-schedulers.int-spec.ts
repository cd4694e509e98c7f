/**
 * Issue 15, finding 12: a new hub's nightly and morning chores (nudge scan, reporting snapshots)
 * are scheduled within seconds of the hub being created, not at the next 10-minute re-sync.
 */
import { getQueueToken } from '@nestjs/bullmq';
import { createHubFixture, startTestApi, type TestApi } from '@tandem/api-testing';
import { jobIdFor, QUEUE_NAMES } from '@tandem/platform';
import { startTestWorker, type TestWorker } from '@tandem/worker-testing';
import { waitFor } from '@tandem/test-support';
import type { Queue } from 'bullmq';

let api: TestApi;
let worker: TestWorker;

beforeAll(async () => {
  api = await startTestApi();
  worker = await startTestWorker(api, { relay: { autoStart: false } });
});

afterAll(async () => {
  await worker?.close();
  await api?.close();
});

it('schedules a hub created after the worker started within seconds, with nobody calling sync', async () => {
  const nudges = worker.app.get<Queue>(getQueueToken(QUEUE_NAMES.nudges));
  const ledger = worker.app.get<Queue>(getQueueToken(QUEUE_NAMES.ledger));
  const hub = await createHubFixture(api, 'late');
  await waitFor(
    async () => Boolean(await nudges.getJobScheduler(jobIdFor.nudges({ tenantId: hub.tenantId }))),
    'the new hub’s nudge scheduler',
    20_000,
  );
  await waitFor(
    async () => Boolean(await ledger.getJobScheduler(jobIdFor.ledger({ tenantId: hub.tenantId }))),
    'the new hub’s snapshot scheduler',
    20_000,
  );
});
