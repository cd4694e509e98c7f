/**
 * The tenant-isolation matrix (issue 2): every query and mutation of the live schema, called by
 * each role of tenant B with tenant A's ids in every ID argument (and every ID field of every input
 * object), finds nothing of A and changes nothing of A. The schema is read from the running API,
 * so a resolver added later is covered without touching this file.
 *
 * Tenant A is the demo hub (rich: every core table has rows); tenant B is the test hub fixture.
 */
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { createHubFixture, startTestApi, type HubFixture, type TestApi } from '@tandem/api-testing';
import { seedDemoHub, type DemoSeedResult } from '@tandem/features';
import { TENANT_TABLES } from '@tandem/persistence';
import {
  getNamedType,
  GraphQLEnumType,
  GraphQLInputObjectType,
  GraphQLObjectType,
  GraphQLScalarType,
  isLeafType,
  isListType,
  isNonNullType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLOutputType,
} from 'graphql';
import { Client } from 'pg';

let api: TestApi;
let tenantA: DemoSeedResult;
let hubB: HubFixture;
let owner: Client;
/** One id of tenant A per table that has rows (a sample of every kind of record). */
let idsOfA: Array<{ table: string; id: string }>;

beforeAll(async () => {
  api = await startTestApi();
  tenantA = await seedDemoHub(api.db.appDataSource, {
    clock: api.clock,
    referenceDate: '2026-11-25',
    slug: 'tenant-a',
    schools: 4,
    pupilsPerYearGroup: 5,
    employers: 6,
    requests: 6,
  });
  hubB = await createHubFixture(api, 'tenant-b');
  owner = new Client({ connectionString: api.db.ownerUrl });
  await owner.connect();
  idsOfA = [];
  const { rows: withUuidIds } = await owner.query<{ table_name: string }>(
    `select table_name from information_schema.columns where table_schema = 'public' and column_name = 'id' and data_type = 'uuid'`,
  );
  const probed = new Set(withUuidIds.map((r) => r.table_name));
  for (const table of TENANT_TABLES.filter((t) => probed.has(t))) {
    const { rows } = await owner.query(`select id::text as id from ${table} where tenant_id = $1 order by created_at, id limit 1`, [
      tenantA.tenantId,
    ]);
    if (rows[0]) idsOfA.push({ table, id: rows[0].id as string });
  }
  idsOfA.push({ table: 'tenants', id: tenantA.tenantId });
}, 120_000);

afterAll(async () => {
  await owner?.end();
  await api?.close();
});

/** A fingerprint of everything tenant A holds (read as the owner role, which bypasses RLS). */
async function fingerprintOfA(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of [...TENANT_TABLES, 'tenants']) {
    const column = table === 'tenants' ? 'id' : 'tenant_id';
    const { rows } = await owner.query(
      `select count(*)::int as n, coalesce(md5(string_agg(t::text, '|' order by t::text)), '') as h from ${table} t where ${column} = $1`,
      [tenantA.tenantId],
    );
    out[table] = `${rows[0].n}:${rows[0].h}`;
  }
  return out;
}

// ── building calls from the schema ──────────────────────────────────────────

const SCALAR_SAMPLES: Record<string, unknown> = {
  String: 'isolation probe',
  Int: 1,
  Float: 1,
  Boolean: false,
  CalendarDate: '2026-12-01',
  DateTime: '2026-12-01T10:00:00.000Z',
};

/** A value for an input type: `id` for every ID, a plausible sample for everything else required. */
function sampleInput(type: GraphQLInputType, id: string, depth = 0): unknown {
  if (isNonNullType(type)) return sampleInput(type.ofType, id, depth);
  if (isListType(type)) return [sampleInput(type.ofType, id, depth)];
  if (type instanceof GraphQLScalarType) return type.name === 'ID' ? id : (SCALAR_SAMPLES[type.name] ?? 'isolation probe');
  if (type instanceof GraphQLEnumType) return type.getValues()[0]?.name; // variables carry the enum's wire name
  if (type instanceof GraphQLInputObjectType) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      const named = getNamedType(field.type);
      const isId = named instanceof GraphQLScalarType && named.name === 'ID';
      if ((isNonNullType(field.type) || isId) && depth < 4) value[field.name] = sampleInput(field.type, id, depth + 1);
    }
    return value;
  }
  return null;
}

/** A selection set of scalar fields (and one level of nested objects) so every id in the answer shows. */
function selection(type: GraphQLOutputType, depth = 0): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return '';
  if (!(named instanceof GraphQLObjectType) || depth > 2) return '{ __typename }';
  const parts: string[] = ['__typename'];
  for (const field of Object.values(named.getFields())) {
    if (field.args.some((a) => isNonNullType(a.type))) continue;
    const inner = getNamedType(field.type);
    if (isLeafType(inner)) parts.push(field.name);
    else if (depth < 2) parts.push(`${field.name} ${selection(field.type, depth + 1)}`);
  }
  return `{ ${parts.join(' ')} }`;
}

function hasIdArgument(args: readonly GraphQLArgument[]): boolean {
  const seen = new Set<GraphQLInputType>();
  const walk = (type: GraphQLInputType): boolean => {
    const named = getNamedType(type);
    if (named instanceof GraphQLScalarType) return named.name === 'ID';
    if (named instanceof GraphQLInputObjectType) {
      if (seen.has(named)) return false;
      seen.add(named);
      return Object.values(named.getFields()).some((f) => walk(f.type));
    }
    return false;
  };
  return args.some((a) => walk(a.type));
}

interface Call {
  operation: 'query' | 'mutation';
  field: string;
  document: string;
  variables: Record<string, unknown>;
}

function callsFor(operation: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): Call[] {
  const varDefs = field.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const argUse = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const document = `${operation}${varDefs ? `(${varDefs})` : ''} { ${field.name}${argUse ? `(${argUse})` : ''} ${selection(field.type)} }`;
  const ids = hasIdArgument(field.args) ? idsOfA.map((x) => x.id) : ['00000000-0000-4000-8000-000000000000'];
  return ids.map((id) => ({
    operation,
    field: field.name,
    document,
    // Required arguments and anything carrying an id; optional knobs (first, after, search…) keep their defaults.
    variables: Object.fromEntries(
      field.args.filter((a) => isNonNullType(a.type) || hasIdArgument([a])).map((a) => [a.name, sampleInput(a.type, id)]),
    ),
  }));
}

function allCalls(): Call[] {
  const schema = api.app.get(GraphQLSchemaHost).schema;
  const calls: Call[] = [];
  for (const [operation, root] of [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
  ] as const) {
    for (const field of Object.values(root?.getFields() ?? {})) calls.push(...callsFor(operation, field));
  }
  return calls;
}

// ── the matrix ──────────────────────────────────────────────────────────────

// …and a platform admin who has not chosen a hub: tenant data must answer "choose a hub", not fail.
const ROLES_OF_B = ['hubAdmin', 'coordinator', 'schoolStaff', 'employerContact', 'platformAdmin'] as const;

it('finds nothing of tenant A, changes nothing of tenant A and never fails internally, for every operation and every role of tenant B', async () => {
  const before = await fingerprintOfA();
  const calls = allCalls();
  expect(calls.length).toBeGreaterThan(50);
  const idsOfTenantA = new Set([...idsOfA.map((x) => x.id)]);
  const leaks: string[] = [];
  let serverErrors = 0;
  // INTERNAL means a bug (an unexpected exception), never an answer to something a user can send.
  const internalErrors: string[] = [];
  for (const role of ROLES_OF_B) {
    for (const call of calls) {
      const res = await api.gql(call.document, call.variables, hubB.tokens[role]);
      if (res.status >= 500) serverErrors += 1;
      if (res.errors?.some((e) => e.extensions?.code === 'INTERNAL')) internalErrors.push(`${role} ${call.operation} ${call.field}`);
      const body = JSON.stringify({ data: res.data, errors: res.errors?.map((e) => ({ message: e.message, extensions: e.extensions })) });
      // Error messages may not echo an id either: a probe must learn nothing, not even "exists elsewhere".
      // (A platform admin runs the platform: the directory of hubs is theirs to see, nothing inside them.)
      for (const id of idsOfTenantA)
        if (body.includes(id) && !(role === 'platformAdmin' && id === tenantA.tenantId))
          leaks.push(`${role} ${call.operation} ${call.field}: answer contains ${id}`);
    }
  }
  expect(leaks).toEqual([]);
  expect([...new Set(internalErrors)]).toEqual([]);
  expect(serverErrors).toBe(0);
  expect(await fingerprintOfA()).toEqual(before);
  // A hang guard, not a speed limit: the matrix takes about 7 minutes at load 12 and over 10 at load 20.
}, 1_800_000);

it('covers every operation of the schema (the matrix grows with the API)', () => {
  const schema = api.app.get(GraphQLSchemaHost).schema;
  const names = [...Object.keys(schema.getQueryType()?.getFields() ?? {}), ...Object.keys(schema.getMutationType()?.getFields() ?? {})];
  const called = new Set(allCalls().map((c) => c.field));
  expect(names.filter((n) => !called.has(n))).toEqual([]);
  // Tenant A really has rows in the core tables the probes aim at.
  expect(idsOfA.map((x) => x.table)).toEqual(
    expect.arrayContaining(['clusters', 'schools', 'pupils', 'employers', 'offers', 'offer_sessions', 'requests', 'memberships']),
  );
});

it('sees tenant A through its own hub admin, so the probes above are aimed at real rows', async () => {
  const ownAdmin = await api.db.systemDb.findUserByEmail(tenantA.logins.find((l) => l.role === 'hub_admin')?.email ?? '');
  const memberships = await api.db.systemDb.membershipsForUser(ownAdmin?.id ?? '');
  const token = api.tokenFor(
    await api.startSession({
      userId: ownAdmin?.id ?? '',
      tenantId: tenantA.tenantId,
      membershipId: memberships[0].membershipId,
      role: 'hub_admin',
    }),
  );
  const employerId = idsOfA.find((x) => x.table === 'employers')?.id;
  const res = await api.ok<{ employer: { id: string } }>('query($id: ID!) { employer(id: $id) { id } }', { id: employerId }, token);
  expect(res.employer.id).toBe(employerId);
});
