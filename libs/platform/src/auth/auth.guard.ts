import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import { DomainError } from '@tandem/domain';
import { authenticateRequest } from './authenticate';
import { IS_PUBLIC_KEY, ROLES_KEY } from './decorators';
import { roleLabel, type Role } from './principal';
import { isFieldResolver, requestOf } from './request-of';
import { SessionLiveness } from './session-liveness';
import { TokenService } from './token.service';

/**
 * Global guard (APP_GUARD): every resolver/handler needs a valid `Authorization: Bearer` access
 * token unless marked @Public(); @Roles(...) narrows further. Field resolvers of nested types are
 * reached only through a guarded root field, so they are checked only when they carry @Roles.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly sessions: SessionLiveness,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const req = requestOf(ctx);
    if (!req) return true; // not an HTTP/GraphQL call (e.g. a queue processor)
    const targets = [ctx.getHandler(), ctx.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC_KEY, targets);
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    const result = await authenticateRequest(req, this.tokens, this.sessions);
    if (result.principal && ctx.getType<GqlContextType>() === 'graphql') {
      const gqlContext = GqlExecutionContext.create(ctx).getContext<{ principal?: unknown }>();
      if (gqlContext && !gqlContext.principal) gqlContext.principal = result.principal;
    }
    if (isPublic || (!roles && isFieldResolver(ctx))) return true;
    if (!result.principal) throw result.error ?? new DomainError('UNAUTHENTICATED', 'You need to log in to do this');
    if (roles?.length && !roles.includes(result.principal.role)) {
      throw new DomainError(
        'FORBIDDEN',
        `This needs the role ${roles.map(roleLabel).join(' or ')} (you are ${roleLabel(result.principal.role)})`,
      );
    }
    return true;
  }
}
