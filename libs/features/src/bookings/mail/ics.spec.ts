import { bookingIcs, foldLine, icsText, icsTime } from './ics';

const base = {
  uid: 'booking-3f2b8c1e-9a4d-4e2f-8b7a-1c2d3e4f5a6b@tandem',
  sequence: 2,
  method: 'REQUEST' as const,
  status: 'CONFIRMED' as const,
  startsAt: new Date('2026-03-31T12:30:00Z'),
  endsAt: new Date('2026-03-31T14:00:00Z'),
  summary: 'Mock interviews: Aire Engineering Ltd with Northfield Academy',
  description: '25 pupils in Year 11; bring CVs, please.\nArranged on Tandem.',
  location: 'Northfield Academy, LS1 4AP',
  organizer: { name: 'Tandem', email: 'no-reply@tandem.local' },
  attendees: [
    { name: 'Sam "The Volunteer" Lee', email: 'sam@aire.example' },
    { name: 'Careers Leader', email: 'leader@northfield.example' },
  ],
  stamp: new Date('2026-03-01T09:15:42.123Z'),
};

const unfold = (ics: string): string => ics.replace(/\r\n /g, '');

describe('iCalendar invite', () => {
  it('is a VCALENDAR with one VEVENT, CRLF line ends, UTC times and a stable UID', () => {
    const ics = bookingIcs(base);
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Tandem//Bookings//EN\r\n')).toBe(true);
    expect(ics.endsWith('END:VEVENT\r\nEND:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/\n/);
    const text = unfold(ics);
    expect(text).toContain('\r\nMETHOD:REQUEST\r\n');
    expect(text).toContain(`\r\nUID:${base.uid}\r\n`);
    expect(text).toContain('\r\nSEQUENCE:2\r\n');
    expect(text).toContain('\r\nDTSTART:20260331T123000Z\r\nDTEND:20260331T140000Z\r\n');
    expect(text).toContain('\r\nDTSTAMP:20260301T091542Z\r\n');
    expect(text).toContain('\r\nSTATUS:CONFIRMED\r\n');
    expect(text).toContain('ATTENDEE;CN="Sam The Volunteer Lee";ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=FALSE:mailto:sam@aire.example');
    expect(text).toContain('ORGANIZER;CN="Tandem":mailto:no-reply@tandem.local');
  });

  it('escapes text values and folds long lines at 75 octets without splitting characters', () => {
    expect(icsText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
    const ics = bookingIcs({ ...base, description: `Café visit – ${'é'.repeat(100)}` });
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(unfold(ics)).toContain(`DESCRIPTION:Café visit – ${'é'.repeat(100)}`);
    expect(foldLine('x'.repeat(75))).toBe('x'.repeat(75));
    expect(foldLine('x'.repeat(76))).toBe(`${'x'.repeat(75)}\r\n x`);
  });

  it('escapes every line break, a lone CR included, and drops other controls: no property can be injected (issue 14, finding 6)', () => {
    expect(icsText('Talk\rATTENDEE:mailto:x@evil.example')).toBe('Talk\\nATTENDEE:mailto:x@evil.example');
    expect(icsText('a\r\nb\nc\u2028d')).toBe('a\\nb\\nc\\nd');
    expect(icsText('nul\u0000 bell\u0007 tab\tkept')).toBe('nul bell tab\tkept');
    const ics = bookingIcs({
      ...base,
      summary: 'Talk\rDTSTART:19700101T000000Z',
      organizer: { name: 'Evil"\r\nX-INJECTED:1', email: 'a@b.example' },
    });
    const lines = unfold(ics).split('\r\n');
    expect(lines.filter((l) => l.startsWith('DTSTART:'))).toHaveLength(1);
    expect(lines.some((l) => l.startsWith('X-INJECTED'))).toBe(false);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('cancels the same event with METHOD:CANCEL and a higher SEQUENCE', () => {
    const ics = unfold(bookingIcs({ ...base, method: 'CANCEL', status: 'CANCELLED', sequence: 5 }));
    expect(ics).toContain('\r\nMETHOD:CANCEL\r\n');
    expect(ics).toContain('\r\nSTATUS:CANCELLED\r\n');
    expect(ics).toContain('\r\nSEQUENCE:5\r\n');
    expect(ics).toContain(`\r\nUID:${base.uid}\r\n`);
    expect(icsTime(new Date('2026-10-25T01:30:00.999Z'))).toBe('20261025T013000Z');
  });
});
