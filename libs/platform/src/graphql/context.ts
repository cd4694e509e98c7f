import { principalOf, type RequestLike } from '../auth/authenticate';
import type { Principal } from '../auth/principal';
import { correlationIdFor } from '../logging/correlation-id';
import { LoaderRegistry } from './loader-registry';

export interface GraphQLContext {
  req: RequestLike;
  /** Filled in by the AuthGuard once it has verified the bearer token (null for anonymous calls). */
  principal: Principal | null;
  correlationId: string;
  loaders: LoaderRegistry;
}

/** Apollo context factory: one per request. */
export function createGraphQLContext({ req }: { req: RequestLike }): GraphQLContext {
  return {
    req,
    // Apollo copies the context object per operation, so this is a plain property (not a getter).
    principal: principalOf(req),
    correlationId: correlationIdFor(req),
    loaders: new LoaderRegistry(),
  };
}
