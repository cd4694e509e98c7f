import { Injectable } from '@nestjs/common';
import type { CalendarDate, ScopeFilter } from '@tandem/domain';
import { Cluster, School, TenantDb, TenantRepository, type Page, type PageRequest } from '@tandem/persistence';
import type { SelectQueryBuilder } from 'typeorm';
import { searchPatterns } from './school-rules';

export interface SchoolListFilter {
  clusterId?: string;
  search?: string;
  phase?: string;
  includeArchived: boolean;
}

@Injectable()
export class SchoolRepository extends TenantRepository<School> {
  constructor(db: TenantDb) {
    super(db, School, 'school');
  }

  /** A page of schools within `scope` (viewSchool), newest first, and how many match in all. */
  async list(scope: ScopeFilter, filter: SchoolListFilter, page: PageRequest): Promise<{ page: Page<School>; total: number }> {
    const narrow = (qb: SelectQueryBuilder<School>): SelectQueryBuilder<School> => {
      if (scope.kind === 'cluster') qb.andWhere('school.cluster_id = :scopeClusterId', { scopeClusterId: scope.clusterId });
      else if (scope.kind === 'school') qb.andWhere('school.id = :scopeSchoolId', { scopeSchoolId: scope.schoolId });
      else if (scope.kind !== 'all') qb.andWhere('false');
      if (!filter.includeArchived) qb.andWhere('school.archived_at is null');
      if (filter.clusterId) qb.andWhere('school.cluster_id = :clusterId', { clusterId: filter.clusterId });
      if (filter.phase) qb.andWhere('school.phase = :phase', { phase: filter.phase });
      if (filter.search) {
        const { contains, urnPrefix } = searchPatterns(filter.search);
        if (urnPrefix) qb.andWhere('(lower(school.name) like :contains or school.urn like :urnPrefix)', { contains, urnPrefix });
        else qb.andWhere('lower(school.name) like :contains', { contains });
      }
      return qb;
    };
    return this.pageWithTotal(page, narrow);
  }

  /** The school of this hub with this URN (archived ones too: the URN stays taken). */
  findByUrn(urn: string): Promise<School | null> {
    return this.query((qb) => qb.where('school.urn = :urn', { urn }).getOne());
  }

  /**
   * Pupils on roll on `today` (not erased or archived) whose year group falls outside `lowest`–`highest`:
   * a school cannot stop teaching a year its pupils are in.
   */
  countPupilsOutside(schoolId: string, lowest: number, highest: number, today: CalendarDate): Promise<number> {
    return this.tx(async (em) => {
      const rows: Array<{ n: number }> = await em.query(
        `select count(*)::int as n from pupils
          where school_id = $1 and erased_at is null and archived_at is null
            and (on_roll_to is null or on_roll_to >= $4::date)
            and (year_group < $2 or year_group > $3)`,
        [schoolId, lowest, highest, today],
      );
      return rows[0]?.n ?? 0;
    });
  }
}

/** Read-only: does a cluster exist in this hub (RLS keeps other hubs' out of sight)? */
@Injectable()
export class SchoolClusterRepository extends TenantRepository<Cluster> {
  constructor(db: TenantDb) {
    super(db, Cluster, 'cluster');
  }
}
