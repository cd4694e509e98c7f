import { Injectable } from '@nestjs/common';
import type { ScopeFilter } from '@tandem/domain';
import {
  isUuid,
  Offer,
  OfferAvailabilityWindow,
  OfferSession,
  TenantDb,
  TenantRepository,
  type Page,
  type PageRequest,
} from '@tandem/persistence';
import type { SelectQueryBuilder } from 'typeorm';

export interface OfferListFilter {
  activityType?: string;
  format?: string;
  yearGroup?: number;
  employerId?: string;
  status?: string;
  /** Instants bounding the London days asked for (from inclusive, to exclusive). */
  from?: { day: string; at: Date };
  to?: { day: string; at: Date };
  includeArchived: boolean;
}

@Injectable()
export class OfferRepository extends TenantRepository<Offer> {
  constructor(db: TenantDb) {
    super(db, Offer, 'offer');
  }

  /** A page of offers within `scope` (viewOffer), newest first, and the number matching. */
  async list(scope: ScopeFilter, filter: OfferListFilter, page: PageRequest): Promise<{ page: Page<Offer>; total: number }> {
    const narrow = (qb: SelectQueryBuilder<Offer>): SelectQueryBuilder<Offer> => {
      if (scope.kind === 'employer') qb.andWhere('offer.employer_id = :scopeEmployerId', { scopeEmployerId: scope.employerId });
      else if (scope.kind === 'published') qb.andWhere(`offer.status = 'published' and offer.archived_at is null`);
      else if (scope.kind !== 'all') qb.andWhere('false');
      if (!filter.includeArchived) qb.andWhere('offer.archived_at is null');
      if (filter.activityType) qb.andWhere('offer.activity_type = :activityType', { activityType: filter.activityType });
      if (filter.format) qb.andWhere('offer.format = :format', { format: filter.format });
      if (filter.yearGroup !== undefined)
        qb.andWhere('cast(:yearGroup as smallint) = any(offer.year_groups)', { yearGroup: filter.yearGroup });
      if (filter.employerId) qb.andWhere('offer.employer_id = :employerId', { employerId: filter.employerId });
      if (filter.status) qb.andWhere('offer.status = :status', { status: filter.status });
      if (filter.from || filter.to) {
        // Available in the range: a recurring window overlapping those days, or a live session in it.
        const fromDay = filter.from?.day ?? '-infinity';
        const toDay = filter.to?.day ?? 'infinity';
        const fromAt = filter.from?.at.toISOString() ?? '-infinity';
        const toAt = filter.to?.at.toISOString() ?? 'infinity';
        qb.andWhere(
          `(exists (select 1 from offer_availability_windows w where w.offer_id = offer.id
                     and w.starts_on <= cast(:toDay as date) and w.ends_on >= cast(:fromDay as date))
            or exists (select 1 from offer_sessions s where s.offer_id = offer.id and s.status <> 'cancelled'
                     and s.starts_at < cast(:toAt as timestamptz) and s.ends_at > cast(:fromAt as timestamptz)))`,
          { fromDay, toDay, fromAt, toAt },
        );
      }
      return qb;
    };
    return this.pageWithTotal(page, narrow);
  }
}

@Injectable()
export class OfferWindowRepository extends TenantRepository<OfferAvailabilityWindow> {
  constructor(db: TenantDb) {
    super(db, OfferAvailabilityWindow, 'window');
  }

  forOffers(offerIds: readonly string[]): Promise<OfferAvailabilityWindow[]> {
    const ids = [...new Set(offerIds.filter(isUuid))];
    if (!ids.length) return Promise.resolve([]);
    return this.query((qb) =>
      qb.where('window.offer_id in (:...ids)', { ids }).orderBy('window.starts_on', 'ASC').addOrderBy('window.start_time', 'ASC').getMany(),
    );
  }

  /** Availability windows are details of an offer, replaced as a set (not core records). */
  removeForOffer(offerId: string): Promise<void> {
    return this.tx(async (em) => {
      await em.delete(OfferAvailabilityWindow, { offerId });
    });
  }
}

@Injectable()
export class OfferSessionRepository extends TenantRepository<OfferSession> {
  constructor(db: TenantDb) {
    super(db, OfferSession, 'session');
  }

  forOffers(offerIds: readonly string[]): Promise<OfferSession[]> {
    const ids = [...new Set(offerIds.filter(isUuid))];
    if (!ids.length) return Promise.resolve([]);
    return this.query((qb) =>
      qb.where('session.offer_id in (:...ids)', { ids }).orderBy('session.starts_at', 'ASC').addOrderBy('session.id', 'ASC').getMany(),
    );
  }

  countLive(offerId: string): Promise<number> {
    return this.query((qb) => qb.where(`session.offer_id = :offerId and session.status <> 'cancelled'`, { offerId }).getCount());
  }
}
