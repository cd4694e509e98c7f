import { Injectable } from '@nestjs/common';
import type { ScopeFilter } from '@tandem/domain';
import { Cluster, Employer, TenantDb, TenantRepository, type Page, type PageRequest } from '@tandem/persistence';
import type { SelectQueryBuilder } from 'typeorm';

/** Escapes LIKE's wildcards so a search for "50%" means the text. */
export function likePattern(search: string): string {
  return `%${search.toLowerCase().replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
}

@Injectable()
export class ClusterRepository extends TenantRepository<Cluster> {
  constructor(db: TenantDb) {
    super(db, Cluster, 'cluster');
  }

  /** A page of clusters within `scope` (viewCluster), newest first, and how many match in all. */
  async list(
    scope: ScopeFilter,
    filter: { search?: string; includeArchived: boolean },
    page: PageRequest,
  ): Promise<{ page: Page<Cluster>; total: number }> {
    const narrow = (qb: SelectQueryBuilder<Cluster>): SelectQueryBuilder<Cluster> => {
      if (scope.kind === 'cluster') qb.andWhere('cluster.id = :scopeClusterId', { scopeClusterId: scope.clusterId });
      else if (scope.kind === 'school')
        qb.andWhere('cluster.id = (select s.cluster_id from schools s where s.id = :scopeSchoolId)', { scopeSchoolId: scope.schoolId });
      else if (scope.kind !== 'all') qb.andWhere('false');
      if (!filter.includeArchived) qb.andWhere('cluster.archived_at is null');
      if (filter.search) qb.andWhere('lower(cluster.name) like :search', { search: likePattern(filter.search) });
      return qb;
    };
    return this.pageWithTotal(page, narrow);
  }

  /** A live cluster with this name (any case), other than `exceptId`: names are unique among live clusters. */
  findLiveByName(name: string, exceptId?: string): Promise<Cluster | null> {
    return this.query((qb) => {
      qb.where('lower(cluster.name) = lower(:name) and cluster.archived_at is null', { name });
      if (exceptId) qb.andWhere('cluster.id <> :exceptId', { exceptId });
      return qb.getOne();
    });
  }

  /** What still depends on a cluster: live schools in it and live coordinator memberships for it. */
  usage(clusterId: string): Promise<{ schools: number; coordinators: number }> {
    return this.tx(async (em) => {
      const [row] = (await em.query(
        `select (select count(*) from schools where cluster_id = $1 and archived_at is null)::int as schools,
                (select count(*) from memberships where cluster_id = $1 and archived_at is null)::int as coordinators`,
        [clusterId],
      )) as Array<{ schools: number; coordinators: number }>;
      return row;
    });
  }
}

/** Employers as far as people's scope cares (that one exists); read-only here. */
@Injectable()
export class ScopeEmployerRepository extends TenantRepository<Employer> {
  constructor(db: TenantDb) {
    super(db, Employer, 'employer');
  }
}
