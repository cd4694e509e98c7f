import { Injectable } from '@nestjs/common';
import type { Role, ScopeFilter } from '@tandem/domain';
import { Membership, TenantDb, TenantRepository, type Page, type PageRequest } from '@tandem/persistence';
import type { SelectQueryBuilder } from 'typeorm';
import { likePattern } from './clusters.repository';

export interface MembershipListFilter {
  role?: Role;
  clusterId?: string;
  schoolId?: string;
  employerId?: string;
  search?: string;
  includeArchived: boolean;
}

/** `alias` is in cluster `param`: a coordinator of it, or staff of one of its schools. */
export function inClusterSql(alias: string, param: string): string {
  return `(${alias}.cluster_id = :${param} or ${alias}.school_id in (select s.id from schools s where s.cluster_id = :${param}))`;
}

@Injectable()
export class MembershipRepository extends TenantRepository<Membership> {
  constructor(db: TenantDb) {
    super(db, Membership, 'membership');
  }

  /** A page of memberships within `scope` (viewMemberships), newest first, and how many match in all. */
  async list(scope: ScopeFilter, filter: MembershipListFilter, page: PageRequest): Promise<{ page: Page<Membership>; total: number }> {
    const narrow = (qb: SelectQueryBuilder<Membership>): SelectQueryBuilder<Membership> => {
      if (scope.kind === 'cluster') qb.andWhere(inClusterSql('membership', 'scopeClusterId'), { scopeClusterId: scope.clusterId });
      else if (scope.kind !== 'all') qb.andWhere('false');
      if (!filter.includeArchived) qb.andWhere('membership.archived_at is null');
      if (filter.role) qb.andWhere('membership.role = :role', { role: filter.role });
      if (filter.clusterId) qb.andWhere(inClusterSql('membership', 'clusterId'), { clusterId: filter.clusterId });
      if (filter.schoolId) qb.andWhere('membership.school_id = :schoolId', { schoolId: filter.schoolId });
      if (filter.employerId) qb.andWhere('membership.employer_id = :employerId', { employerId: filter.employerId });
      if (filter.search) {
        qb.andWhere(
          "membership.user_id in (select u.id from users u where lower(u.email) like :search or lower(coalesce(u.display_name, '')) like :search)",
          {
            search: likePattern(filter.search),
          },
        );
      }
      return qb;
    };
    return this.pageWithTotal(page, narrow);
  }

  /** The hub's live hub-admin memberships, locked so that two archivals cannot both remove "one of two". */
  lockLiveHubAdmins(): Promise<Membership[]> {
    return this.query((qb) =>
      qb.where(`membership.role = 'hub_admin' and membership.archived_at is null`).setLock('pessimistic_write').getMany(),
    );
  }

  /** The user's live membership with exactly this role and scope, if any. */
  findLive(
    userId: string,
    grant: { role: Role; clusterId: string | null; schoolId: string | null; employerId: string | null },
  ): Promise<Membership | null> {
    return this.query((qb) =>
      qb
        .where('membership.user_id = :userId and membership.role = :role and membership.archived_at is null', { userId, role: grant.role })
        .andWhere('membership.cluster_id is not distinct from :clusterId', { clusterId: grant.clusterId })
        .andWhere('membership.school_id is not distinct from :schoolId', { schoolId: grant.schoolId })
        .andWhere('membership.employer_id is not distinct from :employerId', { employerId: grant.employerId })
        .getOne(),
    );
  }
}
