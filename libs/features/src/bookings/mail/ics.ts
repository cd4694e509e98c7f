/**
 * An iCalendar (RFC 5545) invite for one booking. Calendar apps match events by UID, so every
 * email about a booking carries the same UID with a higher SEQUENCE (the booking's version):
 * METHOD:REQUEST adds or updates the event, METHOD:CANCEL removes it. Times are written in UTC
 * (`…Z`), which every calendar shows in the reader's own zone; the email text gives London time.
 */
export interface IcsPerson {
  name: string;
  email: string;
}

export interface BookingIcsInput {
  /** Stable for the booking's whole life, e.g. `booking-<id>@tandem`. */
  uid: string;
  /** Must increase with every update (the booking's version does). */
  sequence: number;
  method: 'REQUEST' | 'CANCEL';
  status: 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED';
  startsAt: Date;
  endsAt: Date;
  summary: string;
  description: string;
  location: string;
  organizer: IcsPerson;
  attendees: readonly IcsPerson[];
  /** When this version was written (DTSTAMP). */
  stamp: Date;
}

/** UTC date-time: 20260203T133000Z. */
export function icsTime(d: Date): string {
  return d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** Control characters RFC 5545 allows in no value (every C0 but tab, DEL, C1); line breaks handled apart. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/**
 * TEXT values (RFC 5545 3.3.11): backslash, semicolon and comma escaped; every line break, a lone
 * CR included, as `\n`; other control characters dropped. A raw CR in a SUMMARY would end the
 * property for some readers and start a new one: calendar properties injected from an offer title.
 */
export function icsText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n|\u2028|\u2029/g, '\\n')
    .replace(CONTROLS, '');
}

/** A parameter value (e.g. CN): quoted, without what a quoted value cannot hold (DQUOTE, controls). */
function icsParam(value: string): string {
  return `"${value
    .replace(/["\r\n\u2028\u2029]/g, '')
    .replace(CONTROLS, '')
    .trim()}"`;
}

const encoder = new TextEncoder();

/** Lines longer than 75 octets are folded (CRLF + space), never inside a UTF-8 character. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    const limit = out.length === 0 ? 75 : 74; // continuation lines start with the folding space
    if (octets + size > limit) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

export function bookingIcs(input: BookingIcsInput): string {
  const person = (role: 'ORGANIZER' | 'ATTENDEE', p: IcsPerson, extra = ''): string =>
    `${role};CN=${icsParam(p.name)}${extra}:mailto:${p.email.replace(/[\s<>"]/g, '').replace(CONTROLS, '')}`;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Tandem//Bookings//EN',
    'CALSCALE:GREGORIAN',
    `METHOD:${input.method}`,
    'BEGIN:VEVENT',
    `UID:${input.uid}`,
    `SEQUENCE:${input.sequence}`,
    `DTSTAMP:${icsTime(input.stamp)}`,
    `DTSTART:${icsTime(input.startsAt)}`,
    `DTEND:${icsTime(input.endsAt)}`,
    `SUMMARY:${icsText(input.summary)}`,
    `DESCRIPTION:${icsText(input.description)}`,
    `LOCATION:${icsText(input.location)}`,
    `STATUS:${input.status}`,
    'TRANSP:OPAQUE',
    person('ORGANIZER', input.organizer),
    // Both sides have already said yes in Tandem: the calendar need not ask again.
    ...input.attendees.map((a) =>
      person('ATTENDEE', a, `;ROLE=REQ-PARTICIPANT;PARTSTAT=${input.status === 'CONFIRMED' ? 'ACCEPTED' : 'TENTATIVE'};RSVP=FALSE`),
    ),
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
