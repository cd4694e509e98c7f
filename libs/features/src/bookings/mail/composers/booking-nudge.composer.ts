import { Injectable } from '@nestjs/common';
import {
  awaitedSide,
  isOneOf,
  needsVetting,
  VETTING_KIND_LABELS,
  FORMATS,
  formatLondonDate,
  londonDateOf,
  londonWallClock,
} from '@tandem/domain';
import { TenantDb, VettingCheck } from '@tandem/persistence';
import { AppConfig, LinkTokens, type ComposedEmail, type MailComposer, type MailPayloadOf } from '@tandem/platform';
import { vettingStatusOn } from '@tandem/features/employers';
import { unansweredEmail, vettingExpiringEmail } from '../booking-emails';
import { coordinatorRecipients, factsOf, loadBookingMailData, withoutMuted } from '../booking-mail-data';
import { bookingAppUrl, preferencesUrl } from '../booking-urls';

export type BookingNudgeKind = 'booking_unanswered' | 'vetting_expiring';

/**
 * Nudges found by the daily scan: a booking waiting too long for an answer (to the coordinator), and
 * employer vetting that will not be valid on the day of a booked in-person session (to the
 * coordinator and the employer contact). Re-checked here: nothing is sent once it no longer applies.
 */
@Injectable()
export class BookingNudgeComposer implements MailComposer<BookingNudgeKind> {
  constructor(
    private readonly db: TenantDb,
    private readonly links: LinkTokens,
    private readonly config: AppConfig,
  ) {}

  compose(payload: MailPayloadOf<BookingNudgeKind>): Promise<ComposedEmail[]> {
    return this.db.transaction(async (em) => {
      const d = await loadBookingMailData(em, payload.bookingId, payload.kind);
      if (!d) return [];
      const prefs = (email: string): string => preferencesUrl(this.config, this.links, d.booking.tenantId, email);
      if (payload.kind === 'booking_unanswered') {
        const waiting = awaitedSide(d.booking.state);
        if (!waiting || d.booking.version !== payload.version) return [];
        const waitingFor =
          waiting === 'school' ? d.school.name : waiting === 'employer' ? d.employer.name : `${d.school.name} and ${d.employer.name}`;
        const to = await withoutMuted(em, payload.kind, await coordinatorRecipients(em, d.school.clusterId));
        return to.map((r) => ({
          to: r.email,
          rendered: unansweredEmail(factsOf(d), {
            recipientName: r.name,
            waitingFor,
            since: d.lastChange?.createdAt ?? d.booking.updatedAt,
            appUrl: bookingAppUrl(this.config, d.booking.id),
            preferencesUrl: prefs(r.email),
          }),
        }));
      }
      if (d.booking.state !== 'confirmed' || d.booking.confirmedVersion !== payload.version) return [];
      if (!isOneOf(FORMATS, d.offer.format) || !needsVetting(d.offer.format)) return [];
      const sessionDay = londonWallClock(d.booking.startsAt).date;
      const checks = await em.findBy(VettingCheck, { employerId: d.employer.id });
      const status = vettingStatusOn(checks, sessionDay);
      if (status.vetted) return [];
      const missing = status.missingKinds.map((k) => VETTING_KIND_LABELS[k]);
      const to = [
        ...(await withoutMuted(em, payload.kind, await coordinatorRecipients(em, d.school.clusterId))),
        ...(d.contactWantsIt ? [d.contact] : []),
      ];
      const day = formatLondonDate(londonDateOf(d.booking.startsAt));
      return to.map((r) => ({
        to: r.email,
        rendered: vettingExpiringEmail(factsOf(d), { recipientName: r.name, missing, sessionDay: day, preferencesUrl: prefs(r.email) }),
      }));
    });
  }
}
