import type { ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { RequestLike } from './authenticate';

/** The HTTP request behind a GraphQL resolver or a controller handler. */
export function requestOf(ctx: ExecutionContext): RequestLike | undefined {
  const type = ctx.getType<GqlContextType>();
  if (type === 'graphql') return GqlExecutionContext.create(ctx).getContext<{ req?: RequestLike }>()?.req;
  if (type === 'http') return ctx.switchToHttp().getRequest<RequestLike>();
  return undefined;
}

const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);

/** True for a @ResolveField on a nested type (only reachable through an already-guarded root field). */
export function isFieldResolver(ctx: ExecutionContext): boolean {
  if (ctx.getType<GqlContextType>() !== 'graphql') return false;
  const info = GqlExecutionContext.create(ctx).getInfo<GraphQLResolveInfo>();
  return Boolean(info?.parentType && !ROOT_TYPES.has(info.parentType.name));
}
