import { Injectable } from '@nestjs/common';
import { TenantDb } from '@tandem/persistence';
import { AppConfig, LinkTokens, type ComposedEmail, type MailComposer, type MailPayloadOf } from '@tandem/platform';
import { followUpEmployerEmail, followUpSchoolEmail } from '../booking-emails';
import { coordinatorRecipients, factsOf, loadBookingMailData } from '../booking-mail-data';
import { bookingAppUrl, preferencesUrl } from '../booking-urls';

/**
 * After the session: the school is asked to record attendance and the meaningful checklist (unless it
 * already has), the employer for feedback (replies go to the coordinator). Nothing for a booking that
 * was cancelled, moved or marked a no-show.
 */
@Injectable()
export class BookingFollowUpComposer implements MailComposer<'booking_follow_up'> {
  constructor(
    private readonly db: TenantDb,
    private readonly links: LinkTokens,
    private readonly config: AppConfig,
  ) {}

  compose(payload: MailPayloadOf<'booking_follow_up'>): Promise<ComposedEmail[]> {
    return this.db.transaction(async (em) => {
      const d = await loadBookingMailData(em, payload.bookingId, payload.kind);
      if (!d || d.booking.confirmedVersion !== payload.version || !['confirmed', 'delivered', 'recorded'].includes(d.booking.state))
        return [];
      const prefs = (email: string): string => preferencesUrl(this.config, this.links, d.booking.tenantId, email);
      const school = d.booking.state === 'recorded' ? [] : d.schoolPeople;
      const employer = d.contactWantsIt ? [d.contact] : [];
      const coordinator = (await coordinatorRecipients(em, d.school.clusterId))[0];
      return [
        ...school.map((r) => ({
          to: r.email,
          rendered: followUpSchoolEmail(factsOf(d), {
            recipientName: r.name,
            appUrl: bookingAppUrl(this.config, d.booking.id),
            markedDelivered: d.booking.state === 'delivered',
            preferencesUrl: prefs(r.email),
          }),
        })),
        ...employer.map((r) => ({
          to: r.email,
          rendered: followUpEmployerEmail(factsOf(d), {
            recipientName: r.name,
            replyTo: coordinator?.email ?? null,
            preferencesUrl: prefs(r.email),
          }),
          ...(coordinator ? { headers: { 'Reply-To': coordinator.email } } : {}),
        })),
      ];
    });
  }
}
