import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  followUpTime,
  linkExpiry,
  noticeTime,
  reminderTimes,
  sendingHoursOf,
  type BookingEffects,
  type BookingSettings,
} from '@tandem/domain';
import type { Booking } from '@tandem/persistence';
import { LinkTokens, Outbox } from '@tandem/platform';
import type { EntityManager } from 'typeorm';
import { BookingLinkRepository } from './bookings.repository';
import { BOOKING_LINK_PURPOSES } from './mail/booking-urls';

/**
 * Writes what a change to a booking causes, inside the change's own transaction: the mail jobs
 * (through the outbox, so nothing is sent unless the change commits), the Accept/Decline link pair
 * for a new slot, and for a confirmation the reminders and the follow-up as delayed jobs.
 *
 * Job ids carry the booking's version, so a later change (a new time, a cancellation) gets new
 * jobs; the jobs of the old version find the booking moved on and send nothing.
 * Times honour the hub's sending hours; mail about a session less than 48 hours away is urgent.
 */
@Injectable()
export class BookingOutbox {
  constructor(
    private readonly links: LinkTokens,
    private readonly linkRows: BookingLinkRepository,
  ) {}

  async afterChange(em: EntityManager, booking: Booking, effects: BookingEffects, settings: BookingSettings, now: Date): Promise<void> {
    const hours = sendingHoursOf(settings);
    const { tenantId, id: bookingId, version } = booking;
    if (effects.issueLinks) await this.issueLinks(booking, settings, now);
    const noticeAt = noticeTime(booking.startsAt, now, hours);
    for (const kind of effects.notices) await Outbox.add(em, 'mail', { tenantId, kind, bookingId, version }, { notBefore: noticeAt });
    if (!effects.scheduleReminders) return;
    for (const reminder of reminderTimes(booking.startsAt, settings.reminderDaysBefore, hours, now)) {
      await Outbox.add(
        em,
        'mail',
        { tenantId, kind: 'booking_reminder', bookingId, version, daysBefore: reminder.daysBefore },
        { notBefore: reminder.sendAt },
      );
    }
    await Outbox.add(
      em,
      'mail',
      { tenantId, kind: 'booking_follow_up', bookingId, version },
      { notBefore: followUpTime(booking.endsAt, settings.followUpHoursAfter, hours) },
    );
  }

  /** One Accept/Decline pair for the booking's current slot; tokens derived from the row id. */
  private async issueLinks(booking: Booking, settings: BookingSettings, now: Date): Promise<void> {
    const id = randomUUID();
    await this.linkRows.insert({
      id,
      bookingId: booking.id,
      offerSessionId: booking.offerSessionId,
      contactId: booking.contactId,
      acceptTokenHash: this.links.derive(BOOKING_LINK_PURPOSES.accept, id).hash,
      declineTokenHash: this.links.derive(BOOKING_LINK_PURPOSES.decline, id).hash,
      expiresAt: linkExpiry(now, settings.linkValidityDays, booking.startsAt),
    });
  }
}
