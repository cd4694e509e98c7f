import type { MailAttachment } from '@tandem/platform';
import type { Recipient } from './booking-emails';
import { locationOf, type BookingMailData } from './booking-mail-data';
import { bookingIcs } from './ics';

/** `"Tandem" <no-reply@tandem.local>` → { name: 'Tandem', email: 'no-reply@tandem.local' }. */
export function organizerOf(mailFrom: string): Recipient {
  const m = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(mailFrom);
  return m ? { name: m[1] || 'Tandem', email: m[2] } : { name: 'Tandem', email: mailFrom.trim() };
}

/** The booking's calendar event as an attachment; the same UID for its whole life, SEQUENCE = version. */
export function calendarInvite(
  d: BookingMailData,
  kind: 'confirmed' | 'tentative' | 'cancelled',
  attendees: readonly Recipient[],
  mailFrom: string,
): MailAttachment {
  const method = kind === 'cancelled' ? 'CANCEL' : 'REQUEST';
  const content = bookingIcs({
    uid: `booking-${d.booking.id}@tandem`,
    sequence: d.booking.version,
    method,
    status: kind === 'confirmed' ? 'CONFIRMED' : kind === 'tentative' ? 'TENTATIVE' : 'CANCELLED',
    startsAt: d.booking.startsAt,
    endsAt: d.booking.endsAt,
    summary: `${d.offer.title}: ${d.employer.name} with ${d.school.name}`,
    description: `${d.booking.pupilCount} pupils in Year ${d.booking.yearGroup}. Arranged through ${d.hubName} on Tandem.`,
    location: locationOf(d),
    organizer: organizerOf(mailFrom),
    attendees,
    // The change this version records, so every copy of one version is byte-identical.
    stamp: d.lastChange?.createdAt ?? d.booking.updatedAt,
  });
  return { filename: 'invite.ics', content, contentType: `text/calendar; charset=utf-8; method=${method}` };
}
