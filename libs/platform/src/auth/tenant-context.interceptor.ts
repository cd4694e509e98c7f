import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { MAX_AUDITED_READS_PER_REQUEST, TenantContext, type ReadBudget, type TenantScope } from '@tandem/persistence';
import { DomainError } from '@tandem/domain';
import { Observable } from 'rxjs';
import { correlationIdFor } from '../logging/correlation-id';
import { principalOf } from './authenticate';
import { requestOf } from './request-of';

const budgets = new WeakMap<object, ReadBudget>();
/** One budget of audited reads per HTTP request, whatever number of root fields it has. */
function readBudgetFor(req: object): ReadBudget {
  let budget = budgets.get(req);
  if (!budget) budgets.set(req, (budget = { remaining: MAX_AUDITED_READS_PER_REQUEST }));
  return budget;
}

const NO_HUB_CHOSEN = (): DomainError =>
  new DomainError('FORBIDDEN', 'Choose a hub first: this needs a hub to act in (send the x-tenant-id header or log in with a hub)');

/**
 * Global interceptor (APP_INTERCEPTOR): an authenticated principal with a tenant gets its resolver
 * (root or @ResolveField, see fieldResolverEnhancers) run inside `TenantContext.run`.
 *
 * Nest binds `next.handle()` to the async context it is *called* in (AsyncResource.bind), so it is
 * called, and subscribed, inside `TenantContext.run`: the whole resolver, awaits included, sees it.
 */
@Injectable()
export class TenantContextInterceptor implements NestInterceptor {
  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = requestOf(ctx);
    const principal = principalOf(req);
    if (!req || !principal) return next.handle();
    if (!principal.tenantId) {
      // A platform admin outside any hub: tenant data answers "choose a hub", not an internal error.
      return new Observable((subscriber) => {
        const subscription = TenantContext.refuse(NO_HUB_CHOSEN(), () => next.handle().subscribe(subscriber));
        return () => subscription.unsubscribe();
      });
    }
    const current = TenantContext.peek();
    if (current?.tenantId === principal.tenantId && current.actorUserId === principal.userId) return next.handle();
    const scope: TenantScope = { tenantId: principal.tenantId, actorUserId: principal.userId, correlationId: correlationIdFor(req), readBudget: readBudgetFor(req) };
    return new Observable((subscriber) => {
      const subscription = TenantContext.run(scope, () => next.handle().subscribe(subscriber));
      return () => subscription.unsubscribe();
    });
  }
}
