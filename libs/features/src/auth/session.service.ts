import { Injectable } from '@nestjs/common';
import { Clock, DomainError } from '@tandem/domain';
import { AuditLog, Membership, Tenant, TenantContext, TenantDb, User, SystemDb } from '@tandem/persistence';
import { AppConfig, OpaqueToken, TokenService, type Principal } from '@tandem/platform';
import { refreshTokenState } from './auth-rules';
import { meOf, principalOfMembership, type AuthPayload, type TenantInfo } from './me';
import { AuthSessions, PlatformSessionRepository, RefreshSessionRepository } from './session.repository';

type UserView = Pick<User, 'id' | 'email' | 'displayName'>;

/** What a refresh attempt found, decided inside its transaction and acted on after it commits. */
type Rotation =
  | { kind: 'rotated'; principal: Principal; refreshToken: string; user: User; tenant: TenantInfo | null }
  | { kind: 'reused' | 'revoked' | 'expired' | 'unknown' };

const tenantInfo = (t: Tenant): TenantInfo => ({ id: t.id, name: t.name, slug: t.slug });

/**
 * Sessions: a short-lived JWT access token plus an opaque refresh token whose sha256 is stored
 * (`refresh_sessions` in the hub for a membership; `platform_refresh_sessions` for a platform admin
 * acting as such). Every refresh rotates the token: the old row is revoked and points at its
 * successor. Presenting a rotated token again is reuse (a copy exists somewhere), and ends the
 * whole chain from that token on.
 */
@Injectable()
export class SessionService {
  constructor(
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly tokens: TokenService,
    private readonly db: TenantDb,
    private readonly systemDb: SystemDb,
    private readonly tenantSessions: RefreshSessionRepository,
    private readonly platformSessions: PlatformSessionRepository,
  ) {}

  /**
   * A new session in a membership. Runs in the TenantContext of the membership's hub (the caller
   * sets it) and joins the caller's transaction when there is one.
   */
  async startForMembership(principal: Principal, user: UserView, tenant: TenantInfo): Promise<AuthPayload> {
    const now = this.clock.now();
    if (!principal.membershipId || principal.tenantId !== TenantContext.tenantId())
      throw new Error('startForMembership needs a membership principal in its own tenant context');
    const { token, hash } = OpaqueToken.generate();
    const expiresAt = this.refreshExpiry(now);
    const membershipId = principal.membershipId;
    const sessionId = await this.db.transaction(async (em) => {
      const id = await AuthSessions.start(em, { userId: principal.userId, actingTenantId: principal.tenantId, membershipId, expiresAt });
      await this.tenantSessions.insert({ userId: principal.userId, membershipId, tokenHash: hash, expiresAt, authSessionId: id });
      return id;
    });
    return this.payload({ ...principal, sessionId }, user, tenant, token);
  }

  /** A new session for a platform admin, outside any hub or acting in `tenant`. */
  async startForPlatformAdmin(user: UserView, tenant: TenantInfo | null): Promise<AuthPayload> {
    const now = this.clock.now();
    const { token, hash } = OpaqueToken.generate();
    const expiresAt = this.refreshExpiry(now);
    const sessionId = await this.platformSessions.transaction(async (em) => {
      const id = await AuthSessions.start(em, { userId: user.id, actingTenantId: tenant?.id ?? null, membershipId: null, expiresAt });
      await this.platformSessions.insert(em, {
        userId: user.id,
        actingTenantId: tenant?.id ?? null,
        tokenHash: hash,
        expiresAt,
        authSessionId: id,
      });
      return id;
    });
    return this.payload(
      { userId: user.id, tenantId: tenant?.id ?? null, membershipId: null, role: 'platform_admin', sessionId },
      user,
      tenant,
      token,
    );
  }

  /** Exchanges a refresh token for a new pair (rotation); refuses used, revoked, expired and unknown tokens. */
  async refresh(refreshToken: string): Promise<AuthPayload> {
    const now = this.clock.now();
    if (!OpaqueToken.isWellFormed(refreshToken)) throw invalidToken();
    const hash = OpaqueToken.hash(refreshToken);
    const tenantId = await this.systemDb.tenantOfRefreshSession(hash);
    const rotation = tenantId ? await this.rotateInTenant(tenantId, hash, now) : await this.rotatePlatform(hash, now);
    switch (rotation.kind) {
      case 'rotated':
        return this.payload(rotation.principal, rotation.user, rotation.tenant, rotation.refreshToken);
      case 'reused':
        throw new DomainError(
          'TOKEN_INVALID',
          'This session has been ended because its refresh token was used twice. Log in again.',
          'refreshToken',
        );
      case 'expired':
        throw new DomainError('TOKEN_EXPIRED', 'Your session has expired. Log in again.', 'refreshToken');
      default:
        throw invalidToken();
    }
  }

  /**
   * Logs out: ends the log-in of this token (its access tokens stop working on the next request)
   * and the refresh chain. True if it was still live.
   */
  async end(refreshToken: string): Promise<boolean> {
    const now = this.clock.now();
    if (!OpaqueToken.isWellFormed(refreshToken)) return false;
    const hash = OpaqueToken.hash(refreshToken);
    const tenantId = await this.systemDb.tenantOfRefreshSession(hash);
    if (tenantId) {
      return TenantContext.run({ tenantId, actorUserId: null }, () =>
        this.db.transaction(async (em) => {
          const session = await this.tenantSessions.lockByHash(hash);
          if (!session) return false;
          const ended = await AuthSessions.end(em, session.authSessionId, 'logout', now);
          return (await this.tenantSessions.revokeChain(session.id)) > 0 || ended;
        }),
      );
    }
    return this.platformSessions.transaction(async (em) => {
      const session = await this.platformSessions.lockByHash(em, hash);
      if (!session) return false;
      const ended = await AuthSessions.end(em, session.authSessionId, 'logout', now);
      return (await this.platformSessions.revokeChain(em, session.id)) > 0 || ended;
    });
  }

  /** Ends every session of a membership (it was archived). Joins the caller's tenant transaction. */
  revokeForMembership(membershipId: string): Promise<number> {
    return this.tenantSessions.revokeForMembership(membershipId);
  }

  // ── rotation ──────────────────────────────────────────────────────────────

  private rotateInTenant(tenantId: string, hash: string, now: Date): Promise<Rotation> {
    return TenantContext.run({ tenantId, actorUserId: null }, () =>
      this.db.transaction(async (em): Promise<Rotation> => {
        const session = await this.tenantSessions.lockByHash(hash);
        if (!session) return { kind: 'unknown' };
        const state = refreshTokenState(session, now);
        if (state === 'rotated') {
          await this.tenantSessions.revokeChain(session.id);
          await AuthSessions.end(em, session.authSessionId, 'refresh_token_reused', now);
          await AuditLog.record(em, {
            action: 'session.refresh_token_reused',
            entityType: 'refresh_session',
            entityId: session.id,
            detail: { userId: session.userId },
          });
          return { kind: 'reused' };
        }
        if (state !== 'live') return { kind: state };
        const user = await em.findOneBy(User, { id: session.userId });
        const membership = await em.findOneBy(Membership, { id: session.membershipId });
        const tenant = await em.findOneBy(Tenant, { id: tenantId });
        const live = await AuthSessions.lockLive(em, session.authSessionId, now);
        if (!live || !user || user.disabledAt || !membership || membership.archivedAt || !tenant || tenant.archivedAt) {
          await this.tenantSessions.revokeChain(session.id);
          return { kind: 'revoked' };
        }
        const sessionId = session.authSessionId as string;
        const next = OpaqueToken.generate();
        const expiresAt = this.refreshExpiry(now);
        const successor = await this.tenantSessions.insert({
          userId: user.id,
          membershipId: membership.id,
          tokenHash: next.hash,
          expiresAt,
          authSessionId: sessionId,
        });
        await this.tenantSessions.update(session.id, { revokedAt: now, replacedById: successor.id });
        await AuthSessions.extend(em, sessionId, expiresAt);
        const principal = { ...principalOfMembership(user.id, membership.id, membership), sessionId };
        return { kind: 'rotated', principal, refreshToken: next.token, user, tenant: tenantInfo(tenant) };
      }),
    );
  }

  private async rotatePlatform(hash: string, now: Date): Promise<Rotation> {
    const rotation = await this.platformSessions.transaction(
      async (
        em,
      ): Promise<Rotation | { kind: 'live'; user: User; actingTenantId: string | null; refreshToken: string; sessionId: string }> => {
        const session = await this.platformSessions.lockByHash(em, hash);
        if (!session) return { kind: 'unknown' };
        const state = refreshTokenState(session, now);
        if (state === 'rotated') {
          await this.platformSessions.revokeChain(em, session.id);
          await AuthSessions.end(em, session.authSessionId, 'refresh_token_reused', now);
          return { kind: 'reused' };
        }
        if (state !== 'live') return { kind: state };
        const user = await em.findOneBy(User, { id: session.userId });
        const live = await AuthSessions.lockLive(em, session.authSessionId, now);
        if (!live || !user || user.disabledAt || !user.isPlatformAdmin) {
          await this.platformSessions.revokeChain(em, session.id);
          return { kind: 'revoked' };
        }
        const sessionId = session.authSessionId as string;
        const next = OpaqueToken.generate();
        const expiresAt = this.refreshExpiry(now);
        const successor = await this.platformSessions.insert(em, {
          userId: user.id,
          actingTenantId: session.actingTenantId,
          tokenHash: next.hash,
          expiresAt,
          authSessionId: sessionId,
        });
        await this.platformSessions.markRotated(em, session.id, successor.id, now);
        await AuthSessions.extend(em, sessionId, expiresAt);
        return { kind: 'live', user, actingTenantId: session.actingTenantId, refreshToken: next.token, sessionId };
      },
    );
    if (rotation.kind !== 'live') return rotation;
    const tenant = rotation.actingTenantId ? await this.tenantInfo(rotation.actingTenantId) : null;
    const principal: Principal = {
      userId: rotation.user.id,
      tenantId: rotation.actingTenantId,
      membershipId: null,
      role: 'platform_admin',
      sessionId: rotation.sessionId,
    };
    return { kind: 'rotated', principal, refreshToken: rotation.refreshToken, user: rotation.user, tenant };
  }

  // ── helpers ───────────────────────────────────────────────────────────────

  /** A hub's name and slug (read inside that hub: RLS shows a tenant only to itself). */
  tenantInfo(tenantId: string): Promise<TenantInfo | null> {
    return TenantContext.run({ tenantId, actorUserId: null }, () =>
      this.db.transaction(async (em) => {
        const tenant = await em.findOneBy(Tenant, { id: tenantId });
        return tenant ? tenantInfo(tenant) : null;
      }),
    );
  }

  private refreshExpiry(now: Date): Date {
    return new Date(now.getTime() + this.config.refreshTokenTtlDays * 24 * 60 * 60_000);
  }

  private payload(principal: Principal, user: UserView, tenant: TenantInfo | null, refreshToken: string): AuthPayload {
    if (!principal.sessionId) throw new Error('an access token needs the session it belongs to');
    const access = this.tokens.signAccessToken({ ...principal, sessionId: principal.sessionId });
    return { accessToken: access.token, accessTokenExpiresAt: access.expiresAt, refreshToken, me: meOf(principal, user, tenant) };
  }
}

function invalidToken(): DomainError {
  return new DomainError('TOKEN_INVALID', 'This refresh token is not valid. Log in again.', 'refreshToken');
}
