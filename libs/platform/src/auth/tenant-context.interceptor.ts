import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { TenantContext, type TenantScope } from '@tandem/persistence';
import { Observable } from 'rxjs';
import { correlationIdFor } from '../logging/correlation-id';
import { principalOf } from './authenticate';
import { requestOf } from './request-of';

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
    if (!req || !principal?.tenantId) return next.handle();
    const current = TenantContext.peek();
    if (current?.tenantId === principal.tenantId && current.actorUserId === principal.userId) return next.handle();
    const scope: TenantScope = { tenantId: principal.tenantId, actorUserId: principal.userId, correlationId: correlationIdFor(req) };
    return new Observable((subscriber) => {
      const subscription = TenantContext.run(scope, () => next.handle().subscribe(subscriber));
      return () => subscription.unsubscribe();
    });
  }
}
