import { Injectable } from '@nestjs/common';
import { DomainError } from '@tandem/domain';
import { Membership, SystemDb, Tenant, TenantContext, TenantDb, type MembershipSummary, type User } from '@tandem/persistence';
import type { Principal } from '@tandem/platform';
import { chooseLoginTarget, invalidCredentials, parseLoginInput } from './auth-rules';
import { Credentials } from './credentials';
import { LoginThrottle } from './login-throttle';
import { meOf, principalOfMembership, type AuthPayload, type Me } from './me';
import { SessionService } from './session.service';

export interface MyMembership extends MembershipSummary {
  current: boolean;
}

/** Logging in and out, who am I, and moving between one's memberships. */
@Injectable()
export class AuthService {
  constructor(
    private readonly db: TenantDb,
    private readonly systemDb: SystemDb,
    private readonly credentials: Credentials,
    private readonly throttle: LoginThrottle,
    private readonly sessions: SessionService,
  ) {}

  /**
   * Email + password. An unknown email, a wrong password and a disabled account get the same
   * INVALID_CREDENTIALS after the same argon2 work; each counts towards the account's and the
   * source address's throttle.
   */
  async login(input: { email?: unknown; password?: unknown; tenantSlug?: unknown }, source: string | null = null): Promise<AuthPayload> {
    const { email, password, tenantSlug } = parseLoginInput(input);
    // The attempt is counted before the password is checked (atomically), so parallel guesses
    // cannot slip past the limit; success gives it back.
    await this.throttle.take(
      [{ kind: 'account', subject: email }, ...(source ? [{ kind: 'source' as const, subject: source }] : [])],
      'input.email',
    );
    const user = await this.systemDb.findUserByEmail(email);
    if (!(await this.credentials.verify(user, password)) || !user) throw invalidCredentials();
    await this.throttle.succeeded(email, source);
    const rehashed = await this.credentials.rehashIfNeeded(user, password);
    if (rehashed) await this.systemDb.setPasswordHash(user.id, rehashed);

    const memberships = await this.systemDb.membershipsForUser(user.id);
    const tenant = tenantSlug ? await this.systemDb.tenantBySlug(tenantSlug) : null;
    if (tenantSlug && !tenant) throw notInHub(tenantSlug);
    const target = chooseLoginTarget(user, memberships, tenant?.id);
    await this.systemDb.recordLogin(user.id);
    switch (target.kind) {
      case 'membership':
        return this.startInMembership(user, target.membership);
      case 'platform':
        return this.sessions.startForPlatformAdmin(user, tenant);
      case 'not-in-hub':
        throw notInHub(tenantSlug ?? '');
      case 'no-membership':
        throw new DomainError('FORBIDDEN', 'Your account is not part of any hub at the moment. Ask a hub admin to invite you.');
    }
  }

  refresh(refreshToken: string): Promise<AuthPayload> {
    return this.sessions.refresh(refreshToken);
  }

  logout(refreshToken: string): Promise<boolean> {
    return this.sessions.end(refreshToken);
  }

  /** The caller as the access token names them; UNAUTHENTICATED once the account or membership has gone. */
  async me(p: Principal): Promise<Me> {
    const user = await this.activeUser(p);
    if (p.role === 'platform_admin' && !user.isPlatformAdmin) throw loggedOut();
    if (!p.tenantId) return meOf(p, user, null);
    const tenant = await this.db.transaction(async (em) => {
      if (p.membershipId) {
        const membership = await em.findOneBy(Membership, { id: p.membershipId });
        if (!membership || membership.archivedAt || membership.userId !== p.userId) throw loggedOut();
      }
      return em.findOneBy(Tenant, { id: p.tenantId as string });
    });
    return meOf(p, user, tenant ? { id: tenant.id, name: tenant.name, slug: tenant.slug } : null);
  }

  /** Every active membership of the caller, across hubs, in log-in order. */
  async myMemberships(p: Principal): Promise<MyMembership[]> {
    const memberships = await this.systemDb.membershipsForUser(p.userId);
    return memberships.map((m) => ({ ...m, current: m.membershipId === p.membershipId }));
  }

  /**
   * A new session in another of the caller's memberships (any hub). `replacing`, when given, is the
   * refresh token of the session being left: it is ended.
   */
  async switchMembership(p: Principal, membershipId: string, replacing?: string | null): Promise<AuthPayload> {
    const user = await this.activeUser(p);
    const target = (await this.systemDb.membershipsForUser(user.id)).find((m) => m.membershipId === membershipId);
    if (!target) throw DomainError.notFound('Membership', 'membershipId');
    const payload = await this.startInMembership(user, target);
    if (replacing) await this.sessions.end(replacing);
    return payload;
  }

  private startInMembership(user: User, m: MembershipSummary): Promise<AuthPayload> {
    const principal = principalOfMembership(user.id, m.membershipId, m);
    return TenantContext.run({ tenantId: m.tenantId, actorUserId: user.id }, () =>
      this.sessions.startForMembership(principal, user, { id: m.tenantId, name: m.tenantName, slug: m.tenantSlug }),
    );
  }

  private async activeUser(p: Principal): Promise<User> {
    const user = await this.systemDb.findUserById(p.userId);
    if (!user || user.disabledAt) throw loggedOut();
    return user;
  }
}

function notInHub(slug: string): DomainError {
  return new DomainError('NOT_FOUND', `You are not a member of a hub called "${slug}"`, 'input.tenantSlug');
}

function loggedOut(): DomainError {
  return new DomainError('UNAUTHENTICATED', 'Your session is no longer valid. Log in again.');
}
