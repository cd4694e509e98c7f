import { createSecretKey, type KeyObject } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Clock, DomainError } from '@tandem/domain';
import jwt from 'jsonwebtoken';
import { AppConfig } from '../config/app-config';
import { isRole, type Principal } from './principal';

const ISSUER = 'tandem';
const AUDIENCE = 'tandem-api';

/**
 * Access-token claims: sub=userId, tid=tenantId, mid=membershipId, role, cid/sid/eid = scope ids,
 * ses = the log-in (auth_sessions.id) that must still be live. The header's `kid` names the key.
 */
export interface AccessTokenClaims {
  sub: string;
  tid: string | null;
  mid: string | null;
  role: Principal['role'];
  ses: string;
  cid?: string;
  sid?: string;
  eid?: string;
}

export interface SignedAccessToken {
  token: string;
  expiresAt: Date;
}

/**
 * Short-lived HS256 access JWTs (refresh tokens are opaque: see OpaqueToken), signed with the
 * current key of ACCESS_TOKEN_KEYS and verified with whichever key the token's `kid` names, so a
 * new key can be put first without logging anyone out. A token without `exp`, `kid` or `ses` is
 * refused; the session it names is checked per request by SessionLiveness.
 */
@Injectable()
export class TokenService {
  /**
   * The HMAC keys, made once: given the secret as a string, jsonwebtoken first tries (and fails) to
   * read it as a public key on every call, which cost about 0.3 ms per request.
   */
  private readonly keys: ReadonlyMap<string, KeyObject>;

  constructor(
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {
    this.keys = new Map(config.accessTokenKeys.keys.map((k) => [k.id, createSecretKey(Buffer.from(k.secret, 'utf8'))]));
  }

  signAccessToken(principal: Principal & { sessionId: string }): SignedAccessToken {
    const now = this.clock.now();
    const iat = Math.floor(now.getTime() / 1000);
    const exp = iat + this.config.accessTokenTtlSeconds;
    const claims: AccessTokenClaims & { iat: number; exp: number } = {
      sub: principal.userId,
      tid: principal.tenantId,
      mid: principal.membershipId,
      role: principal.role,
      ses: principal.sessionId,
      iat,
      exp,
    };
    if (principal.clusterId) claims.cid = principal.clusterId;
    if (principal.schoolId) claims.sid = principal.schoolId;
    if (principal.employerId) claims.eid = principal.employerId;
    const current = this.config.accessTokenKeys.current;
    const token = jwt.sign(claims, this.keys.get(current.id) as KeyObject, {
      algorithm: 'HS256',
      issuer: ISSUER,
      audience: AUDIENCE,
      keyid: current.id,
    });
    return { token, expiresAt: new Date(exp * 1000) };
  }

  /** Principal, or DomainError TOKEN_EXPIRED (refresh and retry) / UNAUTHENTICATED (log in again). */
  verifyAccessToken(token: string): Principal {
    const now = this.clock.now();
    const kid = jwt.decode(token, { complete: true })?.header.kid;
    const key = typeof kid === 'string' ? this.keys.get(kid) : undefined;
    if (!key) throw invalid();
    let payload: unknown;
    try {
      payload = jwt.verify(token, key, {
        algorithms: ['HS256'],
        issuer: ISSUER,
        audience: AUDIENCE,
        clockTimestamp: Math.floor(now.getTime() / 1000),
      });
    } catch (e) {
      if (e instanceof jwt.TokenExpiredError)
        throw new DomainError('TOKEN_EXPIRED', 'Your session has expired: refresh it or log in again');
      throw invalid();
    }
    const c = payload as Partial<Record<keyof AccessTokenClaims | 'exp', unknown>>;
    const str = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
    const strOrNull = (v: unknown): v is string | null => v === null || str(v);
    const optStr = (v: unknown): boolean => v === undefined || str(v);
    // A token without exp would never expire: jsonwebtoken accepts it, we do not.
    if (typeof c.exp !== 'number' || !str(c.ses)) throw invalid();
    if (!str(c.sub) || !strOrNull(c.tid) || !strOrNull(c.mid) || !isRole(c.role) || !optStr(c.cid) || !optStr(c.sid) || !optStr(c.eid))
      throw invalid();
    const principal: { -readonly [K in keyof Principal]: Principal[K] } = {
      userId: c.sub,
      tenantId: c.tid,
      membershipId: c.mid,
      role: c.role,
      sessionId: c.ses,
    };
    if (str(c.cid)) principal.clusterId = c.cid;
    if (str(c.sid)) principal.schoolId = c.sid;
    if (str(c.eid)) principal.employerId = c.eid;
    return principal;
  }
}

function invalid(): DomainError {
  return new DomainError('UNAUTHENTICATED', 'The access token is not valid: log in again');
}
