import { bookingRequestEmail, cancelledEmail, checklist, reminderEmail, type BookingFacts } from './booking-emails';
import { formatLondonSlot } from './booking-emails';

const facts: BookingFacts = {
  hubName: 'North Careers Hub',
  title: 'Mock interviews with engineers',
  activityLabel: 'Mock interviews',
  formatLabel: 'in person at school',
  schoolName: 'Northfield Academy',
  employerName: 'Aire Engineering Ltd',
  startsAt: new Date('2026-02-03T13:30:00Z'),
  endsAt: new Date('2026-02-03T15:00:00Z'),
  yearGroup: 11,
  pupilCount: 25,
  location: 'Northfield Academy, LS1 4AP',
  benchmark: 5,
};

describe('booking emails', () => {
  it('writes the slot in London time, naming GMT or BST, across days when it runs over', () => {
    expect(formatLondonSlot(facts.startsAt, facts.endsAt)).toBe('Tuesday 3 February 2026 at 13:30–15:00 (GMT)');
    expect(formatLondonSlot(new Date('2026-07-07T08:00:00Z'), new Date('2026-07-07T14:00:00Z'))).toBe(
      'Tuesday 7 July 2026 at 09:00–15:00 (BST)',
    );
    expect(formatLondonSlot(new Date('2026-07-06T08:00:00Z'), new Date('2026-07-10T14:00:00Z'))).toBe(
      'Monday 6 July 2026 at 09:00 (BST) until Friday 10 July 2026 at 15:00 (BST)',
    );
  });

  it('sends the employer a specific request with both links, in HTML and plain text', () => {
    const mail = bookingRequestEmail(facts, {
      recipientName: 'Sam',
      acceptUrl: 'https://api.tandem.example/bookings/respond/AAA',
      declineUrl: 'https://api.tandem.example/bookings/respond/BBB',
      expiresAt: new Date('2026-01-20T12:00:00Z'),
      notes: null,
      rescheduled: false,
    });
    expect(mail.subject).toBe(
      'Request: Mock interviews with engineers for Northfield Academy, Tuesday 3 February 2026 at 13:30–15:00 (GMT)',
    );
    for (const part of [mail.html, mail.text]) {
      expect(part).toContain('https://api.tandem.example/bookings/respond/AAA');
      expect(part).toContain('https://api.tandem.example/bookings/respond/BBB');
    }
    expect(mail.text).toContain('These links work once, without logging in, until Tuesday 20 January 2026 at 12:00 (GMT).');
    expect(mail.html).not.toMatch(/<script|<style|<img|src=/i);
    expect(mail.text).not.toMatch(/<[a-z]/i);
  });

  it('escapes what people typed (names, reasons) and keeps the subject on one line', () => {
    const evil = '<script>alert(1)</script>\r\nBcc: all@example.org';
    const mail = cancelledEmail({ ...facts, schoolName: evil }, { recipientName: evil, cancelledBy: evil, reason: `${evil} & more` });
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mail.subject).not.toMatch(/[\r\n]/);
  });

  it('says what to prepare: purpose, learning outcomes, two-way interaction (and more for workplace experiences)', () => {
    const employer = reminderEmail(facts, { side: 'employer', recipientName: 'Sam', daysBefore: 7 });
    expect(employer.subject).toBe('Reminder: Mock interviews with engineers in 7 days, Tuesday 3 February 2026 at 13:30–15:00 (GMT)');
    expect(employer.text).toMatch(/Purpose:.*\n- Learning outcomes:.*\n- Two-way interaction:/);
    expect(reminderEmail(facts, { side: 'school', recipientName: 'Jo', daysBefore: 1 }).subject).toContain(' tomorrow, ');
    const bm6 = checklist('employer', 6);
    expect(bm6.kind === 'list' && bm6.items.some((i) => i.includes('set pupils a task'))).toBe(true);
    const school = checklist('school', 5);
    expect(school.kind === 'list' && school.items.some((i) => i.startsWith('Reflection'))).toBe(true);
  });
});
