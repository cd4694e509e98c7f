import { AsyncLocalStorage } from 'node:async_hooks';
import { DomainError } from '@tandem/domain';

/**
 * Who is acting, for which tenant. Set once per request (API) or per job (worker) with
 * `TenantContext.run`; read with `TenantContext.current()`, which throws when unset so a
 * forgotten context fails loudly instead of querying without a tenant.
 */
export interface TenantScope {
  readonly tenantId: string;
  /** users.id of the actor, or null for system work (jobs, seeds). Written to the audit log. */
  readonly actorUserId: string | null;
  readonly correlationId?: string;
}

const storage = new AsyncLocalStorage<TenantScope>();

export const TenantContext = {
  run<T>(scope: TenantScope, fn: () => T): T {
    if (!scope.tenantId) throw new DomainError('TENANT_CONTEXT_MISSING', 'A tenant id is required');
    return storage.run(scope, fn);
  },
  current(): TenantScope {
    const scope = storage.getStore();
    if (!scope) throw new DomainError('TENANT_CONTEXT_MISSING', 'No tenant context: wrap the call in TenantContext.run');
    return scope;
  },
  tenantId(): string {
    return TenantContext.current().tenantId;
  },
  /** For code that legitimately runs both inside and outside a tenant (e.g. logging). */
  peek(): TenantScope | undefined {
    return storage.getStore();
  },
};
