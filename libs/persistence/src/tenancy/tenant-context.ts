import { AsyncLocalStorage } from 'node:async_hooks';
import { DomainError } from '@tandem/domain';
import type { RequestTransaction } from './tenant-db';

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
  /** What this request may still read of audited personal data (AuditLog counts it down); none = uncapped (jobs). */
  readonly readBudget?: ReadBudget;
  /**
   * Shared by every resolver of one read-only GraphQL request: TenantDb runs them all in this one
   * transaction (opened on first use) instead of one transaction each. None for mutations and jobs.
   */
  readonly requestTransaction?: RequestTransaction;
}

/** Shared by every resolver of one request (aliases run as siblings, each in its own scope). */
export interface ReadBudget {
  remaining: number;
}

/** A stretch of work that legitimately has no tenant (a platform admin who has not chosen a hub). */
interface NoTenant {
  readonly refusal: DomainError;
}

const storage = new AsyncLocalStorage<TenantScope | NoTenant>();
const isRefusal = (store: TenantScope | NoTenant): store is NoTenant => 'refusal' in store;

export const TenantContext = {
  run<T>(scope: TenantScope, fn: () => T): T {
    if (!scope.tenantId) throw new DomainError('TENANT_CONTEXT_MISSING', 'A tenant id is required');
    return storage.run(scope, fn);
  },
  /**
   * Runs `fn` where reaching for tenant data throws `refusal` (a user-facing error such as "choose a
   * hub first") instead of TENANT_CONTEXT_MISSING, which means a bug. A nested `run` still works.
   */
  refuse<T>(refusal: DomainError, fn: () => T): T {
    return storage.run({ refusal }, fn);
  },
  current(): TenantScope {
    const scope = storage.getStore();
    if (!scope) throw new DomainError('TENANT_CONTEXT_MISSING', 'No tenant context: wrap the call in TenantContext.run');
    if (isRefusal(scope)) throw scope.refusal;
    return scope;
  },
  tenantId(): string {
    return TenantContext.current().tenantId;
  },
  /** For code that legitimately runs both inside and outside a tenant (e.g. logging). */
  peek(): TenantScope | undefined {
    const scope = storage.getStore();
    return scope && !isRefusal(scope) ? scope : undefined;
  },
};
