import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@tandem/test-support';
import { RequestTransaction, TenantContext, type TenantScope } from '../index';

/**
 * The one transaction of a read-only GraphQL request (issue 16), on a real PostgreSQL: every TenantDb
 * call of the request joins it once shared; a failed statement leaves the rest of the request to
 * transactions of their own; no more requests hold one than the pool can spare.
 */
describe('RequestTransaction', () => {
  let db: TestDatabase;
  let tenantId: string;

  beforeAll(async () => {
    db = await createTestDatabase({ poolSize: 3 });
    tenantId = (await db.systemDb.createTenant({ name: 'Hub', slug: `hub-${randomUUID().slice(0, 8)}` })).id;
  });
  afterAll(() => db?.drop());

  const scope = (tx?: RequestTransaction): TenantScope => ({
    tenantId,
    actorUserId: null,
    correlationId: "it's-1",
    requestTransaction: tx,
  });
  const txid = (): Promise<string> => db.tenantDb.transaction(async (em) => String((await em.query('select txid_current() as x'))[0].x));
  const tenantSetting = (): Promise<string> =>
    db.tenantDb.transaction(async (em) => String((await em.query(`select current_setting('app.tenant_id') as t`))[0].t));

  it('runs every call of a shared request in one transaction, with the tenant set; unshared calls each get their own', async () => {
    const tx = new RequestTransaction();
    const before = await TenantContext.run(scope(tx), () => Promise.all([txid(), txid()]));
    expect(before[0]).not.toBe(before[1]); // not shared yet (a mutation never is)
    tx.share();
    const shared = await TenantContext.run(scope(tx), () => Promise.all([txid(), txid(), txid()]));
    expect(new Set(shared).size).toBe(1);
    expect(await TenantContext.run(scope(tx), tenantSetting)).toBe(tenantId);
    // The settings go as escaped literals (one round trip): a quote in a value stays a quote.
    expect(
      await TenantContext.run(scope(tx), () =>
        db.tenantDb.transaction(async (em) => (await em.query(`select current_setting('app.correlation_id') as c`))[0].c),
      ),
    ).toBe("it's-1");
    await tx.close();
    await tx.close(); // idempotent
    // Closed: later calls (a stray promise) run in transactions of their own.
    expect(await TenantContext.run(scope(tx), txid)).not.toBe(shared[0]);
  });

  it('after a failed statement, the rest of the request runs in transactions of its own', async () => {
    const tx = new RequestTransaction();
    tx.share();
    await TenantContext.run(scope(tx), async () => {
      const first = await txid();
      await expect(db.tenantDb.transaction((em) => em.query('select 1/0'))).rejects.toThrow(/division by zero/);
      const after = await txid();
      expect(after).not.toBe(first);
      expect(await tenantSetting()).toBe(tenantId);
    });
    await tx.close(); // rolls the aborted one back and returns its connection
    expect(await TenantContext.run(scope(), txid)).toMatch(/^\d+$/);
  });

  it('lets no more requests hold a transaction than the pool can spare, so a holder can still get a second connection', async () => {
    // Pool of 3: one request transaction at a time, two connections always left.
    const first = new RequestTransaction();
    const second = new RequestTransaction();
    first.share();
    second.share();
    await TenantContext.run(scope(first), txid);
    let secondRan = false;
    const waiting = TenantContext.run(scope(second), () => txid().then(() => (secondRan = true)));
    // The holder still reaches PostgreSQL on other connections meanwhile (as the session check does).
    expect(await db.appDataSource.query('select 1 as one')).toEqual([{ one: 1 }]);
    expect(await db.appDataSource.query('select 2 as two')).toEqual([{ two: 2 }]);
    expect(secondRan).toBe(false);
    await first.close();
    await waiting;
    expect(secondRan).toBe(true);
    await second.close();
  });
});
