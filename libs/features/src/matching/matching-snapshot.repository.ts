import { Injectable } from '@nestjs/common';
import {
  academicYearOf,
  type ActivityType,
  type CalendarDate,
  type ExistingBookingInput,
  type Format,
  type VettingKind,
  type VettingOutcome,
} from '@tandem/domain';
import { TenantDb } from '@tandem/persistence';
import type { EntityManager } from 'typeorm';
import { londonDateOf } from '@tandem/domain';
import { vettingStatusOn } from '@tandem/features/employers';
import type {
  MatchingSnapshot,
  SnapshotEmployer,
  SnapshotGapRow,
  SnapshotOffer,
  SnapshotRequest,
  SnapshotSchool,
  SnapshotSession,
} from './matching-input';

/** Bookings that hold their slot (the live-session index's states). */
const LIVE = `('proposed','accepted_by_school','accepted_by_employer','confirmed')`;
/** Bookings that still count against an employer's month and an offer's sessions (live or done). */
const COUNTED = `('proposed','accepted_by_school','accepted_by_employer','confirmed','delivered','recorded')`;

/**
 * Everything a matching run needs, read in ONE repeatable-read, read-only transaction, so the run
 * sees the hub as it was at one instant (no session booked half-way through the read, no request
 * counted with windows from another moment). Scope: the open requests of one cluster's schools (or
 * every school when `clusterId` is null) against every published offer of the hub.
 */
@Injectable()
export class MatchingSnapshotRepository {
  constructor(private readonly db: TenantDb) {}

  load(clusterId: string | null, now: Date): Promise<MatchingSnapshot> {
    const today = londonDateOf(now);
    return this.db.transaction(
      async (em) => {
        await em.query('set transaction read only');
        const schools = await this.schools(em, clusterId);
        const requests = await this.requests(em, clusterId, now);
        const gaps = await this.gaps(
          em,
          academicYearOf(today),
          schools.map((s) => s.id),
        );
        const offers = await this.offers(em);
        const sessions = await this.sessions(em, now);
        const employers = await this.employers(em, today);
        const bookings = await this.bookings(
          em,
          now,
          offers.map((o) => o.id),
        );
        return { schools, requests, gaps, employers, offers, sessions, bookings };
      },
      { isolation: 'REPEATABLE READ' },
    );
  }

  private schools(em: EntityManager, clusterId: string | null): Promise<SnapshotSchool[]> {
    return em.query(
      `select id, name, latitude::float8 as latitude, longitude::float8 as longitude
         from schools where archived_at is null and ($1::uuid is null or cluster_id = $1::uuid)`,
      [clusterId],
    );
  }

  private async requests(em: EntityManager, clusterId: string | null, now: Date): Promise<SnapshotRequest[]> {
    const rows: Array<{
      id: string;
      schoolId: string;
      yearGroup: number;
      pupils: number;
      activityType: ActivityType;
      formats: Format[];
      windows: { startsAt: string; endsAt: string }[];
    }> = await em.query(
      `select r.id, r.school_id as "schoolId", r.year_group as "yearGroup", r.pupil_count as pupils, r.activity_type as "activityType", r.formats,
              coalesce(jsonb_agg(jsonb_build_object('startsAt', w.starts_at, 'endsAt', w.ends_at) order by w.starts_at, w.id) filter (where w.id is not null), '[]') as windows
         from requests r
         join schools s on s.id = r.school_id
         left join request_windows w on w.request_id = r.id and w.ends_at > $2
        where r.status = 'open' and r.archived_at is null and s.archived_at is null and ($1::uuid is null or s.cluster_id = $1::uuid)
        group by r.id`,
      [clusterId, now],
    );
    return rows.map((r) => ({ ...r, windows: r.windows.map((w) => ({ startsAt: new Date(w.startsAt), endsAt: new Date(w.endsAt) })) }));
  }

  private gaps(em: EntityManager, academicYear: number, schoolIds: string[]): Promise<SnapshotGapRow[]> {
    return em.query(
      `select school_id as "schoolId", year_group as "yearGroup", benchmark, pupils, met, priority_pupils as "priorityPupils", priority_met as "priorityMet"
         from ledger_school_counts where academic_year = $1 and school_id = any($2::uuid[])`,
      [academicYear, schoolIds],
    );
  }

  /** Published offers of employers still in the hub, with the contact a booking would ask (as BookingsService chooses it). */
  private offers(em: EntityManager): Promise<SnapshotOffer[]> {
    return em.query(
      `select o.id, o.employer_id as "employerId", o.title, o.activity_type as "activityType", o.format, o.sessions_available as "sessionsAvailable",
              o.year_groups::int[] as "yearGroups", o.travel_radius_km::float8 as "travelRadiusKm",
              (select c.id from employer_contacts c where c.employer_id = o.employer_id and c.archived_at is null
                order by case when c.id = o.contact_id then 0 else 1 end, c.created_at, c.id limit 1) as "contactId"
         from offers o join employers e on e.id = o.employer_id
        where o.status = 'published' and o.archived_at is null and e.archived_at is null`,
    );
  }

  /** Open sessions still ahead that no live booking holds. */
  private sessions(em: EntityManager, now: Date): Promise<SnapshotSession[]> {
    return em.query(
      `select s.id, s.offer_id as "offerId", s.starts_at as "startsAt", s.ends_at as "endsAt", s.capacity
         from offer_sessions s join offers o on o.id = s.offer_id
        where o.status = 'published' and o.archived_at is null and s.status = 'open' and s.starts_at > $1
          and not exists (select 1 from bookings b where b.offer_session_id = s.id and b.state in ${LIVE})`,
      [now],
    );
  }

  /** Employers with a published offer, their contact-fatigue limit and how long they stay vetted from today. */
  private async employers(em: EntityManager, today: CalendarDate): Promise<SnapshotEmployer[]> {
    const rows: Array<Omit<SnapshotEmployer, 'vettedUntil'>> = await em.query(
      `select e.id, e.name, e.latitude::float8 as latitude, e.longitude::float8 as longitude, e.max_requests_per_month as "maxRequestsPerMonth"
         from employers e
        where e.archived_at is null and exists (select 1 from offers o where o.employer_id = e.id and o.status = 'published' and o.archived_at is null)`,
    );
    const checks: Array<{ employerId: string; kind: VettingKind; checkedOn: string; expiresOn: string; outcome: VettingOutcome }> =
      await em.query(
        `select employer_id as "employerId", kind, checked_on::text as "checkedOn", expires_on::text as "expiresOn", outcome
         from vetting_checks where archived_at is null and employer_id = any($1::uuid[])`,
        [rows.map((r) => r.id)],
      );
    return rows.map((e) => ({
      ...e,
      vettedUntil: vettingStatusOn(
        checks.filter((c) => c.employerId === e.id).map((c) => ({ ...c, archivedAt: null })),
        today,
      ).validUntil,
    }));
  }

  /**
   * Bookings made before the run: from the start of this London month (they keep contacts and year
   * groups busy and count against employers' monthly limits) and every booking of a published offer
   * (they count against its sessions).
   */
  private bookings(em: EntityManager, now: Date, offerIds: string[]): Promise<ExistingBookingInput[]> {
    return em.query(
      `select b.id, b.school_id as "schoolId", b.year_group as "yearGroup", b.employer_id as "employerId", b.contact_id as "contactId",
              b.offer_id as "offerId", b.starts_at as "startsAt", b.ends_at as "endsAt"
         from bookings b
        where b.state in ${COUNTED}
          and (b.ends_at > date_trunc('month', $1::timestamptz at time zone 'Europe/London') at time zone 'Europe/London' or b.offer_id = any($2::uuid[]))`,
      [now, offerIds],
    );
  }
}
