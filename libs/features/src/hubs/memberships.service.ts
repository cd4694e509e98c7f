import { Injectable } from '@nestjs/common';
import {
  canManageTenant,
  canSeeMembership,
  Clock,
  collect,
  DomainError,
  isBlank,
  parseEnum,
  parseText,
  type Principal,
  reachOf,
  ROLES,
  pageSize,
} from '@tandem/domain';
import { AuditLog, isUuid, SystemDb, TenantDb, type Membership, type User } from '@tandem/persistence';
import { type Connection } from '@tandem/platform';
import { SessionService } from '@tandem/features/auth';
import { connectionOf, mustBeAllowed, requireTenant, updated } from '@tandem/features/shared';
import type { MembershipFilter } from './membership.types';
import { MembershipRepository } from './memberships.repository';
import { ScopeTargets } from './scope-targets';

/** Who has which role in the hub: listing (in scope) and archiving (hub admins). */
@Injectable()
export class MembershipsService {
  constructor(
    private readonly clock: Clock,
    private readonly db: TenantDb,
    private readonly systemDb: SystemDb,
    private readonly memberships: MembershipRepository,
    private readonly targets: ScopeTargets,
    private readonly sessions: SessionService,
  ) {}

  async list(
    p: Principal,
    filter: MembershipFilter | null | undefined,
    first?: number | null,
    after?: string | null,
  ): Promise<Connection<Membership>> {
    requireTenant(p);
    const f = filter ?? {};
    const c = collect();
    const role = isBlank(f.role) ? undefined : c.run(() => parseEnum(f.role, ROLES, 'filter.role'));
    const search = isBlank(f.search) ? undefined : c.run(() => parseText(f.search, 'filter.search', 200));
    const ids: Record<'clusterId' | 'schoolId' | 'employerId', string | undefined> = {
      clusterId: undefined,
      schoolId: undefined,
      employerId: undefined,
    };
    for (const key of ['clusterId', 'schoolId', 'employerId'] as const) {
      const value = f[key];
      if (isBlank(value)) continue;
      if (isUuid(value)) ids[key] = value.toLowerCase();
      else c.add(`filter.${key}`, 'NOT_FOUND', `${{ clusterId: 'Cluster', schoolId: 'School', employerId: 'Employer' }[key]} not found`);
    }
    const size = c.run(() => pageSize(first));
    c.throwIfAny();
    const { page, total } = await this.memberships.list(
      reachOf(p, 'viewMemberships'),
      { role, search, ...ids, includeArchived: f.includeArchived === true },
      { first: size, after },
    );
    return connectionOf(page, total);
  }

  /**
   * Archives a membership (never deletes) and ends its sessions at once; its access tokens lapse
   * within their lifetime. The hub's last hub admin cannot be removed (whoever asks, themselves
   * included): invite another first.
   */
  async archive(p: Principal, id: string): Promise<Membership> {
    requireTenant(p);
    return this.db.transaction(async (em) => {
      const membership = await this.memberships.findById(id);
      if (!membership || !canSeeMembership(p, await this.targets.grantOf(membership))) throw DomainError.notFound('Membership', 'id');
      mustBeAllowed(canManageTenant(p), 'remove people from this hub');
      if (membership.archivedAt) return membership;
      if (membership.role === 'hub_admin') {
        const admins = await this.memberships.lockLiveHubAdmins();
        if (admins.filter((m) => m.id !== membership.id).length === 0) {
          throw new DomainError('CONFLICT', "This is the hub's last hub admin. Invite another hub admin before removing this one.", 'id');
        }
      }
      const archived = updated(await this.memberships.update(membership.id, { archivedAt: this.clock.now() }));
      const sessionsEnded = await this.sessions.revokeForMembership(membership.id);
      await AuditLog.record(em, {
        action: 'membership.archived',
        entityType: 'membership',
        entityId: membership.id,
        detail: { userId: membership.userId, role: membership.role, sessionsEnded },
      });
      return archived;
    });
  }

  /** Users by id for a DataLoader (the people behind memberships). */
  usersByIds(ids: readonly string[]): Promise<User[]> {
    return this.systemDb.findUsersByIds(ids);
  }
}
