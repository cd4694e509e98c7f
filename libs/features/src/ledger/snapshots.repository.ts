import { Injectable } from '@nestjs/common';
import type { ScopeFilter } from '@tandem/domain';
import { CoverageSnapshot, TenantDb, TenantRepository, type Page, type PageRequest } from '@tandem/persistence';
import type { SelectQueryBuilder } from 'typeorm';

@Injectable()
export class SnapshotRepository extends TenantRepository<CoverageSnapshot> {
  constructor(db: TenantDb) {
    super(db, CoverageSnapshot, 'snapshot');
  }

  /** Hub snapshots and the snapshots of schools in scope, newest first. */
  async list(
    scope: ScopeFilter,
    filter: { schoolId?: string; academicYear?: number },
    page: PageRequest,
  ): Promise<{ page: Page<CoverageSnapshot>; total: number }> {
    const narrow = (qb: SelectQueryBuilder<CoverageSnapshot>): SelectQueryBuilder<CoverageSnapshot> => {
      if (scope.kind === 'cluster') {
        qb.andWhere(
          '(snapshot.school_id is null or snapshot.school_id in (select s.id from schools s where s.cluster_id = :scopeClusterId))',
          { scopeClusterId: scope.clusterId },
        );
      } else if (scope.kind === 'school')
        qb.andWhere('(snapshot.school_id is null or snapshot.school_id = :scopeSchoolId)', { scopeSchoolId: scope.schoolId });
      else if (scope.kind !== 'all') qb.andWhere('false');
      if (filter.schoolId) qb.andWhere('snapshot.school_id = :schoolId', { schoolId: filter.schoolId });
      if (filter.academicYear !== undefined) qb.andWhere('snapshot.academic_year = :academicYear', { academicYear: filter.academicYear });
      return qb;
    };
    return this.pageWithTotal(page, narrow);
  }
}
