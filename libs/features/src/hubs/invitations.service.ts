import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  canInvite,
  Clock,
  collect,
  DomainError,
  invitationReachOf,
  invitationValidityHours,
  isBlank,
  parseEnum,
  parseText,
  type Principal,
  readHubSettings,
  ROLE_LABELS,
  ROLES,
  pageSize,
} from '@tandem/domain';
import { AuditLog, Invitation, SystemDb, Tenant, TenantContext, TenantDb, User, type JsonObject } from '@tandem/persistence';
import { AppConfig, assertPasswordAcceptable, LinkTokens, Outbox, type Connection } from '@tandem/platform';
import type { EntityManager } from 'typeorm';
import {
  Credentials,
  invalidCredentials,
  LoginThrottle,
  principalOfMembership,
  SessionService,
  type AuthPayload,
} from '@tandem/features/auth';
import { connectionOf, mustBeAllowed, requireTenant, updated } from '@tandem/features/shared';
import { INVITATION_LINK_PURPOSE } from './mail/invitation.composer';
import {
  assertInvitationOpen,
  INVITATION_STATES,
  invitationState,
  parseInvitationInput,
  type InvitationFields,
  type InvitationState,
} from './invitation-rules';
import { InvitationRepository } from './invitations.repository';
import { MembershipRepository } from './memberships.repository';
import { ScopeTargets } from './scope-targets';

export interface InvitationPreview {
  hubName: string;
  role: Invitation['role'];
  email: string;
  expiresAt: Date;
  state: InvitationState;
  accountExists: boolean;
}

/** What acceptance will do to the invitee's account, worked out (and hashed) before the transaction. */
type AccountPlan =
  | { kind: 'existing'; user: User }
  | { kind: 'new'; userId: string; passwordHash: string; displayName: string | null; replacesPasswordless: boolean };

const grantDetail = (g: InvitationFields | Invitation): JsonObject => ({
  role: g.role,
  clusterId: g.clusterId,
  schoolId: g.schoolId,
  employerId: g.employerId,
});

/**
 * Invitations by emailed link: invite (the email goes through the outbox in the same transaction),
 * preview and accept (public: the token is the credential), revoke, resend, list. Who may invite
 * whom is scope.ts's canInvite; the same rule decides who sees, revokes and resends an invitation.
 */
@Injectable()
export class InvitationsService {
  constructor(
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly db: TenantDb,
    private readonly systemDb: SystemDb,
    private readonly links: LinkTokens,
    private readonly invitations: InvitationRepository,
    private readonly memberships: MembershipRepository,
    private readonly targets: ScopeTargets,
    private readonly credentials: Credentials,
    private readonly throttle: LoginThrottle,
    private readonly sessions: SessionService,
  ) {}

  // ── inviting ──────────────────────────────────────────────────────────────

  async invite(p: Principal, input: Record<string, unknown>): Promise<Invitation> {
    requireTenant(p);
    const fields = parseInvitationInput(input);
    return this.db.transaction(async (em) => {
      const grant = await this.targets.resolveForInvite(p, fields);
      mustBeAllowed(canInvite(p, grant), `invite ${ROLE_LABELS[fields.role].toLowerCase()} here`);
      await this.refuseDuplicate(fields);
      return this.create(em, p.userId, fields, 'invitation.created');
    });
  }

  /**
   * Writes an invitation, its email (an outbox row: sent by the worker once this transaction
   * commits) and the audit entry, inside the caller's tenant transaction. The id is made here so
   * the stored token hash can be derived from it (LinkTokens), as the email composer does.
   */
  async create(
    em: EntityManager,
    invitedByUserId: string,
    fields: InvitationFields,
    action: string,
    detail: JsonObject = {},
  ): Promise<Invitation> {
    const tenantId = TenantContext.tenantId();
    const tenant = await em.findOneByOrFail(Tenant, { id: tenantId });
    const hours = invitationValidityHours(readHubSettings(tenant.settings), this.config.invitationTtlHours);
    const id = randomUUID();
    const invitation = await this.invitations.insert({
      id,
      ...fields,
      tokenHash: this.links.derive(INVITATION_LINK_PURPOSE, id).hash,
      expiresAt: new Date(this.clock.now().getTime() + hours * 60 * 60_000),
      acceptedAt: null,
      revokedAt: null,
      invitedByUserId,
    });
    await Outbox.add(em, 'mail', { tenantId, kind: 'invitation', invitationId: id });
    await AuditLog.record(em, { action, entityType: 'invitation', entityId: id, detail: { ...grantDetail(fields), ...detail } });
    return invitation;
  }

  /** Already a member in exactly this way, or already invited to it: ALREADY_EXISTS on the email. */
  private async refuseDuplicate(fields: InvitationFields): Promise<void> {
    const user = await this.systemDb.findUserByEmail(fields.email);
    if (user && (await this.memberships.findLive(user.id, fields))) {
      throw new DomainError('ALREADY_EXISTS', `${fields.email} already has this role here`, 'input.email');
    }
    if (await this.invitations.findOpen(fields)) {
      throw new DomainError(
        'ALREADY_EXISTS',
        `${fields.email} has already been invited to this role and has not answered yet: resend that invitation instead`,
        'input.email',
      );
    }
  }

  async revoke(p: Principal, id: string): Promise<Invitation> {
    return this.db.transaction(async (em) => {
      const invitation = await this.visibleLocked(p, id);
      if (invitation.acceptedAt)
        throw new DomainError('CONFLICT', 'This invitation has already been accepted: archive the membership instead', 'id');
      if (invitation.revokedAt) return invitation;
      await AuditLog.record(em, {
        action: 'invitation.revoked',
        entityType: 'invitation',
        entityId: invitation.id,
        detail: grantDetail(invitation),
      });
      return updated(await this.invitations.update(invitation.id, { revokedAt: this.clock.now() }));
    });
  }

  /**
   * A fresh invitation (new id, link and expiry) to the same person for the same role; the old one
   * is revoked, so its link stops working. (The email job id is `mail.invitation.<id>`: a new id is
   * what makes a second email.)
   */
  async resend(p: Principal, id: string): Promise<Invitation> {
    return this.db.transaction(async (em) => {
      const old = await this.visibleLocked(p, id);
      if (old.acceptedAt)
        throw new DomainError('CONFLICT', 'This invitation has already been accepted, so there is nothing to resend', 'id');
      await this.targets.assertLive(old, 'id');
      if (!old.revokedAt) await this.invitations.update(old.id, { revokedAt: this.clock.now() });
      const fields: InvitationFields = {
        email: old.email,
        role: old.role,
        clusterId: old.clusterId,
        schoolId: old.schoolId,
        employerId: old.employerId,
      };
      return this.create(em, p.userId, fields, 'invitation.resent', { replacesInvitationId: old.id });
    });
  }

  async list(
    p: Principal,
    filter: { state?: string | null; role?: string | null; search?: string | null } | null | undefined,
    first?: number | null,
    after?: string | null,
  ): Promise<Connection<Invitation>> {
    requireTenant(p);
    const f = filter ?? {};
    const c = collect();
    const state = isBlank(f.state) ? undefined : c.run(() => parseEnum(f.state, INVITATION_STATES, 'filter.state'));
    const role = isBlank(f.role) ? undefined : c.run(() => parseEnum(f.role, ROLES, 'filter.role'));
    const search = isBlank(f.search) ? undefined : c.run(() => parseText(f.search, 'filter.search', 200));
    const size = c.run(() => pageSize(first));
    c.throwIfAny();
    const { page, total } = await this.invitations.list(invitationReachOf(p), { state, role, search }, { first: size, after });
    return connectionOf(page, total);
  }

  /** The invitation, locked, when the caller could have sent it; NOT_FOUND otherwise. */
  private async visibleLocked(p: Principal, id: string): Promise<Invitation> {
    requireTenant(p);
    const invitation = await this.invitations.lockById(id);
    if (!invitation || !canInvite(p, await this.targets.grantOf(invitation))) throw DomainError.notFound('Invitation', 'id');
    return invitation;
  }

  // ── the invitee's side (public: the token is the credential) ──────────────

  async preview(token: string): Promise<InvitationPreview> {
    const { tenantId, tokenHash } = await this.locate(token, 'token');
    return TenantContext.run({ tenantId, actorUserId: null }, () =>
      this.db.transaction(async (em) => {
        const invitation = await this.invitations.findByTokenHash(tokenHash);
        const tenant = await em.findOneBy(Tenant, { id: tenantId });
        if (!invitation || !tenant) throw invalidLink('token');
        const user = await em.findOneBy(User, { email: invitation.email });
        return {
          hubName: tenant.name,
          role: invitation.role,
          email: invitation.email,
          expiresAt: invitation.expiresAt,
          state: invitationState(invitation, this.clock.now()),
          accountExists: Boolean(user?.passwordHash),
        };
      }),
    );
  }

  /**
   * Accepts an invitation and logs the invitee in. A new account needs a password that meets the
   * policy; an existing account proves itself with its current password (the link alone must not
   * log anyone into someone else's account). One transaction: the user (if new), the membership
   * (unless it exists already), the invitation marked accepted, the audit entries, the session.
   */
  async accept(input: { token?: unknown; password?: unknown; displayName?: unknown }): Promise<AuthPayload> {
    const { tenantId, tokenHash } = await this.locate(input.token, 'input.token');
    const invitation = await TenantContext.run({ tenantId, actorUserId: null }, () => this.invitations.findByTokenHash(tokenHash));
    if (!invitation) throw invalidLink('input.token');
    assertInvitationOpen(invitation, this.clock.now());
    const plan = await this.planAccount(invitation.email, input);
    const userId = plan.kind === 'existing' ? plan.user.id : plan.userId;

    const payload = await TenantContext.run({ tenantId, actorUserId: userId }, () =>
      this.db.transaction(async (em) => {
        const locked = await this.invitations.lockById(invitation.id);
        if (!locked) throw invalidLink('input.token');
        assertInvitationOpen(locked, this.clock.now());
        await this.targets.assertLive(locked, 'input.token');
        if (plan.kind === 'new' && plan.replacesPasswordless) {
          await em.update(
            User,
            { id: userId },
            { passwordHash: plan.passwordHash, ...(plan.displayName ? { displayName: plan.displayName } : {}) },
          );
        } else if (plan.kind === 'new') {
          await em.insert(User, {
            id: userId,
            email: locked.email,
            passwordHash: plan.passwordHash,
            displayName: plan.displayName,
            isPlatformAdmin: false,
          });
        }
        const existing = await this.memberships.findLive(userId, locked);
        const membership =
          existing ??
          (await this.memberships.insert({
            userId,
            role: locked.role,
            clusterId: locked.clusterId,
            schoolId: locked.schoolId,
            employerId: locked.employerId,
            archivedAt: null,
          }));
        await this.invitations.update(locked.id, { acceptedAt: this.clock.now() });
        await AuditLog.record(em, {
          action: 'invitation.accepted',
          entityType: 'invitation',
          entityId: locked.id,
          detail: { membershipId: membership.id, newAccount: plan.kind === 'new' },
        });
        if (!existing) {
          await AuditLog.record(em, {
            action: 'membership.created',
            entityType: 'membership',
            entityId: membership.id,
            detail: { ...grantDetail(locked), userId, invitationId: locked.id },
          });
        }
        const user = await em.findOneByOrFail(User, { id: userId });
        const tenant = await em.findOneByOrFail(Tenant, { id: tenantId });
        const principal = principalOfMembership(userId, membership.id, membership);
        return this.sessions.startForMembership(principal, user, { id: tenant.id, name: tenant.name, slug: tenant.slug });
      }),
    );
    await this.systemDb.recordLogin(userId);
    return payload;
  }

  /** The token's shape, then its hub (SECURITY DEFINER look-up): TOKEN_INVALID for anything unknown. */
  private async locate(token: unknown, field: string): Promise<{ tenantId: string; tokenHash: string }> {
    const tokenHash = this.links.hashOf(token);
    if (!tokenHash) throw invalidLink(field);
    const tenantId = await this.systemDb.tenantOfInvitation(tokenHash);
    if (!tenantId) throw invalidLink(field);
    return { tenantId, tokenHash };
  }

  /** Checks the password (existing account, throttled like log-in) or the new one against the policy, and hashes it. */
  private async planAccount(email: string, input: { password?: unknown; displayName?: unknown }): Promise<AccountPlan> {
    const user = await this.systemDb.findUserByEmail(email);
    const password = typeof input.password === 'string' ? input.password : '';
    if (user?.passwordHash) {
      if (!password)
        throw DomainError.invalid(
          'input.password',
          'REQUIRED',
          'input.password is required: enter your Tandem password to add this hub to your account',
        );
      await this.throttle.take([{ kind: 'account', subject: email }], 'input.password');
      if (!(await this.credentials.verify(user, password))) throw invalidCredentials('input.password');
      await this.throttle.succeeded(email, null);
      return { kind: 'existing', user };
    }
    if (user?.disabledAt) throw invalidCredentials('input.password');
    const c = collect();
    if (!password) c.add('input.password', 'REQUIRED', 'input.password is required: choose a password of at least 12 characters');
    else c.run(() => inputField(() => assertPasswordAcceptable(password, { email }), 'password', 'input.password'));
    const displayName = isBlank(input.displayName) ? null : c.run(() => parseText(input.displayName, 'input.displayName', 200, 'name'));
    c.throwIfAny();
    return {
      kind: 'new',
      userId: user?.id ?? randomUUID(),
      passwordHash: await this.credentials.hash(password),
      displayName: displayName ?? null,
      replacesPasswordless: Boolean(user),
    };
  }
}

function invalidLink(field: string): DomainError {
  return new DomainError('TOKEN_INVALID', 'This invitation link is not valid. Check that you copied the whole link from the email.', field);
}

/** Runs a validator whose errors name `from`, and renames that field (and its mention in the message) `to`. */
function inputField<T>(fn: () => T, from: string, to: string): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof DomainError && e.field === from) throw new DomainError(e.code, e.message.replace(new RegExp(`^${from}\\b`), to), to);
    throw e;
  }
}
