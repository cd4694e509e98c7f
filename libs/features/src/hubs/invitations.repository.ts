import { Injectable } from '@nestjs/common';
import type { Role, ScopeFilter } from '@tandem/domain';
import { Invitation, isUuid, TenantDb, TenantRepository, type Page, type PageRequest } from '@tandem/persistence';
import type { SelectQueryBuilder } from 'typeorm';
import { likePattern } from './clusters.repository';
import type { InvitationState } from './invitation-rules';
import { inClusterSql } from './memberships.repository';

export interface InvitationListFilter {
  state?: InvitationState;
  role?: Role;
  search?: string;
}

/** The SQL of each state (the same rule as invitationState). */
const STATE_SQL: Readonly<Record<InvitationState, string>> = {
  accepted: 'invitation.accepted_at is not null',
  revoked: 'invitation.accepted_at is null and invitation.revoked_at is not null',
  expired: 'invitation.accepted_at is null and invitation.revoked_at is null and invitation.expires_at <= app_now()',
  pending: 'invitation.accepted_at is null and invitation.revoked_at is null and invitation.expires_at > app_now()',
};

/** One role's part of the scope condition (see invitationReachOf). */
function reachSql(role: Role, reach: ScopeFilter, i: number): { sql: string; params: Record<string, string> } | null {
  const roleSql = `invitation.role = :reachRole${i}`;
  const params: Record<string, string> = { [`reachRole${i}`]: role };
  switch (reach.kind) {
    case 'all':
      return { sql: roleSql, params };
    case 'cluster':
      return {
        sql: `${roleSql} and ${inClusterSql('invitation', `reachCluster${i}`)}`,
        params: { ...params, [`reachCluster${i}`]: reach.clusterId },
      };
    case 'school':
      return { sql: `${roleSql} and invitation.school_id = :reachSchool${i}`, params: { ...params, [`reachSchool${i}`]: reach.schoolId } };
    case 'employer':
      return {
        sql: `${roleSql} and invitation.employer_id = :reachEmployer${i}`,
        params: { ...params, [`reachEmployer${i}`]: reach.employerId },
      };
    default:
      return null;
  }
}

@Injectable()
export class InvitationRepository extends TenantRepository<Invitation> {
  constructor(db: TenantDb) {
    super(db, Invitation, 'invitation');
  }

  /** A page of the invitations the caller could have sent (`reach` per role), newest first, and the total. */
  async list(
    reach: Readonly<Record<Role, ScopeFilter>>,
    filter: InvitationListFilter,
    page: PageRequest,
  ): Promise<{ page: Page<Invitation>; total: number }> {
    const parts = (Object.entries(reach) as Array<[Role, ScopeFilter]>)
      .map(([role, r], i) => reachSql(role, r, i))
      .filter((p) => p !== null);
    const narrow = (qb: SelectQueryBuilder<Invitation>): SelectQueryBuilder<Invitation> => {
      if (!parts.length) qb.andWhere('false');
      else qb.andWhere(`(${parts.map((p) => `(${p.sql})`).join(' or ')})`, Object.assign({}, ...parts.map((p) => p.params)));
      if (filter.state) qb.andWhere(STATE_SQL[filter.state]);
      if (filter.role) qb.andWhere('invitation.role = :role', { role: filter.role });
      if (filter.search) qb.andWhere('lower(invitation.email) like :search', { search: likePattern(filter.search) });
      return qb;
    };
    return this.pageWithTotal(page, narrow);
  }

  /** Locked until the transaction ends (acceptance, revocation and resend queue up on it). */
  lockById(id: string): Promise<Invitation | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    return this.query((qb) => qb.where('invitation.id = :id', { id }).setLock('pessimistic_write').getOne());
  }

  findByTokenHash(tokenHash: string): Promise<Invitation | null> {
    return this.query((qb) => qb.where('invitation.token_hash = :tokenHash', { tokenHash }).getOne());
  }

  /** An open (not accepted, revoked or expired) invitation of this email to exactly this role and scope. */
  findOpen(grant: {
    email: string;
    role: Role;
    clusterId: string | null;
    schoolId: string | null;
    employerId: string | null;
  }): Promise<Invitation | null> {
    return this.query((qb) =>
      qb
        // citext: compared case-insensitively (and by its index).
        .where(`invitation.email = :email and invitation.role = :role and ${STATE_SQL.pending}`, { email: grant.email, role: grant.role })
        .andWhere('invitation.cluster_id is not distinct from :clusterId', { clusterId: grant.clusterId })
        .andWhere('invitation.school_id is not distinct from :schoolId', { schoolId: grant.schoolId })
        .andWhere('invitation.employer_id is not distinct from :employerId', { employerId: grant.employerId })
        .getOne(),
    );
  }
}
