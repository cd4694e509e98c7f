import { randomUUID } from 'node:crypto';
import { DomainError, type Clock } from '@tandem/domain';
import { DataSource, type EntityManager } from 'typeorm';
import type { JsonObject } from '../entities/base';
import { Tenant } from '../entities/tenant.entity';
import { User } from '../entities/user.entity';
import type { MembershipRole } from '../entities/enums';
import { isUuid } from './cursor';

export interface MembershipSummary {
  tenantId: string;
  tenantName: string;
  tenantSlug: string;
  membershipId: string;
  role: MembershipRole;
  clusterId: string | null;
  schoolId: string | null;
  employerId: string | null;
}

export interface TenantSummary {
  id: string;
  name: string;
  slug: string;
  archivedAt: Date | null;
  createdAt: Date;
}

export interface CreateUserInput {
  email: string;
  displayName?: string | null;
  passwordHash?: string | null;
  isPlatformAdmin?: boolean;
}

export interface CreateTenantInput {
  name: string;
  slug: string;
  settings?: JsonObject;
}

function isUniqueViolation(e: unknown, constraint: string): boolean {
  const err = e as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  const code = err.driverError?.code ?? err.code;
  const name = err.driverError?.constraint ?? err.constraint;
  return code === '23505' && name === constraint;
}

/**
 * Database access that happens before (or above) a tenant: the SECURITY DEFINER look-ups
 * (log-in, invitation acceptance, refresh), the global `users` table, and creating a tenant.
 * Connects as the app role like everything else; it can only see what those functions return.
 */
export class SystemDb {
  // Private: everything done without a tenant is one of the named methods below, each a reviewed
  // SECURITY DEFINER function or a global table, never ad-hoc SQL on the app role's pool.
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  // ── look-ups that precede a tenant ──────────────────────────────────────────

  /** Active memberships (in non-archived tenants) of a user, across tenants. */
  async membershipsForUser(userId: string): Promise<MembershipSummary[]> {
    if (!isUuid(userId)) return [];
    const rows: Array<Record<string, string | null>> = await this.dataSource.query('select * from auth_memberships_for_user($1)', [userId]);
    return rows.map((r) => ({
      tenantId: r['tenant_id'] as string,
      tenantName: r['tenant_name'] as string,
      tenantSlug: r['tenant_slug'] as string,
      membershipId: r['membership_id'] as string,
      role: r['role'] as MembershipRole,
      clusterId: r['cluster_id'],
      schoolId: r['school_id'],
      employerId: r['employer_id'],
    }));
  }

  /** Tenant id of the password reset with this token hash (any state: check it inside the tenant). */
  async tenantOfPasswordReset(tokenHash: string): Promise<string | null> {
    const rows: Array<{ t: string | null }> = await this.dataSource.query('select auth_tenant_of_password_reset($1) as t', [tokenHash]);
    return rows[0]?.t ?? null;
  }

  /** Tenant id of the invitation with this token hash (any state: check expiry inside the tenant). */
  async tenantOfInvitation(tokenHash: string): Promise<string | null> {
    const rows: Array<{ t: string | null }> = await this.dataSource.query('select auth_tenant_of_invitation($1) as t', [tokenHash]);
    return rows[0]?.t ?? null;
  }

  /** Tenant id of the refresh session with this token hash (any state). */
  async tenantOfRefreshSession(tokenHash: string): Promise<string | null> {
    const rows: Array<{ t: string | null }> = await this.dataSource.query('select auth_tenant_of_refresh_session($1) as t', [tokenHash]);
    return rows[0]?.t ?? null;
  }

  /** Tenant id of the emailed booking link with this token hash (any state: check it inside the tenant). */
  async tenantOfBookingLink(tokenHash: string): Promise<string | null> {
    const rows: Array<{ t: string | null }> = await this.dataSource.query('select booking_link_tenant($1) as t', [tokenHash]);
    return rows[0]?.t ?? null;
  }

  /** Tenants with outbox rows due at `now` (the relay serves every tenant), oldest due first. */
  async tenantsWithDueOutboxRows(now: Date, limit: number): Promise<string[]> {
    const rows: Array<{ tenant_id: string }> = await this.dataSource.query('select tenant_id from outbox_pending_tenants($1, $2)', [
      limit,
      now,
    ]);
    return rows.map((r) => r.tenant_id);
  }

  /**
   * Every hub's outbox at once, for metrics: the oldest row due at `now` that the relay has not
   * moved yet (null when none) and how many are due, counted up to `cap`.
   */
  async outboxLag(now: Date, cap: number): Promise<{ oldestDue: Date | null; dueRows: number }> {
    const rows: Array<{ oldest_due: Date | null; due_rows: number }> = await this.dataSource.query(
      'select oldest_due, due_rows from outbox_lag($1, $2)',
      [now, cap],
    );
    return { oldestDue: rows[0]?.oldest_due ?? null, dueRows: rows[0]?.due_rows ?? 0 };
  }

  /** Every tenant (platform admin screens). Authorisation is the caller's job. */
  async listTenants(): Promise<TenantSummary[]> {
    const rows: Array<{ id: string; name: string; slug: string; archived_at: Date | null; created_at: Date }> = await this.dataSource.query(
      'select * from platform_list_tenants()',
    );
    return rows.map((r) => ({ id: r.id, name: r.name, slug: r.slug, archivedAt: r.archived_at, createdAt: r.created_at }));
  }

  /** A non-archived tenant by slug (log-in with `tenantSlug`). */
  async tenantBySlug(slug: string): Promise<{ id: string; name: string; slug: string } | null> {
    const rows: Array<{ id: string; name: string; slug: string }> = await this.dataSource.query('select * from auth_tenant_by_slug($1)', [
      slug,
    ]);
    return rows[0] ?? null;
  }

  /**
   * Creates a tenant. The row passes RLS because `app.tenant_id` is set to the new id for this
   * transaction only. Slug taken → DomainError ALREADY_EXISTS (field `slug`).
   */
  async createTenant(input: CreateTenantInput): Promise<Tenant> {
    const id = randomUUID();
    try {
      return await this.dataSource.transaction(async (em) => {
        await em.query(`select set_config('app.tenant_id', $1, true), set_config('app.now', $2, true)`, [
          id,
          this.clock.now().toISOString(),
        ]);
        await em.insert(Tenant, { id, name: input.name, slug: input.slug, settings: input.settings ?? {} });
        return em.findOneByOrFail(Tenant, { id });
      });
    } catch (e) {
      if (isUniqueViolation(e, 'tenants_slug_key')) {
        throw new DomainError('ALREADY_EXISTS', `slug "${input.slug}" is already used by another hub`, 'slug');
      }
      throw e;
    }
  }

  // ── users (global table, no RLS) ────────────────────────────────────────────

  findUserByEmail(email: string): Promise<User | null> {
    // citext: case-insensitive comparison in the database.
    return this.dataSource.getRepository(User).findOneBy({ email: email.trim() });
  }

  findUserById(id: string): Promise<User | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    return this.dataSource.getRepository(User).findOneBy({ id });
  }

  findUsersByIds(ids: readonly string[]): Promise<User[]> {
    const valid = [...new Set(ids.filter(isUuid))];
    if (!valid.length) return Promise.resolve([]);
    return this.dataSource.getRepository(User).createQueryBuilder('u').where('u.id in (:...ids)', { ids: valid }).getMany();
  }

  /** Email taken → DomainError ALREADY_EXISTS (field `email`). */
  async createUser(input: CreateUserInput): Promise<User> {
    const repo = this.dataSource.getRepository(User);
    try {
      const result = await repo.insert({
        email: input.email.trim(),
        displayName: input.displayName ?? null,
        passwordHash: input.passwordHash ?? null,
        isPlatformAdmin: input.isPlatformAdmin ?? false,
      });
      return await repo.findOneByOrFail({ id: (result.identifiers[0] as { id: string }).id });
    } catch (e) {
      if (isUniqueViolation(e, 'users_email_key')) {
        throw new DomainError('ALREADY_EXISTS', `a user with email ${input.email.trim()} already exists`, 'email');
      }
      throw e;
    }
  }

  async setPasswordHash(userId: string, passwordHash: string): Promise<void> {
    await this.dataSource.getRepository(User).update({ id: userId }, { passwordHash });
  }

  /**
   * Sets a user's password hash and, in the same transaction (with the product's clock as `app.now`),
   * runs `alsoDo`: the caller ends the user's other sessions there, so the two cannot come apart.
   */
  async changePassword<T>(userId: string, passwordHash: string, alsoDo: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (em) => {
      await em.query(`select set_config('app.now', $1, true)`, [this.clock.now().toISOString()]);
      await em.update(User, { id: userId }, { passwordHash });
      return alsoDo(em);
    });
  }

  async updateDisplayName(userId: string, displayName: string | null): Promise<void> {
    await this.dataSource.getRepository(User).update({ id: userId }, { displayName });
  }

  async recordLogin(userId: string): Promise<void> {
    await this.dataSource.getRepository(User).update({ id: userId }, { lastLoginAt: this.clock.now() });
  }

  async setDisabled(userId: string, disabled: boolean): Promise<void> {
    await this.dataSource.getRepository(User).update({ id: userId }, { disabledAt: disabled ? this.clock.now() : null });
  }
}
