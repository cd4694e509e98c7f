import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import { MAX_AUDITED_READS_PER_REQUEST, RequestTransaction, TenantContext, type ReadBudget, type TenantScope } from '@tandem/persistence';
import { DomainError } from '@tandem/domain';
import { Observable } from 'rxjs';
import { correlationIdFor } from '../logging/correlation-id';
import { authenticateRequest, principalOf, type RequestLike } from './authenticate';
import type { Principal } from './principal';
import type { SessionLiveness } from './session-liveness';
import type { TokenService } from './token.service';
import { requestOf } from './request-of';

const budgets = new WeakMap<object, ReadBudget>();
/** One budget of audited reads per HTTP request, whatever number of root fields it has. */
function readBudgetFor(req: object): ReadBudget {
  let budget = budgets.get(req);
  if (!budget) budgets.set(req, (budget = { remaining: MAX_AUDITED_READS_PER_REQUEST }));
  return budget;
}

const transactions = new WeakMap<object, RequestTransaction>();
/** The request's transaction holder (see RequestTransaction): shared only once a query's root field says so. */
function requestTransactionOf(req: object): RequestTransaction {
  let tx = transactions.get(req);
  if (!tx) transactions.set(req, (tx = new RequestTransaction()));
  return tx;
}

/** A read-only GraphQL request runs its resolvers in one transaction; a mutation's each keep their own. */
function shareIfQuery(req: object, ctx: ExecutionContext): void {
  if (ctx.getType<GqlContextType>() !== 'graphql') return;
  if (GqlExecutionContext.create(ctx).getInfo<{ operation?: { operation?: string } }>()?.operation?.operation === 'query')
    requestTransactionOf(req).share();
}

/** Commits and returns the request's shared transaction, if it opened one (the GraphQL plugin calls it with the response). */
export function closeRequestTransaction(req: object | undefined): Promise<void> {
  const tx = req && transactions.get(req);
  return tx ? tx.close() : Promise.resolve();
}

function scopeFor(req: RequestLike, principal: Principal & { tenantId: string }): TenantScope {
  return {
    tenantId: principal.tenantId,
    actorUserId: principal.userId,
    correlationId: correlationIdFor(req),
    readBudget: readBudgetFor(req),
    requestTransaction: requestTransactionOf(req),
  };
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
    shareIfQuery(req, ctx);
    const current = TenantContext.peek();
    if (current?.tenantId === principal.tenantId && current.actorUserId === principal.userId) return next.handle();
    const scope = scopeFor(req, { ...principal, tenantId: principal.tenantId });
    return new Observable((subscriber) => {
      const subscription = TenantContext.run(scope, () => next.handle().subscribe(subscriber));
      return () => subscription.unsubscribe();
    });
  }
}

/**
 * Fastify preHandler for the GraphQL path: authenticates once (the AuthGuard reuses the answer) and runs
 * the rest of the request inside the principal's TenantContext, so every resolver of the request, root
 * or nested, sees it without an interceptor per field (issue 16: Nest's interceptor chain on every
 * @ResolveField cost about 6 % of a list request). The interceptor still marks queries to share one
 * transaction and scopes controllers. The body is parsed before preHandler, so the handler runs
 * synchronously from `done()`, inside `run`.
 */
export function graphqlTenantScopeHook(tokens: TokenService, sessions: SessionLiveness, path = '/graphql') {
  return (req: RequestLike & { url: string }, _reply: unknown, done: () => void): void => {
    if (req.url.split('?')[0] !== path) return done();
    authenticateRequest(req, tokens, sessions).then(
      (result) => {
        const principal = result.principal;
        if (!principal) done();
        else if (!principal.tenantId) TenantContext.refuse(NO_HUB_CHOSEN(), done);
        else TenantContext.run(scopeFor(req, { ...principal, tenantId: principal.tenantId }), done);
      },
      // The AuthGuard meets the same failure and answers it as a GraphQL error.
      () => done(),
    );
  };
}
