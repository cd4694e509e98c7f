import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { DomainError } from '@tandem/domain';
import { principalOf } from './authenticate';
import type { Principal, Role } from './principal';
import { requestOf } from './request-of';

export const IS_PUBLIC_KEY = 'tandem:isPublic';
export const ROLES_KEY = 'tandem:roles';

/** No log-in needed (login, refresh, invitation acceptance, health). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC_KEY, true);

/** Only these roles (checked after authentication; FORBIDDEN otherwise). platform_admin must be listed to pass. */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES_KEY, roles);

export interface CurrentPrincipalOptions {
  /** Return undefined instead of throwing UNAUTHENTICATED (for @Public handlers). */
  optional?: boolean;
}

export function principalFromContext(options: CurrentPrincipalOptions | undefined, ctx: ExecutionContext): Principal | undefined {
  const principal = principalOf(requestOf(ctx));
  if (principal) return principal;
  if (options?.optional) return undefined;
  throw new DomainError('UNAUTHENTICATED', 'You need to log in to do this');
}

/** The authenticated caller: `me(@CurrentPrincipal() p: Principal)`. */
export const CurrentPrincipal = createParamDecorator(principalFromContext);

/**
 * The caller's network address as Fastify saw it (honouring TRUST_PROXY), for per-address throttles;
 * null when there is none (a call without an HTTP request).
 */
export const SourceAddress = createParamDecorator((_data: unknown, ctx: ExecutionContext): string | null => {
  const req = requestOf(ctx) as { ip?: unknown } | undefined;
  return typeof req?.ip === 'string' && req.ip ? req.ip : null;
});
