/**
 * Issue 15, finding 12: two relays at once (two workers) must never add the same job twice. Each
 * claims its rows (`for update skip locked` and a lease); a claim whose relay died ends with its
 * lease (by the product's clock) and another relay takes the rows.
 */
import { randomUUID } from 'node:crypto';
import { createHubFixture, startTestApi, type HubFixture, type TestApi } from '@tandem/api-testing';
import { TenantContext } from '@tandem/persistence';
import { Outbox, OutboxRelay, QueueProducer } from '@tandem/platform';
import { startTestWorker, type TestWorker } from '@tandem/worker-testing';

let api: TestApi;
let hub: HubFixture;
let workers: TestWorker[];
const added: string[] = [];

beforeAll(async () => {
  api = await startTestApi();
  hub = await createHubFixture(api);
  // Small batches, so the two relays' rounds interleave over the same rows.
  workers = [
    await startTestWorker(api, { relay: { autoStart: false, batchSize: 15 } }),
    await startTestWorker(api, { relay: { autoStart: false, batchSize: 15 } }),
  ];
  for (const w of workers) {
    const producer = w.app.get(QueueProducer);
    const real = producer.addBulk.bind(producer);
    jest.spyOn(producer, 'addBulk').mockImplementation(async (queue, jobs) => {
      const ids = await real(queue, jobs);
      added.push(...ids);
      return ids;
    });
  }
});

afterAll(async () => {
  for (const w of workers ?? []) await w.close();
  await api?.close();
});

const sql = <T>(text: string, params: unknown[] = []): Promise<T[]> =>
  TenantContext.run({ tenantId: hub.tenantId, actorUserId: null }, () => api.db.tenantDb.transaction((em) => em.query(text, params)));

/** `n` due outbox rows (invitation emails for invitations that do not exist: the job sends nothing). */
async function dueRows(n: number): Promise<string[]> {
  const ids = Array.from({ length: n }, () => randomUUID());
  await TenantContext.run({ tenantId: hub.tenantId, actorUserId: null }, () =>
    api.db.tenantDb.transaction(async (em) => {
      for (const invitationId of ids) await Outbox.add(em, 'mail', { tenantId: hub.tenantId, kind: 'invitation', invitationId });
    }),
  );
  return ids.map((id) => `mail.invitation.${id}`);
}

it('two relays at once add each of 300 jobs exactly once', async () => {
  added.length = 0;
  const jobIds = await dueRows(300);
  const [a, b] = workers.map((w) => w.app.get(OutboxRelay)) as [OutboxRelay, OutboxRelay];
  let relayed = 0;
  for (;;) {
    const [x, y] = await Promise.all([a.relayOnce(), b.relayOnce()]);
    relayed += x + y;
    if (x + y === 0) break;
  }
  expect(relayed).toBe(300);
  expect(added.filter((id) => jobIds.includes(id)).sort()).toEqual([...jobIds].sort());
  const [pending] = await sql<{ n: number }>(
    `select count(*)::int as n from notification_outbox where status = 'pending' or claimed_by is not null`,
  );
  expect(pending?.n).toBe(0);
});

it("a dead relay's claim holds the rows until its lease ends, then another relay adds them", async () => {
  added.length = 0;
  const [jobId] = await dueRows(1);
  // As a relay that claimed the row and died would leave it.
  await sql(`update notification_outbox set claimed_by = 'dead-relay', claimed_until = $2 where dedupe_key = $1`, [
    jobId,
    new Date(api.clock.now().getTime() + 60_000),
  ]);
  const relay = workers[0]?.app.get(OutboxRelay) as OutboxRelay;
  expect(await relay.relayOnce()).toBe(0);
  api.clock.advance(59_000);
  expect(await relay.relayOnce()).toBe(0);
  api.clock.advance(1_000);
  expect(await relay.relayOnce()).toBe(1);
  expect(added).toEqual([jobId]);
});
