import { Injectable } from '@nestjs/common';
import { canSeeCluster, canSeeEmployer, canSeeSchool, DomainError, type Principal, type Role, type RoleGrant } from '@tandem/domain';
import { SchoolRepository } from '@tandem/features/schools';
import { ClusterRepository, ScopeEmployerRepository } from './clusters.repository';
import { SCOPE_FIELD_OF_ROLE, scopeNotFound } from './invitation-rules';

/** A role and its scope ids, as memberships and invitations hold them. */
export interface GrantRow {
  tenantId?: string;
  role: Role;
  clusterId: string | null;
  schoolId: string | null;
  employerId: string | null;
}

const NOUN = { clusterId: 'cluster', schoolId: 'school', employerId: 'employer' } as const;

/**
 * The records people are scoped to (a cluster, a school, an employer): do they exist in this hub,
 * are they live, may the caller see them, and which cluster a school is in (scope.ts needs it for
 * school staff).
 */
@Injectable()
export class ScopeTargets {
  constructor(
    private readonly clusters: ClusterRepository,
    private readonly schools: SchoolRepository,
    private readonly employers: ScopeEmployerRepository,
  ) {}

  /** The cluster of the caller's own school (school staff), for canSeeCluster. */
  async clusterOfPrincipalSchool(p: Principal): Promise<string | null> {
    if (p.role !== 'school_staff' || !p.schoolId) return null;
    return (await this.schools.findById(p.schoolId))?.clusterId ?? null;
  }

  /** A grant with its school's cluster filled in (for canInvite / canSeeMembership). */
  async grantOf(row: GrantRow): Promise<RoleGrant> {
    const schoolClusterId = row.schoolId ? ((await this.schools.findById(row.schoolId))?.clusterId ?? null) : null;
    return { ...row, schoolClusterId };
  }

  /**
   * For a new invitation: the record its scope id names must exist in this hub, be live and be
   * visible to the caller; otherwise NOT_FOUND naming the input field (`input.schoolId`…).
   */
  async resolveForInvite(p: Principal, fields: GrantRow): Promise<RoleGrant> {
    const field = SCOPE_FIELD_OF_ROLE[fields.role];
    if (field === 'clusterId') {
      const cluster = await this.clusters.findById(fields.clusterId ?? '');
      if (!cluster || cluster.archivedAt || !canSeeCluster(p, cluster, await this.clusterOfPrincipalSchool(p))) throw scopeNotFound(field);
    } else if (field === 'schoolId') {
      const school = await this.schools.findById(fields.schoolId ?? '');
      if (!school || school.archivedAt || !canSeeSchool(p, school)) throw scopeNotFound(field);
      return { ...fields, schoolClusterId: school.clusterId };
    } else if (field === 'employerId') {
      const employer = await this.employers.findById(fields.employerId ?? '');
      if (!employer || employer.archivedAt || !canSeeEmployer(p, employer)) throw scopeNotFound(field);
    }
    return { ...fields, schoolClusterId: null };
  }

  /** An existing grant's record must still be live (accepting or resending an invitation): CONFLICT otherwise. */
  async assertLive(grant: GrantRow, field: string): Promise<void> {
    const scope = SCOPE_FIELD_OF_ROLE[grant.role];
    if (!scope) return;
    const id = grant[scope] ?? '';
    const row =
      scope === 'clusterId'
        ? await this.clusters.findById(id)
        : scope === 'schoolId'
          ? await this.schools.findById(id)
          : await this.employers.findById(id);
    if (!row || row.archivedAt) {
      throw new DomainError('CONFLICT', `The ${NOUN[scope]} this invitation is for has been archived, so it can no longer be used`, field);
    }
  }
}
