import { AsyncLocalStorage } from 'node:async_hooks';
import type { Clock } from '@tandem/domain';
import { DataSource, EntityManager } from 'typeorm';
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
    const run = async (em: EntityManager): Promise<T> => {
      await em.query(
        `select set_config('app.tenant_id', $1, true), set_config('app.actor_user_id', $2, true), set_config('app.correlation_id', $3, true),
                set_config('app.now', $4, true)`,
        [scope.tenantId, scope.actorUserId ?? '', scope.correlationId ?? '', this.clock.now().toISOString()],
      );
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
