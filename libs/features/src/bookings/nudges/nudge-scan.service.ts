import { Injectable } from '@nestjs/common';
import { londonWallClock, nextSendingTime, sendingHoursOf, termlyCheckInDue, VETTING_KINDS } from '@tandem/domain';
import { TenantContext, TenantDb } from '@tandem/persistence';
import { Outbox, type MailJobPayload } from '@tandem/platform';
import { BookingSettingsService } from '../booking-settings.service';

export interface NudgeScanResult {
  unanswered: number;
  vetting: number;
  checkIns: number;
}

/** Vetting is checked this far ahead of a booked in-person session. */
export const VETTING_LOOKAHEAD_DAYS = 30;

/**
 * A hub's daily look for things nobody is doing anything about. Writes one mail job per finding
 * through the outbox; job ids make each nudge happen once (per booking version, per employer and
 * term), so running the scan again, or twice the same day, sends nothing new. The composers check
 * again when the mail goes out.
 */
@Injectable()
export class NudgeScanService {
  constructor(
    private readonly db: TenantDb,
    private readonly settings: BookingSettingsService,
  ) {}

  run(tenantId: string, now: Date): Promise<NudgeScanResult> {
    return TenantContext.run({ tenantId, actorUserId: null, correlationId: `nudges.${tenantId}` }, () =>
      this.db.transaction(async (em) => {
        const settings = await this.settings.current();
        const notBefore = nextSendingTime(now, sendingHoursOf(settings));
        const add = (payload: MailJobPayload): Promise<void> => Outbox.add(em, 'mail', payload, { notBefore });

        // Waiting for an answer for N days since the last change (any change restarts the clock).
        const waiting: Array<{ id: string; version: number }> = await em.query(
          `select b.id, b.version from bookings b
             join booking_transitions t on t.booking_id = b.id and t.version = b.version
            where b.state in ('proposed', 'accepted_by_school', 'accepted_by_employer')
              and t.created_at <= $1 and b.starts_at > $2`,
          [new Date(now.getTime() - settings.unansweredAfterDays * 86_400_000), now],
        );
        for (const b of waiting) await add({ tenantId, kind: 'booking_unanswered', bookingId: b.id, version: b.version });

        // Booked in-person sessions in the next 30 days whose employer will not be vetted on the day.
        const unvetted: Array<{ id: string; version: number }> = await em.query(
          `select b.id, b.confirmed_version as version
             from bookings b join offers o on o.id = b.offer_id
            where b.state = 'confirmed' and o.format in ('in_person_workplace', 'in_person_school')
              and b.starts_at > $1 and b.starts_at <= $1::timestamptz + make_interval(days => $2)
              and (select count(distinct v.kind) from vetting_checks v
                    where v.employer_id = b.employer_id and v.archived_at is null and v.outcome = 'passed'
                      and v.checked_on <= (b.starts_at at time zone 'Europe/London')::date
                      and v.expires_on >= (b.starts_at at time zone 'Europe/London')::date) < $3`,
          [now, VETTING_LOOKAHEAD_DAYS, VETTING_KINDS.length],
        );
        for (const b of unvetted) await add({ tenantId, kind: 'vetting_expiring', bookingId: b.id, version: b.version });

        // The termly check-in, once per employer per term, while its window is open.
        const due = termlyCheckInDue(londonWallClock(now).date);
        let checkIns = 0;
        if (due) {
          const employers: Array<{ id: string }> = await em.query(
            `select e.id from employers e
              where e.archived_at is null and exists (select 1 from employer_contacts c where c.employer_id = e.id and c.archived_at is null)`,
          );
          for (const e of employers) await add({ tenantId, kind: 'termly_check_in', employerId: e.id, term: due.term });
          checkIns = employers.length;
        }
        return { unanswered: waiting.length, vetting: unvetted.length, checkIns };
      }),
    );
  }
}
