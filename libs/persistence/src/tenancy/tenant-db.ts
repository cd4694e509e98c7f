import { AsyncLocalStorage } from 'node:async_hooks';
import type { Clock } from '@tandem/domain';
import { escapeLiteral } from 'pg';
import { DataSource, EntityManager, QueryFailedError, type QueryRunner } from 'typeorm';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel';
import { TenantContext } from './tenant-context';

interface ActiveTransaction {
  readonly dataSource: DataSource;
  readonly tenantId: string;
  readonly em: EntityManager;
  open: boolean;
}

const active = new AsyncLocalStorage<ActiveTransaction>();

export interface TenantTransactionOptions {
  isolation?: IsolationLevel;
}

/**
 * How many request transactions may hold a pooled connection at once: the pool's size less two. A
 * request holding its transaction may still need a second connection for a moment (the session check,
 * SystemDb look-ups of global rows); with two always left for those, requests wait their turn instead of
 * all holding one connection and waiting for another (a deadlock).
 */
/** The transaction's settings: tenant, actor, correlation id and the product's clock (`app_now()`). */
const SETTINGS = ['app.tenant_id', 'app.actor_user_id', 'app.correlation_id', 'app.now'] as const;
const SETTINGS_SQL = `select ${SETTINGS.map((name, i) => `set_config('${name}', $${i + 1}, true)`).join(', ')}`;

const slots = new WeakMap<DataSource, { free: number; waiting: Array<() => void> }>();
function slotsOf(dataSource: DataSource): { free: number; waiting: Array<() => void> } {
  let s = slots.get(dataSource);
  if (!s) {
    const poolSize = (dataSource.options as { poolSize?: number }).poolSize ?? 10;
    slots.set(dataSource, (s = { free: Math.max(1, poolSize - 2), waiting: [] }));
  }
  return s;
}

/**
 * Sibling resolvers query the shared connection at the same time; pg queues such queries but deprecates
 * it (pg 9 refuses): one at a time here, in the order they were asked for.
 */
function serialised(runner: QueryRunner): QueryRunner {
  const query = runner.query.bind(runner);
  let tail: Promise<unknown> = Promise.resolve();
  runner.query = ((...args: Parameters<QueryRunner['query']>) => {
    const next = tail.then(() => query(...args));
    tail = next.catch(() => undefined);
    return next;
  }) as QueryRunner['query'];
  return runner;
}

/**
 * One transaction for every resolver of a read-only GraphQL request (issue 16: a request of three
 * resolvers ran three transactions, each `begin`, `set_config`, its statement and `commit`; on two
 * cores the round trips, not the SQL, were most of the API's CPU). The API makes one per query request
 * (TenantContextInterceptor), TenantDb opens it on first use, the GraphQL plugin closes it (commit)
 * when the response is ready. Mutations never share: each keeps its own transaction, so a failed one
 * rolls back alone. A statement that fails aborts the shared transaction; the rest of that request then
 * runs in transactions of its own.
 */
export class RequestTransaction {
  private opening?: Promise<{ runner: QueryRunner; em: EntityManager; dataSource: DataSource; tenantId: string }>;
  private failed = false;
  private closed = false;
  private shared = false;

  /** From now on TenantDb runs this request's work in the one transaction (query requests only). */
  share(): void {
    this.shared = true;
  }

  /** The shared EntityManager, opening the transaction first if needed; null when this request may not share (any more). */
  async manager(dataSource: DataSource, tenantId: string, settings: readonly string[]): Promise<EntityManager | null> {
    if (!this.shared || this.failed || this.closed) return null;
    this.opening ??= this.open(dataSource, tenantId, settings);
    const open = await this.opening;
    if (open.dataSource !== dataSource || open.tenantId !== tenantId || this.failed || this.closed) return null;
    return open.em;
  }

  private async open(dataSource: DataSource, tenantId: string, settings: readonly string[]) {
    const s = slotsOf(dataSource);
    if (s.free > 0) s.free--;
    else await new Promise<void>((resolve) => s.waiting.push(resolve));
    const runner = serialised(dataSource.createQueryRunner());
    try {
      await runner.connect();
      // One round trip: TypeORM keeps its books of the transaction (so nothing run inside starts
      // another) while its START TRANSACTION is held back and sent with the settings, as one
      // simple-protocol query (which takes no parameters: the values go as escaped literals).
      const send = runner.query;
      runner.query = (async () => undefined) as unknown as QueryRunner['query'];
      try {
        await runner.startTransaction();
      } finally {
        runner.query = send;
      }
      await runner.query(
        `START TRANSACTION; select ${SETTINGS.map((name, i) => `set_config('${name}', ${escapeLiteral(settings[i] ?? '')}, true)`).join(', ')}`,
      );
    } catch (e) {
      this.failed = true;
      await this.release(runner, dataSource);
      throw e;
    }
    return { runner, em: runner.manager, dataSource, tenantId };
  }

  /** A statement failed: the transaction is aborted, later work of this request runs on its own. */
  markFailed(): void {
    this.failed = true;
  }

  /** Commits (rolls back after a failure) and returns the connection. Idempotent. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (!this.opening) return;
    let open: Awaited<NonNullable<typeof this.opening>>;
    try {
      open = await this.opening;
    } catch {
      return; // opening failed and already released
    }
    try {
      if (this.failed) await open.runner.rollbackTransaction();
      else await open.runner.commitTransaction();
    } finally {
      await this.release(open.runner, open.dataSource);
    }
  }

  private async release(runner: QueryRunner, dataSource: DataSource): Promise<void> {
    try {
      await runner.release();
    } finally {
      const s = slotsOf(dataSource);
      const next = s.waiting.shift();
      if (next) next();
      else s.free++;
    }
  }
}

/**
 * The only way to tenant data. `transaction(fn)` reads the TenantContext (throws
 * TENANT_CONTEXT_MISSING without one), opens a transaction on the app-role DataSource, sets
 * `app.tenant_id` / `app.actor_user_id` / `app.correlation_id` and `app.now` (the product's clock,
 * read by `app_now()` in defaults, triggers and the ledger) for that transaction only
 * (`set_config(…, true)`, so pooled connections never leak a tenant), and runs `fn`.
 *
 * A nested `transaction` call in the same async context joins the open transaction (same
 * EntityManager); it refuses to join when the context names another tenant.
 */
export class TenantDb {
  constructor(
    readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async transaction<T>(fn: (em: EntityManager) => Promise<T>, options: TenantTransactionOptions = {}): Promise<T> {
    const scope = TenantContext.current();
    const open = active.getStore();
    if (open && open.open && open.dataSource === this.dataSource) {
      if (open.tenantId !== scope.tenantId) {
        throw new Error(`TenantDb: cannot join a transaction for tenant ${open.tenantId} from tenant ${scope.tenantId}`);
      }
      return fn(open.em);
    }
    const settings = [scope.tenantId, scope.actorUserId ?? '', scope.correlationId ?? '', this.clock.now().toISOString()];
    const configure = (em: EntityManager): Promise<void> => em.query(SETTINGS_SQL, settings);
    const shared = options.isolation ? null : await scope.requestTransaction?.manager(this.dataSource, scope.tenantId, settings);
    if (shared) {
      const state: ActiveTransaction = { dataSource: this.dataSource, tenantId: scope.tenantId, em: shared, open: true };
      try {
        return await active.run(state, () => fn(shared));
      } catch (e) {
        if (e instanceof QueryFailedError) scope.requestTransaction?.markFailed();
        throw e;
      } finally {
        state.open = false;
      }
    }
    const run = async (em: EntityManager): Promise<T> => {
      await configure(em);
      const state: ActiveTransaction = { dataSource: this.dataSource, tenantId: scope.tenantId, em, open: true };
      try {
        return await active.run(state, () => fn(em));
      } finally {
        // Work that outlives the transaction (a stray un-awaited promise) must not reuse it.
        state.open = false;
      }
    };
    return options.isolation ? this.dataSource.transaction(options.isolation, run) : this.dataSource.transaction(run);
  }

  /** The EntityManager of the transaction open in this async context, if any (for helpers). */
  static currentManager(): EntityManager | undefined {
    const open = active.getStore();
    return open?.open ? open.em : undefined;
  }
}
