/**
 * The mail path end to end on real parts: a tenant transaction writes an outbox row → the worker's
 * relay moves it to BullMQ on Redis → the mail processor composes, sends over SMTP to a real
 * server, and logs the send. Nothing is sent for a rolled-back transaction, nothing twice; a row
 * due later waits in PostgreSQL until the product's clock reaches its time.
 */
import { randomUUID } from 'node:crypto';
import { getQueueToken } from '@nestjs/bullmq';
import { Invitation, SentEmail, TenantContext } from '@tandem/persistence';
import { LinkTokens, OpaqueToken, Outbox, OutboxRelay, QUEUE_NAMES } from '@tandem/platform';
import { INVITATION_LINK_PURPOSE, MailProcessor } from '@tandem/features';
import { startSmtpSink, type SmtpSink } from '@tandem/test-support';
import type { Job, Queue } from 'bullmq';
import { createHubFixture, startTestApi, type HubFixture, type TestApi } from '@tandem/api-testing';
import { startTestWorker, type TestWorker } from '@tandem/worker-testing';
import { mailSettled, waitFor } from './booking-helpers';

let api: TestApi;
let worker: TestWorker;
let sink: SmtpSink;
let hub: HubFixture;

beforeAll(async () => {
  sink = await startSmtpSink();
  api = await startTestApi({ smtpUrl: sink.url });
  worker = await startTestWorker(api, { smtpUrl: sink.url, relay: { pollIntervalMs: 50 } });
  hub = await createHubFixture(api);
});

afterAll(async () => {
  await worker?.close();
  await api?.close();
  await sink?.close();
});

/** Writes an invitation and its outbox row in one tenant transaction; `fail` rolls both back. */
async function invite(email: string, options: { fail?: boolean; revoked?: boolean; notBefore?: Date } = {}): Promise<string> {
  const id = randomUUID();
  const links = worker.app.get(LinkTokens);
  const scope = { tenantId: hub.tenantId, actorUserId: hub.principals.hubAdmin.userId };
  await TenantContext.run(scope, () =>
    api.db.tenantDb.transaction(async (em) => {
      await em.insert(Invitation, {
        id,
        tenantId: hub.tenantId,
        email,
        role: 'coordinator',
        clusterId: hub.clusterA.id,
        tokenHash: links.derive(INVITATION_LINK_PURPOSE, id).hash,
        // Open for an hour after it may be sent.
        expiresAt: new Date((options.notBefore ?? api.clock.now()).getTime() + 3_600_000),
        revokedAt: options.revoked ? api.clock.now() : null,
        invitedByUserId: hub.principals.hubAdmin.userId,
      });
      await Outbox.add(em, 'mail', { tenantId: hub.tenantId, kind: 'invitation', invitationId: id }, { notBefore: options.notBefore });
      if (options.fail) throw new Error('rolled back on purpose');
    }),
  ).catch((e: Error) => {
    if (!options.fail) throw e;
  });
  return id;
}

async function sentRows(jobKey: string): Promise<SentEmail[]> {
  return TenantContext.run({ tenantId: hub.tenantId, actorUserId: null }, () =>
    api.db.tenantDb.transaction((em) => em.findBy(SentEmail, { jobKey })),
  );
}

/** The send log's rows for a job, once there are some (it is written just after the server's 250). */
const sentOnce = (jobKey: string): Promise<SentEmail[]> =>
  waitFor(async () => {
    const rows = await sentRows(jobKey);
    return rows.length ? rows : undefined;
  }, `the send log of ${jobKey}`);
const mailQueue = (): Queue => worker.app.get<Queue>(getQueueToken(QUEUE_NAMES.mail));
const settled = (): Promise<void> => mailSettled(api, mailQueue());

it('sends an invitation once, after commit, with a link whose token matches the stored hash', async () => {
  const id = await invite('new.coordinator@example.test');
  const msg = await sink.waitFor((m) => m.to.includes('new.coordinator@example.test'));
  expect(msg.subject).toMatch(/invited you to Test hub .* on Tandem/);
  expect(msg.headers.get('x-tandem-kind')).toBe('invitation');
  const token = /token=([A-Za-z0-9_-]{1,32}\.[A-Za-z0-9_-]{43})/.exec(msg.text)?.[1];
  expect(token).toBeDefined();
  const stored = await TenantContext.run({ tenantId: hub.tenantId, actorUserId: null }, () =>
    api.db.tenantDb.transaction((em) => em.findOneByOrFail(Invitation, { id })),
  );
  expect(OpaqueToken.matches(token as string, stored.tokenHash)).toBe(true);
  // The send log is written just after the SMTP server accepts the message.
  const rows = await sentOnce(`mail.invitation.${id}`);
  expect(rows).toHaveLength(1);
  expect(rows[0].messageId).toBe(msg.messageId);
});

it('sends nothing for a rolled-back transaction or a revoked invitation', async () => {
  await invite('rolled.back@example.test', { fail: true });
  const revokedId = await invite('revoked@example.test', { revoked: true });
  await settled();
  expect(sink.messages.filter((m) => m.to.includes('rolled.back@example.test') || m.to.includes('revoked@example.test'))).toEqual([]);
  const queue = worker.app.get<Queue>(getQueueToken(QUEUE_NAMES.mail));
  const job = await queue.getJob(`mail.invitation.${revokedId}`);
  expect(await job?.getState()).toBe('completed');
  expect(job?.returnvalue).toEqual({ sent: 0, alreadySent: 0 });
});

it('never sends twice: the same outbox entry again, and a retried job after a successful send', async () => {
  const id = await invite('once@example.test');
  await sink.waitFor((m) => m.to.includes('once@example.test'));
  await sentOnce(`mail.invitation.${id}`);
  // The same notification written again: the outbox ignores it.
  await TenantContext.run({ tenantId: hub.tenantId, actorUserId: null }, () =>
    api.db.tenantDb.transaction((em) => Outbox.add(em, 'mail', { tenantId: hub.tenantId, kind: 'invitation', invitationId: id })),
  );
  // A retry of the job after the send (as if the worker died before acknowledging it).
  const processor = worker.app.get(MailProcessor, { strict: false });
  const retry = await processor.process({
    id: `mail.invitation.${id}`,
    name: 'mail',
    data: { tenantId: hub.tenantId, kind: 'invitation', invitationId: id },
  } as Job);
  expect(retry).toEqual({ sent: 0, alreadySent: 1 });
  await settled();
  expect(sink.messages.filter((m) => m.to.includes('once@example.test'))).toHaveLength(1);
});

it('retries after the SMTP server refuses (451) and then delivers exactly once', async () => {
  sink.failNext(1, 451);
  const id = await invite('retry@example.test');
  const queue = worker.app.get<Queue>(getQueueToken(QUEUE_NAMES.mail));
  // The first attempt fails; promote BullMQ's backoff-delayed retry instead of waiting 30 s.
  const retry = await waitFor(async () => {
    const job = await queue.getJob(`mail.invitation.${id}`);
    return job && (await job.getState()) === 'delayed' && job.attemptsMade >= 1 ? job : undefined;
  }, 'the failed attempt to become a delayed retry');
  await retry.promote();
  await sink.waitFor((m) => m.to.includes('retry@example.test'));
  await settled();
  expect(sink.messages.filter((m) => m.to.includes('retry@example.test'))).toHaveLength(1);
  expect(await sentOnce(`mail.invitation.${id}`)).toHaveLength(1);
});

it('relays nothing while the tenant has no pending rows and reports the count it relayed', async () => {
  const relay = worker.app.get(OutboxRelay);
  await relay.stop();
  try {
    expect(await relay.relayOnce()).toBe(0);
    await invite('counted@example.test');
    expect(await relay.relayOnce()).toBe(1);
    expect(await relay.relayOnce()).toBe(0);
  } finally {
    relay.start();
  }
  await sink.waitFor((m) => m.to.includes('counted@example.test'));
});

it('keeps a row due later in PostgreSQL, and relays it as a job to run at once when the clock reaches its time', async () => {
  const relay = worker.app.get(OutboxRelay);
  const queue = worker.app.get<Queue>(getQueueToken(QUEUE_NAMES.mail));
  const outboxRow = (key: string) =>
    TenantContext.run({ tenantId: hub.tenantId, actorUserId: null }, () =>
      api.db.tenantDb.transaction(
        async (em) => (await em.query(`select status from notification_outbox where dedupe_key = $1`, [key]))[0] as { status: string },
      ),
    );
  await relay.stop();
  let id = '';
  try {
    const week = 7 * 24 * 3_600_000;
    id = await invite('next.week@example.test', { notBefore: new Date(api.clock.now().getTime() + week) });
    const key = `mail.invitation.${id}`;
    expect(await relay.relayOnce()).toBe(0);
    expect(await outboxRow(key)).toEqual({ status: 'pending' });
    expect(await queue.getJob(key)).toBeUndefined();
    // A minute before its time: still waiting in PostgreSQL.
    api.clock.advance(week - 60_000);
    expect(await relay.relayOnce()).toBe(0);
    expect(await outboxRow(key)).toEqual({ status: 'pending' });
    // Its time: relayed as a job to run now (no delay measured on the machine's clock).
    api.clock.advance(60_000);
    expect(await relay.relayOnce()).toBe(1);
    expect(await outboxRow(key)).toEqual({ status: 'relayed' });
    const job = await queue.getJob(key);
    expect(job?.delay ?? 0).toBe(0);
  } finally {
    relay.start();
  }
  await sink.waitFor((m) => m.to.includes('next.week@example.test'));
});
