import { Injectable } from '@nestjs/common';
import type { ScopeFilter } from '@tandem/domain';
import { EncounterRequest, isUuid, RequestWindow, TenantDb, TenantRepository, type Page, type PageRequest } from '@tandem/persistence';
import type { SelectQueryBuilder } from 'typeorm';
import type { DayBound } from '@tandem/features/shared';

export interface RequestListFilter {
  clusterId?: string;
  schoolId?: string;
  yearGroup?: number;
  activityType?: string;
  status?: string;
  from?: DayBound;
  to?: DayBound;
  includeArchived: boolean;
}

@Injectable()
export class RequestRepository extends TenantRepository<EncounterRequest> {
  constructor(db: TenantDb) {
    super(db, EncounterRequest, 'request');
  }

  /** A page of requests within `scope` (viewRequest), newest first, and the number matching. */
  async list(scope: ScopeFilter, filter: RequestListFilter, page: PageRequest): Promise<{ page: Page<EncounterRequest>; total: number }> {
    const narrow = (qb: SelectQueryBuilder<EncounterRequest>): SelectQueryBuilder<EncounterRequest> => {
      qb.innerJoin('request.school', 'school');
      if (scope.kind === 'cluster') qb.andWhere('school.cluster_id = :scopeClusterId', { scopeClusterId: scope.clusterId });
      else if (scope.kind === 'school') qb.andWhere('request.school_id = :scopeSchoolId', { scopeSchoolId: scope.schoolId });
      else if (scope.kind !== 'all') qb.andWhere('false');
      if (!filter.includeArchived) qb.andWhere('request.archived_at is null');
      if (filter.clusterId) qb.andWhere('school.cluster_id = :clusterId', { clusterId: filter.clusterId });
      if (filter.schoolId) qb.andWhere('request.school_id = :schoolId', { schoolId: filter.schoolId });
      if (filter.yearGroup !== undefined) qb.andWhere('request.year_group = :yearGroup', { yearGroup: filter.yearGroup });
      if (filter.activityType) qb.andWhere('request.activity_type = :activityType', { activityType: filter.activityType });
      if (filter.status) qb.andWhere('request.status = :status', { status: filter.status });
      if (filter.from || filter.to) {
        // Some window overlaps the London days asked for.
        qb.andWhere(
          `exists (select 1 from request_windows w where w.request_id = request.id
                    and w.starts_at < cast(:toAt as timestamptz) and w.ends_at > cast(:fromAt as timestamptz))`,
          { fromAt: filter.from?.at.toISOString() ?? '-infinity', toAt: filter.to?.at.toISOString() ?? 'infinity' },
        );
      }
      return qb;
    };
    return this.pageWithTotal(page, narrow);
  }
}

@Injectable()
export class RequestWindowRepository extends TenantRepository<RequestWindow> {
  constructor(db: TenantDb) {
    super(db, RequestWindow, 'window');
  }

  forRequests(requestIds: readonly string[]): Promise<RequestWindow[]> {
    const ids = [...new Set(requestIds.filter(isUuid))];
    if (!ids.length) return Promise.resolve([]);
    return this.query((qb) =>
      qb.where('window.request_id in (:...ids)', { ids }).orderBy('window.starts_at', 'ASC').addOrderBy('window.id', 'ASC').getMany(),
    );
  }

  /** Windows are details of a request, replaced as a set. */
  removeForRequest(requestId: string): Promise<void> {
    return this.tx(async (em) => {
      await em.delete(RequestWindow, { requestId });
    });
  }
}
