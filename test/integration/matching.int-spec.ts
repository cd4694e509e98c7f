/**
 * The matching flow on real parts (the API, the worker, PostgreSQL, Redis, an SMTP sink): a run is
 * queued with its outbox row, the worker reads the hub, solves and stores proposals with reasons;
 * coordinators see and decide on their own cluster's runs only; accepted proposals become bookings
 * in `proposed` state (the employer is emailed); a proposal whose session was taken since reports
 * its own error while the others go through; rejected and superseded proposals stay so; bad input
 * names its code and field, leaks nothing and writes nothing.
 */
import { Logger } from '@nestjs/common';
import { createHubFixture, startTestApi, type GqlResult, type HubFixture, type TestApi } from '@tandem/api-testing';
import { MatchingRunRunner } from '@tandem/features';
import { startSmtpSink, type SmtpSink } from '@tandem/test-support';
import { startTestWorker, type TestWorker } from '@tandem/worker-testing';
import { Client } from 'pg';
import { asTenant, bookableOffer, daysAhead, requestSlot, waitFor, type BookableOffer } from './booking-helpers';

let sink: SmtpSink;
let api: TestApi;
let worker: TestWorker;
let hub: HubFixture;
let other: HubFixture;

const RUN_FIELDS = `id scope clusterId status phase progress optimal objective bound relativeGap requestsConsidered sessionsConsidered proposalCount unmatchedCount
  errorCode errorMessage weights { perKm fairnessStep } cluster { id name }`;
const PROPOSAL_FIELDS = `id requestId offerSessionId schoolName employerName offerTitle yearGroup pupils gapPupilsClosed distanceKm worth employerMonthRemaining offerSessionsRemaining
  status bookingId summary reasons { code text params { name value } }`;
const START = `mutation($input: StartMatchingRunInput!) { startMatchingRun(input: $input) { ${RUN_FIELDS} } }`;
const RUN = `query($id: ID!) { matchingRun(id: $id) { ${RUN_FIELDS} proposals { ${PROPOSAL_FIELDS} } unmatched { requestId schoolName yearGroup summary reasons { code text } } } }`;
const RUNS = `query($filter: MatchingRunFilter) { matchingRuns(filter: $filter) { totalCount nodes { id clusterId status } } }`;
const DECISION = `{ succeeded failed results { proposalId ok error { code message field } proposal { id status bookingId } } }`;
const ACCEPT = `mutation($ids: [ID!]!) { acceptMatchingProposals(ids: $ids) ${DECISION} }`;
const REJECT = `mutation($ids: [ID!]!) { rejectMatchingProposals(ids: $ids) ${DECISION} }`;
const CREATE_REQUEST = `mutation($input: CreateRequestInput!) { createRequest(input: $input) { id status } }`;
const BOOKING = `query($id: ID!) { booking(id: $id) { id state requestId offerSessionId } }`;

interface Reason {
  code: string;
  text: string;
  params?: { name: string; value: string }[];
}
interface Proposal {
  id: string;
  requestId: string;
  offerSessionId: string;
  status: string;
  bookingId: string | null;
  summary: string;
  reasons: Reason[];
  [k: string]: unknown;
}
interface Run {
  id: string;
  status: string;
  phase: string;
  progress: number;
  clusterId: string | null;
  proposals: Proposal[];
  unmatched: { requestId: string; summary: string; reasons: Reason[] }[];
  [k: string]: unknown;
}
interface Decision {
  succeeded: number;
  failed: number;
  results: {
    proposalId: string;
    ok: boolean;
    error: { code: string; message: string; field: string } | null;
    proposal: { id: string; status: string; bookingId: string | null };
  }[];
}

beforeAll(async () => {
  sink = await startSmtpSink();
  api = await startTestApi({ smtpUrl: sink.url });
  worker = await startTestWorker(api, { smtpUrl: sink.url, relay: { pollIntervalMs: 50 } });
  hub = await createHubFixture(api);
  other = await createHubFixture(api, 'other');
  // Enough room in the employer's month for every booking this file makes.
  await api.ok(
    'mutation($id: ID!, $input: UpdateEmployerInput!) { updateEmployer(id: $id, input: $input) { id } }',
    { id: hub.employer.id, input: { maxRequestsPerMonth: 100 } },
    hub.tokens.hubAdmin,
  );
  // 40 pupils in Year 10 and 30 in Year 11 at school A, a third disadvantaged: the ledger counts their gaps.
  await asTenant(
    api,
    hub,
    `insert into pupils (tenant_id, school_id, reference, year_group, disadvantaged)
     select $1, $2, 'P' || y || '-' || n, y, n % 3 = 0 from generate_series(1, 40) n, (values (10), (11)) as g(y) where y = 10 or n <= 30`,
    [hub.tenantId, hub.schoolA.id],
  );
});

afterAll(async () => {
  await worker?.close();
  await api?.close();
  await sink?.close();
});

// ── helpers ─────────────────────────────────────────────────────────────────

/** A request for the day `day` days ahead, 09:00–17:00 London (the offers' sessions start at 13:00). */
async function postRequest(
  schoolId: string,
  activityType: string,
  yearGroup: number,
  day: number,
  pupilCount = 20,
  token = hub.tokens.hubAdmin,
): Promise<string> {
  const { createRequest } = await api.ok<{ createRequest: { id: string } }>(
    CREATE_REQUEST,
    {
      input: {
        schoolId,
        activityType,
        yearGroup,
        pupilCount,
        formats: ['virtual'],
        windows: [{ startsAt: daysAhead(api.clock, day, '09:00').toISOString(), endsAt: daysAhead(api.clock, day, '17:00').toISOString() }],
      },
    },
    token,
  );
  return createRequest.id;
}

function offerOf(activityType: string, days: number[]): Promise<BookableOffer> {
  return bookableOffer(api, hub, { days, format: 'virtual', activityType, yearGroups: [9, 10, 11] });
}

async function startRun(token: string, input: Record<string, unknown> = {}): Promise<Run> {
  return (await api.ok<{ startMatchingRun: Run }>(START, { input }, token)).startMatchingRun;
}

async function finished(id: string, token = hub.tokens.hubAdmin): Promise<Run> {
  return waitFor(
    async () => {
      const { matchingRun } = await api.ok<{ matchingRun: Run }>(RUN, { id }, token);
      return matchingRun.status === 'succeeded' || matchingRun.status === 'failed' ? matchingRun : undefined;
    },
    `matching run ${id}`,
    20_000,
  );
}

const proposalFor = (run: Run, requestId: string): Proposal => {
  const found = run.proposals.find((p) => p.requestId === requestId);
  if (!found)
    throw new Error(
      `no proposal for ${requestId} in ${JSON.stringify(run.proposals.map((p) => p.requestId))}; unmatched: ${JSON.stringify(run.unmatched)}`,
    );
  return found;
};

const MATCHING_TABLES = [
  'matching_runs',
  'matching_proposals',
  'matching_unmatched_requests',
  'bookings',
  'notification_outbox',
  'audit_log',
];

async function counts(h = hub): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of MATCHING_TABLES) out[t] = (await asTenant<{ n: number }>(api, h, `select count(*)::int as n from ${t}`))[0].n;
  return out;
}

function expectNoLeaks(res: GqlResult<unknown>, ...ids: string[]): void {
  const text = JSON.stringify(res);
  expect(text).not.toMatch(/\bat .+\.(ts|js):\d+|stacktrace|QueryFailedError|\bselect\b.+\bfrom\b|insert into|update .+ set |violates/i);
  for (const id of ids) expect(text).not.toContain(id);
}

/** Expects the code and field, no leak (not even the ids sent), and that nothing at all was written. */
async function rejects(
  query: string,
  variables: Record<string, unknown>,
  token: string,
  code: string,
  field?: string,
  ...ids: string[]
): Promise<void> {
  const before = await counts();
  const res = await api.gql(query, variables, token);
  expect(res.errors?.[0]?.extensions).toMatchObject({ code, ...(field ? { field } : {}) });
  expectNoLeaks(res, ...ids);
  expect(await counts()).toEqual(before);
}

// ── the run ─────────────────────────────────────────────────────────────────

describe('a run, from queued to proposals with reasons', () => {
  let run: Run;
  let talk: BookableOffer;
  let year10: string;
  let nothingFits: string;

  beforeAll(async () => {
    talk = await offerOf('careers_talk', [10]);
    year10 = await postRequest(hub.schoolA.id, 'careers_talk', 10, 10, 25);
    nothingFits = await postRequest(hub.schoolA.id, 'work_shadowing', 11, 10, 2);
  });

  it('is queued for the coordinator’s own cluster, with its job in the outbox of the same transaction', async () => {
    const started = await startRun(hub.tokens.coordinator);
    expect(started).toMatchObject({
      scope: 'cluster',
      clusterId: hub.clusterA.id,
      status: 'queued',
      phase: 'queued',
      progress: 0,
      cluster: { id: hub.clusterA.id, name: 'North cluster' },
    });
    expect(started.weights).toEqual({ perKm: 0.5, fairnessStep: 1 });
    const outbox = await asTenant<{ kind: string }>(api, hub, `select kind from notification_outbox where dedupe_key = $1`, [
      `matching.${started.id}`,
    ]);
    expect(outbox).toEqual([{ kind: 'matching' }]);
    run = await finished(started.id, hub.tokens.coordinator);
  });

  it('ends succeeded and proven optimal, with every number a coordinator checks', () => {
    expect(run).toMatchObject({ status: 'succeeded', phase: 'done', progress: 100, optimal: true, relativeGap: 0, errorMessage: null });
    expect(run['objective']).toBe(run['bound']);
    expect(run['requestsConsidered']).toBeGreaterThanOrEqual(2);
    expect(run['sessionsConsidered']).toBeGreaterThanOrEqual(1);
  });

  it('is not given up on once it has finished: the run stays succeeded and no "gave up" warning is written', async () => {
    // The repository read TypeORM's [rows, count] answer to an UPDATE as rows, so a finished run
    // always counted as failed here, and the log and the watchdog's tally over-reported.
    const warn = jest.spyOn(Logger.prototype, 'warn');
    try {
      await giveUpRun(run.id);
      expect(warn.mock.calls.filter(([message]) => String(message).startsWith(`gave up on matching run matching.${run.id}`))).toEqual([]);
    } finally {
      warn.mockRestore();
    }
    const [row] = await asTenant<{ status: string }>(api, hub, `select status from matching_runs where id = $1`, [run.id]);
    expect(row).toEqual({ status: 'succeeded' });
  });

  it('proposes the session for the request, saying why in words and numbers', () => {
    const p = proposalFor(run, year10);
    expect(p).toMatchObject({
      offerSessionId: talk.sessionIds[0],
      status: 'proposed',
      bookingId: null,
      schoolName: 'Northfield Academy',
      employerName: 'Aire Engineering Ltd',
      yearGroup: 10,
      pupils: 25,
      gapPupilsClosed: 25,
      distanceKm: null,
      offerSessionsRemaining: 2,
    });
    expect(p['employerMonthRemaining']).toEqual(expect.any(Number));
    expect(p.reasons.map((r) => r.code)).toEqual(
      expect.arrayContaining(['CLOSES_GAP', 'VIRTUAL', 'EMPLOYER_MONTH_ALLOWANCE', 'OFFER_SESSIONS_LEFT']),
    );
    // 40 pupils in Year 10, none with the benchmark yet, 13 of them disadvantaged.
    expect(p.reasons.find((r) => r.code === 'CLOSES_GAP')?.text).toBe(
      'closes the benchmark-5 gap for 25 Year 10 pupils at Northfield Academy, 33% disadvantaged or at risk',
    );
    expect(p.reasons.find((r) => r.code === 'CLOSES_GAP')?.params).toEqual(
      expect.arrayContaining([{ name: 'gapPupilsClosed', value: '25' }]),
    );
    expect(p.summary).toMatch(/^Closes the benchmark-5 gap for 25 Year 10 pupils at Northfield Academy/);
  });

  it('says what stopped a request it could not place', () => {
    const u = run.unmatched.find((x) => x.requestId === nothingFits);
    expect(u?.reasons.map((r) => r.code)).toEqual(['NO_OFFER_OF_TYPE']);
    expect(u?.summary).toBe('No offer of that type (Work shadowing) in the hub.');
  });

  it('lists the run for its cluster’s coordinator and the hub admin, not for the other cluster’s', async () => {
    const mine = await api.ok<{ matchingRuns: { nodes: { id: string }[] } }>(RUNS, {}, hub.tokens.coordinator);
    expect(mine.matchingRuns.nodes.map((n) => n.id)).toContain(run.id);
    const admin = await api.ok<{ matchingRuns: { nodes: { id: string }[] } }>(
      RUNS,
      { filter: { clusterId: hub.clusterA.id, status: 'succeeded' } },
      hub.tokens.hubAdmin,
    );
    expect(admin.matchingRuns.nodes.map((n) => n.id)).toContain(run.id);
    const theirs = await api.ok<{ matchingRuns: { totalCount: number } }>(RUNS, {}, hub.tokens.coordinatorB);
    expect(theirs.matchingRuns.totalCount).toBe(0);
    await rejects(RUN, { id: run.id }, hub.tokens.coordinatorB, 'NOT_FOUND', 'id', run.id);
  });

  afterAll(async () => {
    // Leave nothing open for the next runs.
    await api.ok(REJECT, { ids: run.proposals.map((p) => p.id) }, hub.tokens.coordinator);
    for (const id of [year10, nothingFits])
      await api.ok('mutation($id: ID!) { cancelRequest(id: $id) { id } }', { id }, hub.tokens.coordinator);
  });
});

// ── who may run matching, and bad input ─────────────────────────────────────

describe('scope and bad input: the code, the field, nothing written, nothing leaked', () => {
  it('refuses school staff, employers and platform admins (and their lists)', async () => {
    for (const role of ['schoolStaff', 'employerContact'] as const) {
      await rejects(START, { input: {} }, hub.tokens[role], 'FORBIDDEN');
      await rejects(START, { input: { clusterId: hub.clusterA.id } }, hub.tokens[role], 'FORBIDDEN');
      await rejects(RUNS, {}, hub.tokens[role], 'FORBIDDEN');
    }
    await rejects(START, { input: {} }, hub.tokens.platformAdmin, 'FORBIDDEN');
  });

  it('keeps a coordinator to their own cluster: another cluster, or the whole hub, is refused', async () => {
    await rejects(
      START,
      { input: { clusterId: hub.clusterB.id } },
      hub.tokens.coordinator,
      'NOT_FOUND',
      'input.clusterId',
      hub.clusterB.id,
    );
    await rejects(
      START,
      { input: { clusterId: hub.clusterA.id } },
      hub.tokens.coordinatorB,
      'NOT_FOUND',
      'input.clusterId',
      hub.clusterA.id,
    );
  });

  it('answers an unknown cluster, another hub’s cluster or a non-id with NOT_FOUND, without echoing it', async () => {
    await rejects(
      START,
      { input: { clusterId: '3f2b8c1e-9a4d-4e2f-8b7a-1c2d3e4f5a6b' } },
      hub.tokens.hubAdmin,
      'NOT_FOUND',
      'input.clusterId',
      '3f2b8c1e-9a4d-4e2f-8b7a-1c2d3e4f5a6b',
    );
    await rejects(
      START,
      { input: { clusterId: other.clusterA.id } },
      hub.tokens.hubAdmin,
      'NOT_FOUND',
      'input.clusterId',
      other.clusterA.id,
    );
    await rejects(START, { input: { clusterId: hub.clusterA.id } }, other.tokens.hubAdmin, 'NOT_FOUND', 'input.clusterId', hub.clusterA.id);
    await rejects(START, { input: { clusterId: 'not-an-id' } }, hub.tokens.hubAdmin, 'NOT_FOUND', 'input.clusterId', 'not-an-id');
    const res = await api.gql(START, { input: { clusterId: other.clusterA.id } }, hub.tokens.hubAdmin);
    expect(res.errors?.[0]?.message).toBe('Cluster not found among those you may run matching for');
  });

  it('names a weight out of range, and every bad weight at once', async () => {
    await rejects(START, { input: { weights: { perKm: 101 } } }, hub.tokens.hubAdmin, 'INVALID_NUMBER', 'input.weights.perKm');
    await rejects(
      START,
      { input: { weights: { disadvantagedUplift: -1 } } },
      hub.tokens.coordinator,
      'INVALID_NUMBER',
      'input.weights.disadvantagedUplift',
    );
    const before = await counts();
    const res = await api.gql(START, { input: { weights: { pupilBeyondGap: 2, fairnessCap: 1001 } } }, hub.tokens.hubAdmin);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(res.errors?.[0]?.extensions?.details?.map((d) => d.field).sort()).toEqual([
      'input.weights.fairnessCap',
      'input.weights.pupilBeyondGap',
    ]);
    expect(await counts()).toEqual(before);
  });

  it('hub settings: weights are validated the same way, and a run uses the hub’s weights', async () => {
    const UPDATE = `mutation($input: UpdateHubInput!) { updateHub(input: $input) { settings { matchingWeights { perKm fairnessStep disadvantagedUplift } } } }`;
    const before = await counts();
    const bad = await api.gql(UPDATE, { input: { settings: { matchingWeights: { perKm: 100.5 } } } }, hub.tokens.hubAdmin);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_NUMBER', field: 'input.settings.matchingWeights.perKm' });
    expect(await counts()).toEqual(before);
    const notAdmin = await api.gql(UPDATE, { input: { settings: { matchingWeights: { perKm: 1 } } } }, hub.tokens.coordinator);
    expect(notAdmin.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const ok = await api.ok<{ updateHub: { settings: { matchingWeights: Record<string, number> } } }>(
      UPDATE,
      { input: { settings: { matchingWeights: { perKm: 0.25 } } } },
      hub.tokens.hubAdmin,
    );
    expect(ok.updateHub.settings.matchingWeights).toEqual({ perKm: 0.25, fairnessStep: 1, disadvantagedUplift: 1 });
    const run = await startRun(hub.tokens.coordinatorB, { weights: { fairnessStep: 2 } });
    expect(run.weights).toEqual({ perKm: 0.25, fairnessStep: 2 });
    await finished(run.id);
    await api.ok(UPDATE, { input: { settings: { matchingWeights: null } } }, hub.tokens.hubAdmin);
  });

  it('runs one run at a time per scope', async () => {
    // A run still queued for cluster B (written straight to the table: no worker will take it).
    const [queued] = await asTenant<{ id: string }>(
      api,
      hub,
      `insert into matching_runs (tenant_id, cluster_id, weights, max_work, max_branch_nodes) values ($1, $2, '{}', 1, 1) returning id`,
      [hub.tenantId, hub.clusterB.id],
    );
    await rejects(START, { input: {} }, hub.tokens.coordinatorB, 'CONFLICT', 'input.clusterId');
    // Another scope is free meanwhile.
    const hubRun = await startRun(hub.tokens.hubAdmin);
    expect(hubRun).toMatchObject({ scope: 'hub', clusterId: null, cluster: null });
    await finished(hubRun.id);
    await rejects(RUN, { id: hubRun.id }, hub.tokens.coordinator, 'NOT_FOUND', 'id', hubRun.id);
    // A fault the worker gave up on ends the run in words, and frees the scope.
    await giveUpRun(queued.id);
    const { matchingRun } = await api.ok<{ matchingRun: Run }>(RUN, { id: queued.id }, hub.tokens.coordinatorB);
    expect(matchingRun).toMatchObject({
      status: 'failed',
      errorCode: 'INTERNAL',
      errorMessage: expect.stringMatching(
        /^The run stopped because of a fault on our side \(ref matching\..+\); no proposals were made\. Please start it again\.$/,
      ),
    });
    await finished((await startRun(hub.tokens.coordinatorB)).id);
  });

  it('a run nothing has moved for ten minutes no longer blocks its scope', async () => {
    const [stuck] = await asTenant<{ id: string }>(
      api,
      hub,
      `insert into matching_runs (tenant_id, cluster_id, weights, max_work, max_branch_nodes) values ($1, $2, '{}', 1, 1) returning id`,
      [hub.tenantId, hub.clusterB.id],
    );
    // Nothing moves it while the product's clock runs on: after nine minutes it still holds the scope, after eleven it does not.
    const started = api.clock.now();
    try {
      api.clock.advance(9 * 60_000);
      await rejects(START, { input: {} }, hub.tokens.coordinatorB, 'CONFLICT', 'input.clusterId');
      api.clock.advance(2 * 60_000);
      const fresh = await startRun(hub.tokens.coordinatorB);
      const { matchingRun } = await api.ok<{ matchingRun: Run }>(RUN, { id: stuck.id }, hub.tokens.coordinatorB);
      expect(matchingRun).toMatchObject({
        status: 'failed',
        errorCode: 'INTERNAL',
        errorMessage: expect.stringMatching(/^No worker finished this run within 10 minutes/),
      });
      await finished(fresh.id);
    } finally {
      api.clock.set(started);
    }
  });

  it('a run the hub’s data breaks fails, saying why', async () => {
    const id = await postRequest(hub.schoolB.id, 'mentoring', 9, 12, 5);
    await withOwner((db) => db.query(`update requests set pupil_count = 200000 where id = $1`, [id]));
    const run = await finished((await startRun(hub.tokens.coordinatorB)).id);
    expect(run).toMatchObject({ status: 'failed', errorCode: 'INVALID_CAPACITY', proposals: [], unmatched: [] });
    expect(run['errorMessage']).toMatch(
      /^The hub's data could not be matched: requests\[\d+\]\.pupils must be a whole number from 1 to 100000 \(got 200000\)$/,
    );
    await api.ok('mutation($id: ID!) { cancelRequest(id: $id) { id } }', { id }, hub.tokens.hubAdmin);
  });
});

/** What the worker does after a run's last attempt failed. */
const giveUpRun = (runId: string): Promise<void> => worker.app.get(MatchingRunRunner).giveUp(hub.tenantId, runId, `matching.${runId}`);

async function withOwner<T>(fn: (db: Client) => Promise<T>): Promise<T> {
  const db = new Client({ connectionString: api.db.ownerUrl });
  await db.connect();
  try {
    return await fn(db);
  } finally {
    await db.end();
  }
}

// ── deciding ────────────────────────────────────────────────────────────────

describe('accepting and rejecting proposals', () => {
  let panel: BookableOffer;
  let requests: string[];
  let run: Run;

  beforeAll(async () => {
    panel = await offerOf('employer_panel', [20, 21, 22]);
    requests = [
      await postRequest(hub.schoolA.id, 'employer_panel', 10, 20),
      await postRequest(hub.schoolA.id, 'employer_panel', 11, 21),
      await postRequest(hub.schoolA.id, 'employer_panel', 10, 22),
    ];
    run = await finished((await startRun(hub.tokens.coordinator)).id);
    for (const r of requests) proposalFor(run, r);
  });

  it('refuses ids the caller may not see, as a whole, writing nothing', async () => {
    const ids = [proposalFor(run, requests[0]).id];
    await rejects(ACCEPT, { ids }, hub.tokens.coordinatorB, 'NOT_FOUND', 'ids[0]', ids[0]);
    await rejects(ACCEPT, { ids }, other.tokens.hubAdmin, 'NOT_FOUND', 'ids[0]', ids[0]);
    await rejects(ACCEPT, { ids }, hub.tokens.schoolStaff, 'FORBIDDEN');
    await rejects(ACCEPT, { ids: [ids[0], '3f2b8c1e-9a4d-4e2f-8b7a-1c2d3e4f5a6b'] }, hub.tokens.coordinator, 'NOT_FOUND', 'ids[1]');
    await rejects(ACCEPT, { ids: [] }, hub.tokens.coordinator, 'REQUIRED', 'ids');
    await rejects(REJECT, { ids: [ids[0], 'nope'] }, hub.tokens.coordinator, 'NOT_FOUND', 'ids[1]');
  });

  it('a proposal whose session was taken since reports its own error; the others become bookings in proposed state', async () => {
    const taken = proposalFor(run, requests[1]);
    // The school books that session directly before the coordinator gets to the proposal.
    await requestSlot(api, hub, taken.offerSessionId, { yearGroup: 11, pupilCount: 10 });
    const before = await counts();
    const ids = [proposalFor(run, requests[0]).id, taken.id];
    const { acceptMatchingProposals: d } = await api.ok<{ acceptMatchingProposals: Decision }>(ACCEPT, { ids }, hub.tokens.coordinator);
    expect(d).toMatchObject({ succeeded: 1, failed: 1 });
    expect(d.results[0]).toMatchObject({
      proposalId: ids[0],
      ok: true,
      error: null,
      proposal: { status: 'accepted', bookingId: expect.any(String) },
    });
    expect(d.results[1]).toMatchObject({
      proposalId: taken.id,
      ok: false,
      error: { code: 'CONFLICT', field: 'ids[1]', message: 'This session is already taken: choose another one' },
      proposal: { status: 'proposed', bookingId: null },
    });
    // One booking written (with its transition, links, outbox and audit rows); nothing of the failed one.
    expect((await counts()).bookings).toBe(before.bookings + 1);
    const { booking } = await api.ok<{ booking: { state: string; requestId: string; offerSessionId: string } }>(
      BOOKING,
      { id: d.results[0].proposal.bookingId },
      hub.tokens.coordinator,
    );
    expect(booking).toEqual({
      id: d.results[0].proposal.bookingId,
      state: 'proposed',
      requestId: requests[0],
      offerSessionId: proposalFor(run, requests[0]).offerSessionId,
    });
    expect(
      await asTenant(api, hub, `select status from requests where id = any($1::uuid[]) order by status`, [[requests[0], requests[1]]]),
    ).toEqual([{ status: 'matched' }, { status: 'open' }]);
    // Both sides are asked: the employer by email, with Accept / Decline links.
    // (the school's own direct request above was the first email to this contact)
    const asked = await waitFor(async () => {
      const mails = sink.messages.filter((m) => m.to.includes(panel.contactEmail) && m.headers.get('x-tandem-kind') === 'booking_request');
      return mails.length >= 2 ? mails : undefined;
    }, 'the employer asked about the accepted proposal');
    expect(asked.every((m) => /\/bookings\/respond\//.test(m.text))).toBe(true);
  });

  it('accepting again changes nothing; bulk reject takes the rest, and a rejected one cannot be accepted', async () => {
    const accepted = proposalFor(run, requests[0]).id;
    const again = await api.ok<{ acceptMatchingProposals: Decision }>(ACCEPT, { ids: [accepted] }, hub.tokens.coordinator);
    expect(again.acceptMatchingProposals.results[0]).toMatchObject({ ok: true, proposal: { status: 'accepted' } });
    const rest = [proposalFor(run, requests[1]).id, proposalFor(run, requests[2]).id, accepted];
    const { rejectMatchingProposals: r } = await api.ok<{ rejectMatchingProposals: Decision }>(
      REJECT,
      { ids: rest },
      hub.tokens.coordinator,
    );
    expect(r.results.map((x) => [x.ok, x.proposal.status, x.error?.code ?? null])).toEqual([
      [true, 'rejected', null],
      [true, 'rejected', null],
      [false, 'accepted', 'CONFLICT'],
    ]);
    const back = await api.ok<{ acceptMatchingProposals: Decision }>(ACCEPT, { ids: [rest[0]] }, hub.tokens.coordinator);
    expect(back.acceptMatchingProposals.results[0]).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: 'This proposal was rejected: run matching again to get a new one' },
    });
  });
});

describe('progress while it runs', () => {
  it('is committed phase by phase, while the proposals stay invisible until the whole result is written', async () => {
    await offerOf('mock_interviews', [35]);
    const request = await postRequest(hub.schoolA.id, 'mock_interviews', 11, 35);
    // Hold back the result's write (inserts wait for this lock; reads do not).
    const blocker = new Client({ connectionString: api.db.ownerUrl });
    await blocker.connect();
    let released = false;
    try {
      await blocker.query('begin');
      await blocker.query('lock table matching_proposals in share mode');
      const started = await startRun(hub.tokens.coordinator);
      const saving = await waitFor(async () => {
        const { matchingRun } = await api.ok<{ matchingRun: Run }>(RUN, { id: started.id }, hub.tokens.coordinator);
        return matchingRun.phase === 'saving' ? matchingRun : undefined;
      }, 'the run to reach its saving phase');
      expect(saving).toMatchObject({ status: 'running', progress: 90, proposals: [], unmatched: [], optimal: null });
      await blocker.query('commit');
      released = true;
      const done = await finished(started.id, hub.tokens.coordinator);
      expect(done).toMatchObject({ status: 'succeeded', progress: 100 });
      await api.ok(REJECT, { ids: [proposalFor(done, request).id] }, hub.tokens.coordinator);
    } finally {
      if (!released) await blocker.query('rollback').catch(() => undefined);
      await blocker.end();
    }
    await api.ok('mutation($id: ID!) { cancelRequest(id: $id) { id } }', { id: request }, hub.tokens.coordinator);
  });
});

describe('a newer run supersedes the proposals still waiting', () => {
  it('marks earlier undecided proposals superseded, keeps decided ones, and refuses to accept a superseded one', async () => {
    await offerOf('cv_workshop', [30, 31]);
    const a = await postRequest(hub.schoolA.id, 'cv_workshop', 10, 30);
    const b = await postRequest(hub.schoolA.id, 'cv_workshop', 11, 31);
    const first = await finished((await startRun(hub.tokens.coordinator)).id);
    const [pa, pb] = [proposalFor(first, a), proposalFor(first, b)];
    await api.ok(REJECT, { ids: [pb.id] }, hub.tokens.coordinator);
    const second = await finished((await startRun(hub.tokens.coordinator)).id);
    expect(proposalFor(second, a).status).toBe('proposed');
    const { matchingRun } = await api.ok<{ matchingRun: Run }>(RUN, { id: first.id }, hub.tokens.coordinator);
    expect(
      matchingRun.proposals
        .filter((p) => [pa.id, pb.id].includes(p.id))
        .map((p) => [p.requestId, p.status])
        .sort(),
    ).toEqual(
      [
        [a, 'superseded'],
        [b, 'rejected'],
      ].sort(),
    );
    const stale = await api.ok<{ acceptMatchingProposals: Decision }>(ACCEPT, { ids: [pa.id] }, hub.tokens.coordinator);
    expect(stale.acceptMatchingProposals.results[0]).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', field: 'ids[0]' },
      proposal: { status: 'superseded' },
    });
    // Cluster B's coordinator's run never touches cluster A's proposals.
    await finished((await startRun(hub.tokens.coordinatorB)).id);
    const still = await api.ok<{ matchingRun: Run }>(RUN, { id: second.id }, hub.tokens.coordinator);
    expect(proposalFor(still.matchingRun, a).status).toBe('proposed');
  });

  it('goes by when runs started, not when they finished: a slow hub run finishing after a newer cluster run leaves one live proposal per request', async () => {
    await bookableOffer(api, hub, { days: [45, 46], format: 'virtual', activityType: 'enterprise_challenge', yearGroups: [9, 10, 11] });
    const inA = await postRequest(hub.schoolA.id, 'enterprise_challenge', 10, 45);
    // School B (cluster B) needs pupils missing the benchmark for its request to be worth proposing.
    await asTenant(
      api,
      hub,
      `insert into pupils (tenant_id, school_id, reference, year_group) select $1, $2, 'LATE-' || n, 9 from generate_series(1, 20) n`,
      [hub.tenantId, hub.schoolB.id],
    );
    const inB = await postRequest(hub.schoolB.id, 'enterprise_challenge', 9, 46);
    // The newer look at cluster A finishes first.
    const clusterRun = await finished((await startRun(hub.tokens.coordinator)).id);
    expect(proposalFor(clusterRun, inA).status).toBe('proposed');
    // A hub run is held at its saving phase while the cluster run is numbered after it: the hub run started first and finishes last.
    const blocker = new Client({ connectionString: api.db.ownerUrl });
    await blocker.connect();
    let released = false;
    try {
      await blocker.query('begin');
      await blocker.query('lock table matching_proposals in share mode');
      const hubRun = await startRun(hub.tokens.hubAdmin);
      await waitFor(
        async () =>
          (await api.ok<{ matchingRun: Run }>(RUN, { id: hubRun.id }, hub.tokens.hubAdmin)).matchingRun.phase === 'saving'
            ? true
            : undefined,
        'the hub run to reach saving',
      );
      // (A run's place in line is its identity number: the cluster run takes the next one, after the hub run's.)
      await withOwner((db) => db.query(`update matching_runs set seq = default where id = $1`, [clusterRun.id]));
      await blocker.query('commit');
      released = true;
      const late = await finished(hubRun.id);
      // Cluster A's request: the newer (cluster) run's proposal stays live, the late hub run's is superseded at once.
      expect(proposalFor(late, inA).status).toBe('superseded');
      const { matchingRun: newer } = await api.ok<{ matchingRun: Run }>(RUN, { id: clusterRun.id }, hub.tokens.coordinator);
      expect(proposalFor(newer, inA).status).toBe('proposed');
      // Cluster B's request was only looked at by the hub run: its proposal is live.
      expect(proposalFor(late, inB).status).toBe('proposed');
      const stale = await api.ok<{ acceptMatchingProposals: Decision }>(ACCEPT, { ids: [proposalFor(late, inA).id] }, hub.tokens.hubAdmin);
      expect(stale.acceptMatchingProposals.results[0]).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
      await api.ok(REJECT, { ids: [proposalFor(newer, inA).id, proposalFor(late, inB).id] }, hub.tokens.hubAdmin);
    } finally {
      if (!released) await blocker.query('rollback').catch(() => undefined);
      await blocker.end();
    }
  });
});
