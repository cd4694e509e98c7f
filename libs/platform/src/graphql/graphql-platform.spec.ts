import 'reflect-metadata';
import { Global, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NestFactory } from '@nestjs/core';
import { Args, Context, Field, ID, Int, ObjectType, Parent, Query, registerEnumType, ResolveField, Resolver } from '@nestjs/graphql';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DomainError, ManualClock, pageSize } from '@tandem/domain';
import { TenantContext } from '@tandem/persistence';
import { setTimeout as sleep } from 'node:timers/promises';
import { CurrentPrincipal, Public, Roles } from '../auth/decorators';
import type { Principal } from '../auth/principal';
import { TokenService } from '../auth/token.service';
import { AppConfig } from '../config/app-config';
import { ConfigModule } from '../config/config.module';
import { ClockModule } from '../clock/clock.module';
import type { ErrorLog } from '../errors/format-graphql-error';
import { CalendarDateScalar } from './calendar-date.scalar';
import type { GraphQLContext } from './context';
import { GraphQLPlatformModule } from './graphql-platform.module';
import { byKeys } from './loader-registry';
import { decodeOpaqueCursor, encodeOpaqueCursor, PageArgs, Paginated, toConnection } from './pagination';

enum Colour {
  RED = 'RED',
  GREEN = 'GREEN',
}
registerEnumType(Colour, { name: 'Colour' });

@ObjectType()
class Owner {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
}

@ObjectType()
class Item {
  @Field(() => ID) id!: string;
  ownerId!: string;
}

@ObjectType()
class ItemConnection extends Paginated(Item) {}

@ObjectType()
class Whoami {
  @Field(() => ID) userId!: string;
  @Field(() => ID, { nullable: true }) tenantId!: string | null;
  @Field(() => String) correlationId!: string;
}

@ObjectType()
class Level {
  @Field(() => Int) n!: number;
  @Field(() => Level, { nullable: true }) next?: Level;
}

const TENANT = '11111111-1111-4111-8111-111111111111';
const OTHER_TENANT = '22222222-2222-4222-8222-222222222222';
const batches: string[][] = [];

@Resolver(() => Whoami)
class WhoamiResolver {
  @Public()
  @Query(() => String)
  ping(): string {
    return 'pong';
  }

  @Query(() => Whoami)
  whoami(@CurrentPrincipal() p: Principal, @Context() ctx: GraphQLContext): Whoami {
    return { userId: p.userId, tenantId: ctx.principal?.tenantId ?? null, correlationId: ctx.correlationId };
  }

  /** Reads the tenant context after awaits (timers, microtasks). */
  @Query(() => String)
  async tenantAfterAwait(): Promise<string> {
    await sleep(5);
    await Promise.resolve();
    await new Promise((r) => setImmediate(r));
    return TenantContext.current().tenantId;
  }

  @ResolveField(() => String)
  async tenantInField(@Parent() _w: Whoami): Promise<string> {
    await sleep(1);
    return TenantContext.current().tenantId;
  }

  @Roles('hub_admin')
  @Query(() => String)
  adminOnly(): string {
    return 'secret';
  }

  @Query(() => String)
  domainFail(): string {
    throw DomainError.invalid('urn', 'INVALID_URN', 'urn must be 6 digits (got "12345")');
  }

  @Query(() => String)
  async boom(): Promise<string> {
    await sleep(1);
    throw new Error('password authentication failed for user "tandem_app" at /srv/db.ts:12');
  }

  @Query(() => String)
  colour(@Args('c', { type: () => Colour }) c: Colour): string {
    return c;
  }

  @Query(() => Int)
  double(@Args('n', { type: () => Int }) n: number): number {
    return n * 2;
  }

  @Query(() => CalendarDateScalar)
  nextDay(@Args('on', { type: () => CalendarDateScalar }) on: string): string {
    const d = new Date(on + 'T00:00:00Z');
    d.setUTCDate(d.getUTCDate() + 1);
    return d.toISOString().slice(0, 10);
  }

  @Query(() => Level)
  levels(): Level {
    let level: Level = { n: 20 };
    for (let n = 19; n >= 1; n--) level = { n, next: level };
    return level;
  }

  @Query(() => ItemConnection)
  items(@Args() page: PageArgs): ItemConnection {
    const all = Array.from({ length: 5 }, (_v, i) => ({ id: `i${i}`, ownerId: `o${i % 2}` }));
    const first = pageSize(page.first);
    const start = page.after ? decodeOpaqueCursor(page.after, (v): v is number => Number.isInteger(v)) + 1 : 0;
    return toConnection(all.slice(start, start + first + 1), first, (r) => encodeOpaqueCursor(Number(r.id.slice(1))), all.length);
  }
}

@ObjectType()
class Greeting {
  @Field(() => String) text!: string;
}

@Resolver(() => Greeting)
class GreetingResolver {
  @Public()
  @Query(() => Greeting)
  greeting(): Greeting {
    return { text: 'hello' };
  }

  /** A field resolver under a public root (like AuthPayload.me under login) needs no token. */
  @ResolveField(() => String)
  shout(@Parent() g: Greeting): string {
    return g.text.toUpperCase();
  }

  @Roles('hub_admin')
  @ResolveField(() => String)
  secretNote(): string {
    return 'for hub admins';
  }
}

@Resolver(() => Item)
class ItemResolver {
  @ResolveField(() => Owner)
  owner(@Parent() item: Item, @Context() ctx: GraphQLContext): Promise<Owner | null> {
    const tenant = TenantContext.current().tenantId;
    return ctx.loaders
      .get('ownerById', async (ids: readonly string[]) => {
        batches.push([...ids, TenantContext.current().tenantId === tenant ? 'in-tenant' : 'no-tenant']);
        return byKeys(
          ids,
          ids.map((id) => ({ id, name: `Owner ${id}` })),
          (o) => o.id,
        );
      })
      .load(item.ownerId);
  }
}

const errorLog: { level: string; msg: string; fields: Record<string, unknown> }[] = [];
const log: ErrorLog = { write: (level, msg, fields) => errorLog.push({ level, msg, fields }) };

/**
 * No database here: this spec is about the GraphQL plumbing. Every session it signs is live (the
 * session check itself is proven on PostgreSQL in apps/api/test/revocation.int-spec.ts).
 */
@Global()
@Module({ providers: [{ provide: DataSource, useValue: { query: async () => [{ live: 1 }] } }], exports: [DataSource] })
class EverySessionLiveModule {}

@Module({
  imports: [
    EverySessionLiveModule,
    ConfigModule.forConfig(AppConfig.fromEnv({ ACCESS_TOKEN_KEYS: 'spec:graphql-platform-spec-key-123' })),
    ClockModule.forClock(new ManualClock('2026-11-17T10:00:00Z')),
    GraphQLPlatformModule.forRoot({ errorLog: log }),
  ],
  providers: [WhoamiResolver, ItemResolver, GreetingResolver],
})
class TestAppModule {}

describe('GraphQL platform (Nest + Fastify + Apollo, over HTTP)', () => {
  let app: NestFastifyApplication;
  let tokens: TokenService;
  const SESSION = '00000000-0000-4000-8000-00000000000a';
  const coordinator: Principal = {
    userId: '00000000-0000-4000-8000-000000000001',
    tenantId: TENANT,
    membershipId: 'm1',
    role: 'coordinator',
    clusterId: 'c1',
    sessionId: SESSION,
  };
  const hubAdmin: Principal = {
    userId: '00000000-0000-4000-8000-000000000002',
    tenantId: TENANT,
    membershipId: 'm2',
    role: 'hub_admin',
    sessionId: SESSION,
  };
  const platformAdmin: Principal = {
    userId: '00000000-0000-4000-8000-000000000003',
    tenantId: null,
    membershipId: null,
    role: 'platform_admin',
    sessionId: SESSION,
  };

  beforeAll(async () => {
    app = await NestFactory.create<NestFastifyApplication>(TestAppModule, new FastifyAdapter(), { logger: false });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    tokens = app.get(TokenService);
  });
  afterAll(() => app?.close());

  const gql = async (
    query: string,
    opts: { as?: Principal; variables?: Record<string, unknown>; headers?: Record<string, string> } = {},
  ) => {
    const headers: Record<string, string> = { 'content-type': 'application/json', ...opts.headers };
    if (opts.as) headers['authorization'] = `Bearer ${tokens.signAccessToken({ ...opts.as, sessionId: SESSION }).token}`;
    const res = await app.inject({
      method: 'POST',
      url: '/graphql',
      headers,
      payload: JSON.stringify({ query, variables: opts.variables }),
    });
    return {
      status: res.statusCode,
      headers: res.headers,
      body: res.json() as { data?: Record<string, unknown> | null; errors?: { message: string; extensions: Record<string, unknown> }[] },
    };
  };

  it('answers more than 50 variable-coercion errors with BAD_REQUEST, not INTERNAL, even anonymously (issue 14, finding 5)', async () => {
    const { status, body } = await gql('query($xs: [Int!]!) { ping }', {
      variables: { xs: Array.from({ length: 60 }, () => 'not a number') },
    });
    expect(status).toBeLessThan(500);
    expect(body.errors?.map((e) => e.extensions['code'])).not.toContain('INTERNAL');
    expect(body.errors?.[0]?.extensions['code']).toBe('BAD_REQUEST');
  });

  it('serves @Public() queries without a token', async () => {
    expect((await gql('{ ping }')).body).toEqual({ data: { ping: 'pong' } });
  });

  it('runs field resolvers under a public root without a token, but enforces @Roles on a field', async () => {
    expect((await gql('{ greeting { text shout } }')).body).toEqual({ data: { greeting: { text: 'hello', shout: 'HELLO' } } });
    const anon = await gql('{ greeting { secretNote } }');
    expect(anon.body.errors?.[0].extensions).toEqual({ code: 'UNAUTHENTICATED' });
    const coord = await gql('{ greeting { secretNote } }', { as: coordinator });
    expect(coord.body.errors?.[0].extensions).toEqual({ code: 'FORBIDDEN' });
    expect((await gql('{ greeting { secretNote } }', { as: hubAdmin })).body.data).toEqual({ greeting: { secretNote: 'for hub admins' } });
  });

  it('needs a token elsewhere: UNAUTHENTICATED', async () => {
    const { body } = await gql('{ whoami { userId } }');
    expect(body.errors?.[0].extensions).toEqual({ code: 'UNAUTHENTICATED' });
    const bad = await gql('{ whoami { userId } }', { headers: { authorization: 'Bearer not.a.jwt' } });
    expect(bad.body.errors?.[0].extensions['code']).toBe('UNAUTHENTICATED');
  });

  it('gives the principal and correlation id to resolvers and echoes the id', async () => {
    const { body, headers } = await gql('{ whoami { userId tenantId correlationId } }', {
      as: coordinator,
      headers: { 'x-correlation-id': 'req-42' },
    });
    expect(body.data).toEqual({ whoami: { userId: coordinator.userId, tenantId: TENANT, correlationId: 'req-42' } });
    expect(headers['x-correlation-id']).toBe('req-42');
  });

  it('refuses the wrong role with FORBIDDEN and a clear message', async () => {
    const { body } = await gql('{ adminOnly }', { as: coordinator });
    expect(body.errors?.[0]).toMatchObject({
      message: 'This needs the role hub admin (you are coordinator)',
      extensions: { code: 'FORBIDDEN' },
    });
    expect((await gql('{ adminOnly }', { as: hubAdmin })).body.data).toEqual({ adminOnly: 'secret' });
  });

  it('maps a DomainError to code and field', async () => {
    const { body } = await gql('{ domainFail }', { as: coordinator });
    expect(body.errors?.[0]).toEqual({
      message: 'urn must be 6 digits (got "12345")',
      locations: [{ line: 1, column: 3 }],
      path: ['domainFail'],
      extensions: { code: 'INVALID_URN', field: 'urn' },
    });
  });

  it('turns a plain Error into INTERNAL with the correlation id, logged, with no stack or detail', async () => {
    errorLog.length = 0;
    const { body, status } = await gql('{ boom }', { as: coordinator, headers: { 'x-correlation-id': 'corr-boom' } });
    expect(status).toBe(200);
    expect(body.errors?.[0].message).toBe('Something went wrong (ref corr-boom)');
    expect(body.errors?.[0].extensions).toEqual({ code: 'INTERNAL', correlationId: 'corr-boom' });
    expect(JSON.stringify(body)).not.toMatch(/password|srv|stack|tandem_app/);
    expect(errorLog).toHaveLength(1);
    expect(errorLog[0].fields['correlationId']).toBe('corr-boom');
    expect(String((errorLog[0].fields['err'] as Error).stack)).toContain('password authentication failed');
  });

  it('runs async resolvers and field resolvers inside the tenant context', async () => {
    const { body } = await gql('{ tenantAfterAwait whoami { tenantInField } }', { as: coordinator });
    expect(body).toEqual({ data: { tenantAfterAwait: TENANT, whoami: { tenantInField: TENANT } } });
  });

  it('refuses tenant data to a platform admin outside a tenant (FORBIDDEN: choose a hub); x-tenant-id sets it (platform admins only)', async () => {
    const outside = await gql('{ tenantAfterAwait }', { as: platformAdmin });
    expect(outside.body.errors?.[0].extensions['code']).toBe('FORBIDDEN'); // "choose a hub first", not an internal error
    const inside = await gql('{ tenantAfterAwait }', { as: platformAdmin, headers: { 'x-tenant-id': OTHER_TENANT } });
    expect(inside.body.data).toEqual({ tenantAfterAwait: OTHER_TENANT });
    const ignored = await gql('{ tenantAfterAwait }', { as: coordinator, headers: { 'x-tenant-id': OTHER_TENANT } });
    expect(ignored.body.data).toEqual({ tenantAfterAwait: TENANT });
    const bad = await gql('{ tenantAfterAwait }', { as: platformAdmin, headers: { 'x-tenant-id': 'nope' } });
    expect(bad.body.errors?.[0].extensions).toEqual({ code: 'VALIDATION_FAILED', field: 'x-tenant-id' });
  });

  it('keeps tenants apart under concurrent requests', async () => {
    const admin = (t: string) => gql('{ tenantAfterAwait }', { as: platformAdmin, headers: { 'x-tenant-id': t } });
    const results = await Promise.all(Array.from({ length: 20 }, (_v, i) => admin(i % 2 ? TENANT : OTHER_TENANT)));
    results.forEach((r, i) => expect(r.body.data).toEqual({ tenantAfterAwait: i % 2 ? TENANT : OTHER_TENANT }));
  });

  it('limits query depth to 10', async () => {
    const nested = (depth: number) => '{ levels ' + '{ next '.repeat(depth - 2) + '{ n }' + ' }'.repeat(depth - 2) + ' }';
    expect((await gql(nested(10), { as: coordinator })).body.data).toBeTruthy();
    const { body, status } = await gql(nested(11), { as: coordinator });
    expect(status).toBe(400);
    expect(body.errors?.[0]).toMatchObject({
      message: 'Query depth limit of 10 exceeded, found 11.',
      extensions: { code: 'QUERY_TOO_COMPLEX' },
    });
  });

  it('rejects a wrong enum value or scalar type in variables with BAD_REQUEST and the variable', async () => {
    const e = await gql('query ($c: Colour!) { colour(c: $c) }', { as: coordinator, variables: { c: 'PURPLE' } });
    expect(e.body.errors?.[0].message).toMatch(/Variable "\$c" got invalid value "PURPLE"; Value "PURPLE" does not exist in "Colour" enum/);
    expect(e.body.errors?.[0].extensions).toEqual({ code: 'BAD_REQUEST', field: 'c' });
    const n = await gql('query ($n: Int!) { double(n: $n) }', { as: coordinator, variables: { n: 'two' } });
    expect(n.body.errors?.[0].message).toMatch(/Int cannot represent non-integer value: "two"/);
    expect(n.body.errors?.[0].extensions).toEqual({ code: 'BAD_REQUEST', field: 'n' });
    expect(JSON.stringify(n.body)).not.toMatch(/stacktrace|exception/);
  });

  it('rejects unknown fields and bad literals with BAD_REQUEST, without auth details leaking', async () => {
    const unknown = await gql('{ nope }', { as: coordinator });
    expect(unknown.body.errors?.[0]).toMatchObject({
      message: 'Cannot query field "nope" on type "Query".',
      extensions: { code: 'BAD_REQUEST' },
    });
    const literal = await gql('{ colour(c: PURPLE) }', { as: coordinator });
    expect(literal.body.errors?.[0].extensions['code']).toBe('BAD_REQUEST');
    const syntax = await gql('{ whoami { ', { as: coordinator });
    expect(syntax.body.errors?.[0].extensions['code']).toBe('BAD_REQUEST');
  });

  it('CalendarDate: valid dates round-trip; an impossible date gets INVALID_DATE naming the variable', async () => {
    expect((await gql('{ nextDay(on: "2024-02-28") }', { as: coordinator })).body.data).toEqual({ nextDay: '2024-02-29' });
    const bad = await gql('query ($on: CalendarDate!) { nextDay(on: $on) }', { as: coordinator, variables: { on: '2025-02-30' } });
    expect(bad.body.errors?.[0].extensions).toEqual({ code: 'INVALID_DATE', field: 'on' });
    expect(bad.body.errors?.[0].message).toMatch(/\$on.*YYYY-MM-DD.*2025-02-30/);
    const literal = await gql('{ nextDay(on: "tomorrow") }', { as: coordinator });
    expect(literal.body.errors?.[0].extensions['code']).toBe('INVALID_DATE');
  });

  it('paginates with opaque cursors and batches field loaders per request, in the tenant', async () => {
    batches.length = 0;
    const q =
      'query ($after: String) { items(first: 2, after: $after) { totalCount nodes { id owner { name } } edges { cursor } pageInfo { hasNextPage endCursor } } }';
    const page1 = await gql(q, { as: coordinator });
    const items1 = page1.body.data?.['items'] as {
      nodes: { id: string; owner: { name: string } }[];
      pageInfo: { hasNextPage: boolean; endCursor: string };
    };
    expect(items1).toMatchObject({
      totalCount: 5,
      nodes: [
        { id: 'i0', owner: { name: 'Owner o0' } },
        { id: 'i1', owner: { name: 'Owner o1' } },
      ],
      pageInfo: { hasNextPage: true },
    });
    expect(batches).toEqual([['o0', 'o1', 'in-tenant']]);
    const page3 = await gql(q, { as: coordinator, variables: { after: encodeOpaqueCursor(3) } });
    expect(page3.body.data?.['items']).toMatchObject({ nodes: [{ id: 'i4' }], pageInfo: { hasNextPage: false } });
    const bad = await gql(q, { as: coordinator, variables: { after: 'garbage!' } });
    expect(bad.body.errors?.[0].extensions).toEqual({ code: 'INVALID_CURSOR', field: 'after' });
  });

  it('exposes DateTime-free schema basics via introspection outside production', async () => {
    const { body } = await gql('{ __type(name: "ItemConnection") { fields { name } } }');
    expect((body.data?.['__type'] as { fields: { name: string }[] }).fields.map((f) => f.name).sort()).toEqual([
      'edges',
      'nodes',
      'pageInfo',
      'totalCount',
    ]);
  });

  it('keeps CSRF prevention on (GET without a preflight header is refused)', async () => {
    const res = await app.inject({ method: 'GET', url: '/graphql?query=%7Bping%7D' });
    expect(res.statusCode).toBe(400);
  });
});
