import { Injectable } from '@nestjs/common';
import type { BookingState, ScopeFilter } from '@tandem/domain';
import {
  Booking,
  BookingLink,
  BookingSettingsRow,
  BookingTransition,
  EmployerContact,
  isUuid,
  NotificationPreference,
  Offer,
  OfferSession,
  School,
  TenantDb,
  TenantRepository,
  type Page,
  type PageRequest,
} from '@tandem/persistence';
import type { SelectQueryBuilder } from 'typeorm';

export interface BookingListFilter {
  states?: BookingState[];
  schoolId?: string;
  employerId?: string;
  /** Sessions starting at or after `from` and before `to`. */
  from?: Date;
  to?: Date;
}

/** What a list or an email shows about a booking besides its own columns. */
export interface BookingDetails {
  bookingId: string;
  title: string;
  activityType: string;
  format: string;
  schoolName: string;
  employerName: string;
}

@Injectable()
export class BookingRepository extends TenantRepository<Booking> {
  constructor(db: TenantDb) {
    super(db, Booking, 'booking');
  }

  /** The booking locked for this transaction (one change at a time), or null. */
  lock(id: string): Promise<Booking | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    return this.query((qb) => qb.where('booking.id = :id', { id }).setLock('pessimistic_write').getOne());
  }

  private narrow(qb: SelectQueryBuilder<Booking>, scope: ScopeFilter, filter: BookingListFilter): SelectQueryBuilder<Booking> {
    if (scope.kind === 'cluster') {
      qb.andWhere('exists (select 1 from schools s where s.id = booking.school_id and s.cluster_id = :scopeClusterId)', {
        scopeClusterId: scope.clusterId,
      });
    } else if (scope.kind === 'school') qb.andWhere('booking.school_id = :scopeSchoolId', { scopeSchoolId: scope.schoolId });
    else if (scope.kind === 'employer') qb.andWhere('booking.employer_id = :scopeEmployerId', { scopeEmployerId: scope.employerId });
    else if (scope.kind !== 'all') qb.andWhere('false');
    if (filter.states?.length) qb.andWhere('booking.state in (:...states)', { states: filter.states });
    if (filter.schoolId) qb.andWhere('booking.school_id = :schoolId', { schoolId: filter.schoolId });
    if (filter.employerId) qb.andWhere('booking.employer_id = :employerId', { employerId: filter.employerId });
    if (filter.from) qb.andWhere('booking.starts_at >= :from', { from: filter.from });
    if (filter.to) qb.andWhere('booking.starts_at < :to', { to: filter.to });
    return qb;
  }

  /** A page of bookings within `scope`, newest first, and how many match in all. */
  async list(scope: ScopeFilter, filter: BookingListFilter, page: PageRequest): Promise<{ page: Page<Booking>; total: number }> {
    return this.pageWithTotal(page, (qb) => this.narrow(qb, scope, filter));
  }

  /** Bookings whose sessions start in [from, to), in time order (a calendar), at most `limit`. */
  calendar(scope: ScopeFilter, filter: BookingListFilter, limit: number): Promise<Booking[]> {
    return this.query((qb) =>
      this.narrow(qb.where('1 = 1'), scope, filter)
        .orderBy('booking.starts_at', 'ASC')
        .addOrderBy('booking.id', 'ASC')
        .limit(limit)
        .getMany(),
    );
  }

  transitionsFor(bookingIds: readonly string[]): Promise<BookingTransition[]> {
    const ids = [...new Set(bookingIds.filter(isUuid))];
    if (!ids.length) return Promise.resolve([]);
    return this.tx((em) =>
      em
        .createQueryBuilder(BookingTransition, 't')
        .where('t.booking_id in (:...ids)', { ids })
        .orderBy('t.booking_id')
        .addOrderBy('t.version', 'ASC')
        .getMany(),
    );
  }

  detailsFor(bookingIds: readonly string[]): Promise<BookingDetails[]> {
    const ids = [...new Set(bookingIds.filter(isUuid))];
    if (!ids.length) return Promise.resolve([]);
    return this.tx((em) =>
      em.query(
        `select b.id as "bookingId", o.title, o.activity_type as "activityType", o.format, s.name as "schoolName", e.name as "employerName"
           from bookings b join offers o on o.id = b.offer_id join schools s on s.id = b.school_id join employers e on e.id = b.employer_id
          where b.id = any($1::uuid[])`,
        [ids],
      ),
    );
  }

  insertTransition(
    values: Omit<Partial<BookingTransition>, 'tenantId' | 'id' | 'createdAt' | 'updatedAt'> & { tenantId: string },
  ): Promise<void> {
    return this.tx(async (em) => {
      await em.insert(BookingTransition, values);
    });
  }
}

/** Offer sessions, offers, schools and contacts as bookings need them (read, lock, hold, release). */
@Injectable()
export class BookingSlotRepository {
  constructor(private readonly db: TenantDb) {}

  /** The session and its offer, the session locked so two requests cannot both take it. */
  lockSession(sessionId: string): Promise<{ session: OfferSession; offer: Offer } | null> {
    if (!isUuid(sessionId)) return Promise.resolve(null);
    return this.db.transaction(async (em) => {
      const session = await em
        .createQueryBuilder(OfferSession, 's')
        .where('s.id = :sessionId', { sessionId })
        .setLock('pessimistic_write')
        .getOne();
      const offer = session ? await em.findOneBy(Offer, { id: session.offerId }) : null;
      return session && offer ? { session, offer } : null;
    });
  }

  setSessionStatus(sessionId: string, status: OfferSession['status']): Promise<void> {
    return this.db.transaction(async (em) => {
      // A session its employer cancelled stays cancelled.
      await em.query(`update offer_sessions set status = $2 where id = $1 and status <> 'cancelled'`, [sessionId, status]);
    });
  }

  school(id: string): Promise<School | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    return this.db.transaction((em) => em.findOneBy(School, { id }));
  }

  /** The offer's own contact if it is live, else the employer's longest-standing live contact. */
  contactFor(offer: Offer): Promise<EmployerContact | null> {
    return this.db.transaction((em) =>
      em
        .createQueryBuilder(EmployerContact, 'c')
        .where('c.employer_id = :employerId and c.archived_at is null', { employerId: offer.employerId })
        .orderBy(`case when c.id = :offerContact then 0 else 1 end`)
        .addOrderBy('c.created_at', 'ASC')
        .setParameter('offerContact', offer.contactId ?? '00000000-0000-0000-0000-000000000000')
        .getOne(),
    );
  }

  /** Requests follow their booking: matched while one is live, fulfilled once delivered, open again if it fell through. */
  setRequestStatus(requestId: string, status: 'open' | 'matched' | 'fulfilled'): Promise<void> {
    return this.db.transaction(async (em) => {
      await em.query(`update requests set status = $2 where id = $1 and status <> 'cancelled'`, [requestId, status]);
    });
  }
}

@Injectable()
export class BookingLinkRepository extends TenantRepository<BookingLink> {
  constructor(db: TenantDb) {
    super(db, BookingLink, 'link');
  }

  lock(id: string): Promise<BookingLink | null> {
    return this.query((qb) => qb.where('link.id = :id', { id }).setLock('pessimistic_write').getOne());
  }

  byTokenHash(hash: string): Promise<{ link: BookingLink; action: 'accept' | 'decline' } | null> {
    return this.query(async (qb) => {
      const link = await qb.where('link.accept_token_hash = :hash or link.decline_token_hash = :hash', { hash }).getOne();
      if (!link) return null;
      return { link, action: link.acceptTokenHash === hash ? 'accept' : 'decline' };
    });
  }

  /** Every link of the booking is spent once one is used (the pair, and older emails' pairs). */
  markUsed(bookingId: string, usedLinkId: string, action: 'accept' | 'decline', at: Date): Promise<void> {
    return this.tx(async (em) => {
      await em.query(`update booking_links set used_at = $3, used_action = $4 where booking_id = $1 and (id = $2 or used_at is null)`, [
        bookingId,
        usedLinkId,
        at,
        action,
      ]);
    });
  }
}

@Injectable()
export class BookingSettingsRepository extends TenantRepository<BookingSettingsRow> {
  constructor(db: TenantDb) {
    super(db, BookingSettingsRow, 'settings');
  }

  current(): Promise<BookingSettingsRow | null> {
    return this.query((qb) => qb.getOne());
  }

  /** Insert or replace the hub's row (one per tenant). */
  save(values: Omit<BookingSettingsRow, 'id' | 'tenantId' | 'createdAt' | 'updatedAt'>): Promise<BookingSettingsRow> {
    return this.tx(async (em) => {
      await em.query(
        `insert into booking_settings (tenant_id, reminder_days_before, send_from, send_until, send_on_weekends, unanswered_after_days, link_validity_days, follow_up_hours_after)
         values (app_current_tenant(), $1, $2, $3, $4, $5, $6, $7)
         on conflict (tenant_id) do update set reminder_days_before = excluded.reminder_days_before, send_from = excluded.send_from,
           send_until = excluded.send_until, send_on_weekends = excluded.send_on_weekends, unanswered_after_days = excluded.unanswered_after_days,
           link_validity_days = excluded.link_validity_days, follow_up_hours_after = excluded.follow_up_hours_after`,
        [
          values.reminderDaysBefore,
          values.sendFrom,
          values.sendUntil,
          values.sendOnWeekends,
          values.unansweredAfterDays,
          values.linkValidityDays,
          values.followUpHoursAfter,
        ],
      );
      return em.createQueryBuilder(BookingSettingsRow, 's').getOneOrFail();
    });
  }
}

@Injectable()
export class NotificationPreferenceRepository extends TenantRepository<NotificationPreference> {
  constructor(db: TenantDb) {
    super(db, NotificationPreference, 'pref');
  }

  byEmail(email: string): Promise<NotificationPreference | null> {
    return this.query((qb) => qb.where('pref.email = :email', { email }).getOne());
  }

  save(email: string, muted: readonly string[]): Promise<NotificationPreference> {
    return this.tx(async (em) => {
      await em.query(
        `insert into notification_preferences (tenant_id, email, muted) values (app_current_tenant(), $1, $2)
         on conflict (tenant_id, email) do update set muted = excluded.muted`,
        [email, muted],
      );
      return em.createQueryBuilder(NotificationPreference, 'p').where('p.email = :email', { email }).getOneOrFail();
    });
  }
}
