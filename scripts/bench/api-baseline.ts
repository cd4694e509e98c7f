/**
 * The bare baseline of `npm run bench:api` (scripts/bench/api.ts starts it in its own process): Fastify
 * + pg and nothing else. Each request is one transaction on the app role (RLS on), the tenant set with
 * `set_config`, then the statements the API runs for the same operation, rows turned into the same
 * JSON the API answers. No auth, no GraphQL, no Nest: what the framework layers are measured against.
 *
 * It answers exactly the operations the bench sends (the request body's query text picks the handler);
 * the bench checks its answers equal the API's before it measures anything.
 *
 *   node -r ./scripts/register.js scripts/bench/api-baseline.ts   (env: DATABASE_URL, PORT, TENANT_ID, USER_ID, CLUSTER_ID)
 */
import { randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import { academicYearLabel, academicYearOf, BENCHMARKS, coveragePercentage, SystemClock } from '@tandem/domain';
import { Pool, type PoolClient } from 'pg';
import { BENCH_OPERATIONS, type BenchOperation } from './api-operations';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};
const tenantId = env('TENANT_ID');
const userId = env('USER_ID');
const clusterId = env('CLUSTER_ID');
/** Benchmarks run on the machine's clock, like the API in production. */
const clock = new SystemClock();
// The API's pool size (createDataSource's default for the app role).
const pool = new Pool({ connectionString: env('DATABASE_URL'), max: 10, application_name: 'tandem-bench-baseline' });

type Row = Record<string, unknown>;

/** One transaction with the tenant set, like TenantDb. */
async function inTenant<T>(fn: (c: PoolClient) => Promise<T>): Promise<T> {
  const c = await pool.connect();
  try {
    await c.query('begin');
    await c.query(
      `select set_config('app.tenant_id', $1, true), set_config('app.actor_user_id', $2, true), set_config('app.correlation_id', $3, true), set_config('app.now', $4, true)`,
      [tenantId, userId, randomUUID(), clock.now().toISOString()],
    );
    const out = await fn(c);
    await c.query('commit');
    return out;
  } catch (e) {
    await c.query('rollback');
    throw e;
  } finally {
    c.release();
  }
}

const rows = async (c: PoolClient, sql: string, params: unknown[] = []): Promise<Row[]> => (await c.query(sql, params)).rows as Row[];

async function schools(): Promise<unknown> {
  return inTenant(async (c) => {
    const page = await rows(
      c,
      `select id, name, urn, postcode, phase, cluster_id from schools where cluster_id = $1 and archived_at is null order by created_at desc, id desc limit 21`,
      [clusterId],
    );
    const [count] = await rows(c, `select count(1) as cnt from schools where cluster_id = $1 and archived_at is null`, [clusterId]);
    const nodes = page.slice(0, 20);
    const counts = await rows(c, PUPIL_COUNTS_SQL, [nodes.map((s) => s['id']), clock.today()]);
    const pupils = new Map<unknown, number>();
    for (const r of counts) pupils.set(r['school_id'], (pupils.get(r['school_id']) ?? 0) + Number(r['pupils']));
    return {
      schools: {
        totalCount: Number(count?.['cnt']),
        nodes: nodes.map((s) => ({
          id: s['id'],
          name: s['name'],
          urn: s['urn'],
          postcode: s['postcode'],
          phase: s['phase'],
          clusterId: s['cluster_id'],
          pupilCount: pupils.get(s['id']) ?? 0,
        })),
      },
    };
  });
}

/** What SchoolPupilCountsResolver.pupilCount runs (kept equal to the API's statement). */
export const PUPIL_COUNTS_SQL = `select p.school_id, count(*)::int as pupils
   from pupils p join ledger_pupils lp on lp.tenant_id = p.tenant_id and lp.pupil_id = p.id
  where p.school_id = any($1::uuid[])
    and p.erased_at is null and p.archived_at is null and (p.on_roll_to is null or p.on_roll_to >= cast($2 as date))
    and (ledger_academic_year(cast($2 as date)) - lp.entry_year + 7) between 7 and 13
  group by 1`;

async function offers(): Promise<unknown> {
  return inTenant(async (c) => {
    const page = await rows(
      c,
      `select id, employer_id, title, activity_type, format, year_groups from offers where archived_at is null order by created_at desc, id desc limit 21`,
    );
    const [count] = await rows(c, `select count(1) as cnt from offers where archived_at is null`);
    const nodes = page.slice(0, 20);
    const employerIds = [...new Set(nodes.map((o) => o['employer_id']))];
    const employers = new Map(
      (await rows(c, `select id, name from employers where id = any($1::uuid[])`, [employerIds])).map((e) => [e['id'], e]),
    );
    const sessions = await rows(
      c,
      `select id, offer_id, status, starts_at from offer_sessions where offer_id = any($1::uuid[]) order by starts_at asc, id asc`,
      [nodes.map((o) => o['id'])],
    );
    return {
      offers: {
        totalCount: Number(count?.['cnt']),
        nodes: nodes.map((o) => ({
          id: o['id'],
          title: o['title'],
          activityType: o['activity_type'],
          format: o['format'],
          yearGroups: o['year_groups'],
          employer: { name: employers.get(o['employer_id'])?.['name'] },
          sessions: sessions
            .filter((s) => s['offer_id'] === o['id'])
            .map((s) => ({ id: s['id'], status: s['status'], startsAt: (s['starts_at'] as Date).toISOString() })),
        })),
      },
    };
  });
}

interface Counters {
  pupils: number;
  met: number;
}
function figures(list: Row[]): Array<{ benchmark: number; met: number; pupils: number; percentage: number | null; gap: number }> {
  return BENCHMARKS.map((benchmark) => {
    const c: Counters = { pupils: 0, met: 0 };
    for (const r of list) {
      if (Number(r['benchmark']) !== benchmark) continue;
      c.pupils += Number(r['pupils']);
      c.met += Number(r['met']);
    }
    return { benchmark, met: c.met, pupils: c.pupils, percentage: coveragePercentage(c.met, c.pupils), gap: c.pupils - c.met };
  });
}

async function clusterCoverage(): Promise<unknown> {
  const academicYear = academicYearOf(clock.today());
  return inTenant(async (c) => {
    const [cluster] = await rows(c, `select id, name from clusters where id = $1`, [clusterId]);
    const counts = await rows(
      c,
      `with head as (select ledger_policy_id($1) as policy_id)
       select head.policy_id, c.* from head left join (
         select s.id as group_id, s.name as group_name, c.year_group, c.benchmark, sum(c.pupils)::int as pupils, sum(c.met)::int as met
           from ledger_school_counts c join schools s on s.tenant_id = c.tenant_id and s.id = c.school_id
          where c.tenant_id = $1 and c.academic_year = $2 and s.archived_at is null and s.cluster_id = $3
          group by 1, 2, c.year_group, c.benchmark) c on true`,
      [tenantId, academicYear, clusterId],
    );
    const [policy] = await rows(c, `select name from benchmark_policies where id = $1`, [counts[0]?.['policy_id']]);
    const [head] = await rows(
      c,
      `select count(*)::int as encounters, coalesce(sum(e.headcount), 0)::int as headcount
         from encounters e join schools s on s.tenant_id = e.tenant_id and s.id = e.school_id
        where e.tenant_id = $1 and e.headcount_only and e.status = 'delivered' and e.occurred_on between $2 and $3 and s.archived_at is null and s.cluster_id = $4`,
      [tenantId, `${academicYear}-09-01`, `${academicYear + 1}-08-31`, clusterId],
    );
    const data = counts.filter((r) => r['benchmark'] !== null);
    const groups = new Map<string, string>();
    for (const r of data) groups.set(r['group_id'] as string, r['group_name'] as string);
    return {
      clusterCoverage: {
        id: cluster?.['id'],
        name: cluster?.['name'],
        academicYearLabel: academicYearLabel(academicYear),
        policy: { name: policy?.['name'] },
        figures: figures(data),
        groups: [...groups.entries()]
          .sort(([ia, a], [ib, b]) => a.localeCompare(b, 'en-GB') || ia.localeCompare(ib))
          .map(([id, name]) => ({ id, name, figures: figures(data.filter((r) => r['group_id'] === id)) })),
        headcountOnly: { encounters: head?.['encounters'], headcount: head?.['headcount'] },
      },
    };
  });
}

async function createRequest(variables: Record<string, unknown>): Promise<unknown> {
  const input = variables['input'] as {
    schoolId: string;
    activityType: string;
    yearGroup: number;
    pupilCount: number;
    formats: string[];
    windows: Array<{ startsAt: string; endsAt: string }>;
  };
  return inTenant(async (c) => {
    const [school] = await rows(c, `select id, cluster_id from schools where id = $1`, [input.schoolId]);
    if (!school) throw new Error('no such school');
    const [request] = await rows(
      c,
      `insert into requests (tenant_id, school_id, activity_type, year_group, pupil_count, formats, created_by_user_id) values ($1, $2, $3, $4, $5, $6, $7) returning id, status`,
      [tenantId, input.schoolId, input.activityType, input.yearGroup, input.pupilCount, input.formats, userId],
    );
    for (const w of input.windows) {
      await c.query(`insert into request_windows (tenant_id, request_id, starts_at, ends_at) values ($1, $2, $3, $4)`, [
        tenantId,
        request?.['id'],
        w.startsAt,
        w.endsAt,
      ]);
    }
    await c.query(
      `insert into audit_log (tenant_id, actor_user_id, correlation_id, action, entity_type, entity_id, detail) values ($1, $2, null, 'request.created', 'request', $3, $4)`,
      [tenantId, userId, request?.['id'], { schoolId: input.schoolId }],
    );
    return { createRequest: { id: request?.['id'], status: request?.['status'] } };
  });
}

const HANDLERS: Record<BenchOperation['key'], (variables: Record<string, unknown>) => Promise<unknown>> = {
  schools,
  offers,
  coverage: clusterCoverage,
  createRequest,
};

async function main(): Promise<void> {
  const byQuery = new Map(BENCH_OPERATIONS.map((op) => [op.query, HANDLERS[op.key]]));
  const app = Fastify({ logger: false });
  app.post('/graphql', async (req, reply) => {
    const body = req.body as { query?: string; variables?: Record<string, unknown> };
    const handler = byQuery.get(body.query ?? '');
    if (!handler) return reply.code(400).send({ errors: [{ message: 'not a bench operation' }] });
    return reply
      .header('content-type', 'application/json; charset=utf-8')
      .send(`${JSON.stringify({ data: await handler(body.variables ?? {}) })}\n`); // Apollo ends its JSON with a newline
  });
  await app.listen({ port: Number(env('PORT')), host: '127.0.0.1' });
  process.on('message', (m: unknown) => {
    if (m === 'stop')
      void app
        .close()
        .then(() => pool.end())
        .then(() => process.exit(0));
  });
}

main().catch((e: unknown) => {
  console.error('bench baseline failed:', e instanceof Error ? e.stack : e);
  process.exit(1);
});
