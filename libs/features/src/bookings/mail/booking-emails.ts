import { formatLondonDate, formatLondonDateTime, londonDateOf, londonWallClock } from '@tandem/domain';
import { btn, facts, h, list, p, renderEmail, small, type Block, type RenderedEmail } from '@tandem/platform';

/**
 * The words of every booking email. Each function takes plain values (already loaded and checked
 * by a composer) and returns subject, HTML and text. Times are Europe/London, GMT/BST named.
 */
export interface BookingFacts {
  hubName: string;
  title: string;
  activityLabel: string;
  formatLabel: string;
  schoolName: string;
  employerName: string;
  startsAt: Date;
  endsAt: Date;
  yearGroup: number;
  pupilCount: number;
  location: string;
  /** Benchmark 6 (experiences of workplaces) asks a little more of the session. */
  benchmark: 5 | 6;
}

export type Side = 'school' | 'employer';

export interface Recipient {
  name: string;
  email: string;
}

/** The session's time in words, worked out once per message (it appears in subject, preheader and body). */
const slots = new WeakMap<BookingFacts, string>();
function slotOf(f: BookingFacts): string {
  let slot = slots.get(f);
  if (slot === undefined) {
    slot = formatLondonSlot(f.startsAt, f.endsAt);
    slots.set(f, slot);
  }
  return slot;
}

const factRows = (f: BookingFacts): Array<[string, string]> => [
  ['When', slotOf(f)],
  ['What', `${f.title} (${f.activityLabel}, ${f.formatLabel})`],
  ['School', `${f.schoolName}: ${f.pupilCount} pupils in Year ${f.yearGroup}`],
  ['Employer', f.employerName],
  ['Where', f.location],
];

const footer = (f: { hubName: string }): string =>
  `You are receiving this because you take part in employer encounters arranged through ${f.hubName} on Tandem. Times are UK time (Europe/London).`;

/** The meaningful-encounter checklist, as each side prepares for it. */
export function checklist(side: Side, benchmark: 5 | 6): Block {
  const items =
    side === 'employer'
      ? [
          'Purpose: agree with the school what the session is for, and say it at the start.',
          'Learning outcomes: two or three things pupils should know or be able to do afterwards.',
          'Two-way interaction: plan questions, a task or an activity, not only a talk.',
          ...(benchmark === 6 ? ['Meet a range of people from your workplace, set pupils a task, and give them feedback on it.'] : []),
        ]
      : [
          'Purpose: tell pupils why they are going and what the session is for.',
          'Learning outcomes: share what pupils should take away, so they can notice it.',
          'Two-way interaction: help pupils prepare questions to ask.',
          'Reflection: set time aside afterwards for pupils to reflect (you will be asked to record it).',
        ];
  return list('What to prepare (a meaningful encounter)', items);
}

const prefs = (url: string | undefined): Block[] => (url ? [small('Choose which emails you get:', url)] : []);

export function bookingRequestEmail(
  f: BookingFacts,
  o: {
    recipientName: string;
    acceptUrl: string;
    declineUrl: string;
    expiresAt: Date;
    notes: string | null;
    rescheduled: boolean;
    preferencesUrl?: string;
  },
): RenderedEmail {
  const what = o.rescheduled ? 'a new time for a session' : 'a session';
  return renderEmail({
    subject: `${o.rescheduled ? 'New time requested' : 'Request'}: ${f.title} for ${f.schoolName}, ${slotOf(f)}`,
    preheader: `${f.schoolName} would like ${what} with ${f.pupilCount} Year ${f.yearGroup} pupils. Accept or decline in one click.`,
    blocks: [
      h(`${f.schoolName} asks for ${what}`),
      p(`Hello ${o.recipientName},`),
      p({ strong: f.schoolName }, ` would like ${what} of `, { strong: f.title }, ` with ${f.pupilCount} pupils in Year ${f.yearGroup}.`),
      facts(factRows(f)),
      ...(o.notes ? [p('Their note: ', { strong: o.notes })] : []),
      btn('Accept this request', o.acceptUrl),
      p('Cannot do it? You can decline, say why, or suggest another time:'),
      btn('Decline or suggest another time', o.declineUrl),
      p(`These links work once, without logging in, until ${formatLondonDateTime(o.expiresAt)}.`),
      ...prefs(o.preferencesUrl),
    ],
    footer: footer(f),
  });
}

export function awaitingSchoolEmail(
  f: BookingFacts,
  o: { recipientName: string; appUrl: string; rescheduledBy: string | null },
): RenderedEmail {
  const lead = o.rescheduledBy ? `${o.rescheduledBy} has proposed a new time for ` : `${f.hubName} has proposed `;
  return renderEmail({
    subject: `Please confirm: ${f.title} with ${f.employerName}, ${slotOf(f)}`,
    preheader: `${lead}${f.title} for ${f.pupilCount} Year ${f.yearGroup} pupils. Confirm it in Tandem.`,
    blocks: [
      h('A session is waiting for you to confirm'),
      p(`Hello ${o.recipientName},`),
      p(lead, { strong: f.title }, ` with ${f.employerName}.`),
      facts(factRows(f)),
      btn('Review and confirm in Tandem', o.appUrl),
    ],
    footer: footer(f),
  });
}

export function confirmedEmail(
  f: BookingFacts,
  o: { side: Side; recipientName: string; rescheduled: boolean; preferencesUrl?: string },
): RenderedEmail {
  const other = o.side === 'school' ? f.employerName : f.schoolName;
  return renderEmail({
    subject: `Confirmed: ${f.title}, ${slotOf(f)}`,
    preheader: `${f.title} with ${other} is booked${o.rescheduled ? ' at its new time' : ''}. A calendar invite is attached.`,
    blocks: [
      h('Your session is confirmed'),
      p(`Hello ${o.recipientName},`),
      p(
        { strong: f.title },
        ` with ${other} is booked${o.rescheduled ? ' at its new time' : ''}. The calendar invite attached adds it to your calendar (and updates it if anything changes).`,
      ),
      facts(factRows(f)),
      checklist(o.side, f.benchmark),
      ...prefs(o.preferencesUrl),
    ],
    footer: footer(f),
  });
}

export function declinedEmail(
  f: BookingFacts,
  o: { recipientName: string; declinedBy: string; reason: string | null; proposedAlternative: string | null },
): RenderedEmail {
  return renderEmail({
    subject: `Declined: ${f.title} for ${f.schoolName}, ${slotOf(f)}`,
    preheader: `${o.declinedBy} cannot do this session${o.proposedAlternative ? ' and suggests another time' : ''}.`,
    blocks: [
      h(`${o.declinedBy} declined`),
      p(`Hello ${o.recipientName},`),
      p({ strong: o.declinedBy }, ' cannot do ', { strong: f.title }, ' at this time.'),
      facts(factRows(f)),
      ...(o.reason ? [p('Their reason: ', { strong: o.reason })] : []),
      ...(o.proposedAlternative ? [p('They suggest instead: ', { strong: o.proposedAlternative })] : []),
      p('The request is open again, so it can be matched with another offer or time.'),
    ],
    footer: footer(f),
  });
}

export function cancelledEmail(f: BookingFacts, o: { recipientName: string; cancelledBy: string; reason: string | null }): RenderedEmail {
  return renderEmail({
    subject: `Cancelled: ${f.title}, ${slotOf(f)}`,
    preheader: `${o.cancelledBy} cancelled this session. It is removed from your calendar.`,
    blocks: [
      h('This session is cancelled'),
      p(`Hello ${o.recipientName},`),
      p({ strong: o.cancelledBy }, ' cancelled ', { strong: f.title }, '. If it was in your calendar, the attached update removes it.'),
      facts(factRows(f)),
      ...(o.reason ? [p('Reason given: ', { strong: o.reason })] : []),
    ],
    footer: footer(f),
  });
}

export function rescheduledEmail(
  f: BookingFacts,
  o: { recipientName: string; previousStartsAt: Date; previousEndsAt: Date; movedBy: string; awaiting: string; reason: string | null },
): RenderedEmail {
  return renderEmail({
    subject: `Time change: ${f.title} moves to ${slotOf(f)}`,
    preheader: `${o.movedBy} moved this session from ${formatLondonSlot(o.previousStartsAt, o.previousEndsAt)}. Waiting for ${o.awaiting} to accept.`,
    blocks: [
      h('This session is moving'),
      p(`Hello ${o.recipientName},`),
      p({ strong: o.movedBy }, ' moved ', { strong: f.title }, ` from ${formatLondonSlot(o.previousStartsAt, o.previousEndsAt)}.`),
      facts(factRows(f)),
      ...(o.reason ? [p('Reason given: ', { strong: o.reason })] : []),
      p(`The calendar invite attached shows the new time as tentative until ${o.awaiting} accepts it; you will get a confirmation then.`),
    ],
    footer: footer(f),
  });
}

export function reminderEmail(
  f: BookingFacts,
  o: { side: Side; recipientName: string; daysBefore: number; preferencesUrl?: string },
): RenderedEmail {
  const inWords = o.daysBefore === 1 ? 'tomorrow' : `in ${o.daysBefore} days`;
  const other = o.side === 'school' ? f.employerName : f.schoolName;
  return renderEmail({
    subject: `Reminder: ${f.title} ${inWords}, ${slotOf(f)}`,
    preheader: `${f.title} with ${other} is ${inWords}. Here is what to prepare.`,
    blocks: [
      h(`${f.title} is ${inWords}`),
      p(`Hello ${o.recipientName},`),
      facts(factRows(f)),
      checklist(o.side, f.benchmark),
      ...prefs(o.preferencesUrl),
    ],
    footer: footer(f),
  });
}

export function followUpSchoolEmail(
  f: BookingFacts,
  o: { recipientName: string; appUrl: string; markedDelivered: boolean; preferencesUrl?: string },
): RenderedEmail {
  return renderEmail({
    subject: `How did it go? Record attendance for ${f.title}`,
    preheader: 'Record who took part and the meaningful checklist, so every pupil counts towards Benchmarks 5 and 6.',
    blocks: [
      h('Record who took part'),
      p(`Hello ${o.recipientName},`),
      p(
        o.markedDelivered ? 'Thank you for hosting ' : 'We hope ',
        { strong: f.title },
        o.markedDelivered ? '.' : ' went well.',
        ' Please record:',
      ),
      list('In Tandem', [
        ...(o.markedDelivered ? [] : ['that the session took place (or that it did not)']),
        'which pupils attended',
        'the meaningful checklist: a clear purpose, learning outcomes, two-way interaction, and time to reflect afterwards',
      ]),
      btn('Record attendance', o.appUrl),
      facts(factRows(f)),
      ...prefs(o.preferencesUrl),
    ],
    footer: footer(f),
  });
}

export function followUpEmployerEmail(
  f: BookingFacts,
  o: { recipientName: string; replyTo: string | null; preferencesUrl?: string },
): RenderedEmail {
  return renderEmail({
    subject: `Thank you: how was ${f.title} at ${f.schoolName}?`,
    preheader: 'Two minutes of feedback helps the next session go even better.',
    blocks: [
      h('Thank you for your time'),
      p(`Hello ${o.recipientName},`),
      p('Thank you for ', { strong: f.title }, ` with ${f.schoolName}. What worked, what would you change, and would you do it again?`),
      p(o.replyTo ? 'Just reply to this email: it goes to your Enterprise Coordinator.' : 'Just reply to this email.'),
      facts(factRows(f)),
      ...prefs(o.preferencesUrl),
    ],
    footer: footer(f),
  });
}

export function unansweredEmail(
  f: BookingFacts,
  o: { recipientName: string; waitingFor: string; since: Date; appUrl: string; preferencesUrl?: string },
): RenderedEmail {
  return renderEmail({
    subject: `Waiting for an answer: ${f.title} for ${f.schoolName}`,
    preheader: `${o.waitingFor} has not answered since ${formatLondonDateTime(o.since)}.`,
    blocks: [
      h('A request is waiting for an answer'),
      p(`Hello ${o.recipientName},`),
      p(
        { strong: f.title },
        ` for ${f.schoolName} has waited for `,
        { strong: o.waitingFor },
        ` since ${formatLondonDateTime(o.since)}. A quick call may help.`,
      ),
      facts(factRows(f)),
      btn('Open the booking', o.appUrl),
      ...prefs(o.preferencesUrl),
    ],
    footer: footer(f),
  });
}

export function vettingExpiringEmail(
  f: BookingFacts,
  o: { recipientName: string; missing: string[]; sessionDay: string; preferencesUrl?: string },
): RenderedEmail {
  return renderEmail({
    subject: `Vetting needed before ${f.title} on ${slotOf(f)}`,
    preheader: `${f.employerName}'s vetting will not be valid on the day of this in-person session.`,
    blocks: [
      h('Vetting will not be valid on the day'),
      p(`Hello ${o.recipientName},`),
      p(
        `This in-person session needs ${f.employerName}'s vetting to be valid on ${o.sessionDay}. These checks are missing or expire before then:`,
      ),
      list('Checks to renew', o.missing),
      facts(factRows(f)),
      ...prefs(o.preferencesUrl),
    ],
    footer: footer(f),
  });
}

export function termlyCheckInEmail(o: {
  hubName: string;
  employerName: string;
  recipientName: string;
  termLabel: string;
  startsOn: Date;
  replyTo: string | null;
  preferencesUrl?: string;
}): RenderedEmail {
  return renderEmail({
    subject: `What could ${o.employerName} offer in the ${o.termLabel}?`,
    preheader: `Schools are planning the ${o.termLabel}. A line back helps us match you well.`,
    blocks: [
      h(`Planning the ${o.termLabel}`),
      p(`Hello ${o.recipientName},`),
      p(
        `Schools in ${o.hubName} are planning the ${o.termLabel}, which starts ${formatLondonDate(londonDateOf(o.startsOn))}. What could `,
        { strong: o.employerName },
        ' realistically offer?',
      ),
      list('For example', [
        'a talk or Q&A, in person or online',
        'mock interviews or a CV workshop',
        'a workplace visit or a virtual tour',
        'how many sessions, and which weeks suit you',
      ]),
      p(o.replyTo ? 'Just reply to this email: it goes to your Enterprise Coordinator.' : 'Just reply to this email.'),
      ...prefs(o.preferencesUrl),
    ],
    footer: footer(o),
  });
}

/** "Tuesday 3 February 2026 at 13:30–15:00 (GMT)", or "… at 09:00 (BST) until Friday 10 July 2026 at 15:00 (BST)". */
export function formatLondonSlot(startsAt: Date, endsAt: Date): string {
  const start = formatLondonDateTime(startsAt);
  const s = londonWallClock(startsAt);
  const e = londonWallClock(endsAt);
  if (s.date === e.date) return start.replace(/ \(([^)]+)\)$/, `–${e.time} ($1)`);
  return `${start} until ${formatLondonDateTime(endsAt)}`;
}
