import { Clock } from '@tandem/domain';
import { Injectable } from '@nestjs/common';
import { TenantDb } from '@tandem/persistence';
import { AppConfig, LinkTokens, type ComposedEmail, type MailComposer, type MailPayloadOf } from '@tandem/platform';
import { reminderEmail, type Recipient } from '../booking-emails';
import { factsOf, loadBookingMailData } from '../booking-mail-data';
import { preferencesUrl } from '../booking-urls';

/**
 * "<session> is in 7 days / tomorrow", with what to prepare, to both sides. A reminder belongs to one
 * confirmation: once the booking is cancelled, moved or has happened, nothing is sent.
 */
@Injectable()
export class BookingReminderComposer implements MailComposer<'booking_reminder'> {
  constructor(
    private readonly clock: Clock,
    private readonly db: TenantDb,
    private readonly links: LinkTokens,
    private readonly config: AppConfig,
  ) {}

  compose(payload: MailPayloadOf<'booking_reminder'>): Promise<ComposedEmail[]> {
    return this.db.transaction(async (em) => {
      const d = await loadBookingMailData(em, payload.bookingId, payload.kind);
      if (!d || d.booking.state !== 'confirmed' || d.booking.confirmedVersion !== payload.version) return [];
      if (d.booking.startsAt.getTime() <= this.clock.now().getTime()) return [];
      const facts = factsOf(d);
      const one = (r: Recipient, side: 'school' | 'employer'): ComposedEmail => ({
        to: r.email,
        rendered: reminderEmail(facts, {
          side,
          recipientName: r.name,
          daysBefore: payload.daysBefore,
          preferencesUrl: preferencesUrl(this.config, this.links, d.booking.tenantId, r.email),
        }),
      });
      return [...d.schoolPeople.map((r) => one(r, 'school')), ...(d.contactWantsIt ? [one(d.contact, 'employer')] : [])];
    });
  }
}
