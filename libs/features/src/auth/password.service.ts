import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Clock, DomainError, parseEmail } from '@tandem/domain';
import { AuditLog, PasswordReset, SystemDb, TenantContext, TenantDb, User } from '@tandem/persistence';
import { assertPasswordAcceptable, LinkTokens, Outbox, PasswordHasher, type Principal } from '@tandem/platform';
import { Credentials } from './credentials';
import { LoginThrottle } from './login-throttle';
import { AuthSessions } from './session.repository';
import { PASSWORD_RESET_LINK_PURPOSE } from './mail/password-reset.composer';

/** How long a reset link works. */
export const PASSWORD_RESET_TTL_MINUTES = 60;

/**
 * Changing a password (logged in, with the current one) and resetting it by an emailed link (for a
 * user who forgot it or was locked out by someone guessing). Either ends the user's other sessions
 * on their next request; a reset ends all of them and clears the account's log-in throttle.
 */
@Injectable()
export class PasswordService {
  constructor(
    private readonly clock: Clock,
    private readonly db: TenantDb,
    private readonly systemDb: SystemDb,
    private readonly credentials: Credentials,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly links: LinkTokens,
  ) {}

  async change(p: Principal, input: { currentPassword?: unknown; newPassword?: unknown }, source: string | null): Promise<boolean> {
    const now = this.clock.now();
    const user = await this.systemDb.findUserById(p.userId);
    if (!user || user.disabledAt) throw new DomainError('UNAUTHENTICATED', 'Your session is no longer valid. Log in again.');
    const current = typeof input.currentPassword === 'string' ? input.currentPassword : '';
    if (!current) throw DomainError.invalid('input.currentPassword', 'REQUIRED', 'currentPassword is required');
    const next = typeof input.newPassword === 'string' ? input.newPassword : '';
    try {
      assertPasswordAcceptable(next, { email: user.email });
    } catch (e) {
      throw e instanceof DomainError ? new DomainError(e.code, e.message.replace(/^password/, 'newPassword'), 'input.newPassword') : e;
    }
    // Guessing the current password through this form is throttled like log-in.
    await this.throttle.take(
      [{ kind: 'account', subject: user.email }, ...(source ? [{ kind: 'source' as const, subject: source }] : [])],
      'input.currentPassword',
    );
    if (!(await this.credentials.verify(user, current))) {
      throw new DomainError('INVALID_CREDENTIALS', 'The current password is not right', 'input.currentPassword');
    }
    await this.throttle.succeeded(user.email, source);
    const hash = await this.hasher.hash(next);
    const ended = await this.systemDb.changePassword(user.id, hash, (em) =>
      AuthSessions.endAllOfUser(em, user.id, 'password_changed', now, p.sessionId ?? null),
    );
    if (p.tenantId) await this.audit(p.tenantId, p.userId, 'user.password_changed', user.id, { sessionsEnded: ended });
    return true;
  }

  /**
   * Sends a reset link to the address if it belongs to an enabled account in a hub. The answer is
   * the same whether or not it does (nothing to learn about which addresses exist).
   */
  async requestReset(input: { email?: unknown }, source: string | null): Promise<boolean> {
    const now = this.clock.now();
    const email = parseEmail(input.email, 'email');
    await this.throttle.take(
      [{ kind: 'resetAccount', subject: email }, ...(source ? [{ kind: 'resetSource' as const, subject: source }] : [])],
      'email',
    );
    const user = await this.systemDb.findUserByEmail(email);
    if (!user || user.disabledAt) return true;
    const [hub] = await this.systemDb.membershipsForUser(user.id);
    if (!hub) return true; // a platform admin without a hub: another platform admin resets it
    const id = randomUUID();
    await TenantContext.run({ tenantId: hub.tenantId, actorUserId: null }, () =>
      this.db.transaction(async (em) => {
        await em.insert(PasswordReset, {
          id,
          tenantId: hub.tenantId,
          userId: user.id,
          tokenHash: this.links.derive(PASSWORD_RESET_LINK_PURPOSE, id).hash,
          expiresAt: new Date(now.getTime() + PASSWORD_RESET_TTL_MINUTES * 60_000),
          usedAt: null,
        });
        await Outbox.add(em, 'mail', { tenantId: hub.tenantId, kind: 'password_reset', passwordResetId: id });
        await AuditLog.record(em, { action: 'user.password_reset_requested', entityType: 'user', entityId: user.id });
      }),
    );
    return true;
  }

  /** Sets a new password from an emailed link (once), ends every session and lifts the log-in block. */
  async reset(input: { token?: unknown; newPassword?: unknown }): Promise<boolean> {
    const now = this.clock.now();
    const hash = this.links.hashOf(input.token);
    const tenantId = hash ? await this.systemDb.tenantOfPasswordReset(hash) : null;
    if (!hash || !tenantId) throw invalidLink();
    const newPassword = typeof input.newPassword === 'string' ? input.newPassword : '';
    const email = await TenantContext.run({ tenantId, actorUserId: null }, () =>
      this.db.transaction(async (em) => {
        const reset = await em
          .createQueryBuilder(PasswordReset, 'r')
          .where('r.token_hash = :hash', { hash })
          .setLock('pessimistic_write')
          .getOne();
        if (!reset || reset.usedAt || reset.expiresAt <= now) throw invalidLink();
        const user = await em.findOneBy(User, { id: reset.userId });
        if (!user || user.disabledAt) throw invalidLink();
        try {
          assertPasswordAcceptable(newPassword, { email: user.email });
        } catch (e) {
          throw e instanceof DomainError ? new DomainError(e.code, e.message.replace(/^password/, 'newPassword'), 'input.newPassword') : e;
        }
        await em.update(User, { id: user.id }, { passwordHash: await this.hasher.hash(newPassword) });
        // This link and any other open one for the user: used.
        await em.query('update password_resets set used_at = $2 where user_id = $1 and used_at is null', [user.id, now]);
        const ended = await AuthSessions.endAllOfUser(em, user.id, 'password_reset', now);
        await AuditLog.record(em, {
          action: 'user.password_reset',
          entityType: 'user',
          entityId: user.id,
          detail: { sessionsEnded: ended },
        });
        return user.email;
      }),
    );
    await this.throttle.clear('account', email);
    return true;
  }

  private audit(tenantId: string, actorUserId: string, action: string, userId: string, detail: Record<string, number>): Promise<void> {
    return TenantContext.run({ tenantId, actorUserId }, () =>
      this.db.transaction((em) => AuditLog.record(em, { action, entityType: 'user', entityId: userId, detail })),
    );
  }
}

function invalidLink(): DomainError {
  return new DomainError('TOKEN_INVALID', 'This reset link is not valid any more: ask for a new one from the log-in page.', 'input.token');
}
