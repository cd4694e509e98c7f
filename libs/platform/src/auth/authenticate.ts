import { DomainError } from '@tandem/domain';
import type { Principal } from './principal';
import type { SessionLiveness } from './session-liveness';
import type { TokenService } from './token.service';

export const TENANT_OVERRIDE_HEADER = 'x-tenant-id';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface RequestLike {
  headers: Record<string, string | string[] | undefined>;
}

/** `principal` when the bearer token is good; otherwise null and, if a token was sent, why it failed. */
export type AuthResult = { principal: Principal; error?: undefined } | { principal: null; error?: DomainError };

const pending = new WeakMap<object, Promise<AuthResult>>();
const results = new WeakMap<object, AuthResult>();

function header(req: RequestLike, name: string): string | undefined {
  const v = req.headers?.[name];
  return Array.isArray(v) ? v[0] : v;
}

async function resolve(req: RequestLike, tokens: TokenService, sessions: SessionLiveness): Promise<AuthResult> {
  const authorization = header(req, 'authorization');
  if (!authorization) return { principal: null };
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (!match)
    return { principal: null, error: new DomainError('UNAUTHENTICATED', 'The Authorization header must be "Bearer <access token>"') };
  let principal: Principal;
  try {
    principal = tokens.verifyAccessToken(match[1]);
  } catch (e) {
    if (e instanceof DomainError) return { principal: null, error: e };
    throw e;
  }
  if (!principal.sessionId || !(await sessions.isLive(principal.sessionId, principal.userId))) {
    return { principal: null, error: new DomainError('UNAUTHENTICATED', 'This session has ended. Log in again.') };
  }
  if (principal.role === 'platform_admin') {
    // Only a platform admin may choose the tenant to act in; for anyone else the header is ignored.
    const override = header(req, TENANT_OVERRIDE_HEADER)?.trim();
    if (override) {
      if (!UUID.test(override)) {
        return {
          principal: null,
          error: DomainError.invalid(TENANT_OVERRIDE_HEADER, 'VALIDATION_FAILED', `${TENANT_OVERRIDE_HEADER} must be a tenant id (a UUID)`),
        };
      }
      principal = { ...principal, tenantId: override.toLowerCase() };
    }
  } else if (!principal.tenantId) {
    return { principal: null, error: new DomainError('UNAUTHENTICATED', 'The access token is not valid: log in again') };
  }
  return { principal };
}

/**
 * Verifies the request's bearer token and that its session is still live, once per request
 * (memoised on the request object).
 */
export function authenticateRequest(req: RequestLike, tokens: TokenService, sessions: SessionLiveness): Promise<AuthResult> {
  let result = pending.get(req);
  if (!result) {
    result = resolve(req, tokens, sessions).then((settled) => {
      results.set(req, settled);
      if (settled.principal) (req as { principal?: Principal }).principal = settled.principal;
      return settled;
    });
    pending.set(req, result);
  }
  return result;
}

/** The principal the AuthGuard found for this request, if any. */
export function principalOf(req: object | undefined): Principal | null {
  return (req && results.get(req)?.principal) || null;
}
