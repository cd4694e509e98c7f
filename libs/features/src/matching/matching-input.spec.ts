import { solveMatching } from '@tandem/domain';
import { buildMatchingInput, gapOf, type MatchingSnapshot, type SnapshotGapRow } from './matching-input';

const at = (iso: string) => new Date(iso);

function snapshot(over: Partial<MatchingSnapshot> = {}): MatchingSnapshot {
  return {
    schools: [{ id: 'school-1', name: 'Northfield Academy', latitude: 53.8, longitude: -1.55 }],
    requests: [
      {
        id: 'request-1',
        schoolId: 'school-1',
        yearGroup: 10,
        pupils: 20,
        activityType: 'careers_talk',
        formats: ['virtual', 'in_person_school'],
        windows: [{ startsAt: at('2026-02-03T09:00:00Z'), endsAt: at('2026-02-03T16:00:00Z') }],
      },
    ],
    gaps: [
      { schoolId: 'school-1', yearGroup: 10, benchmark: 5, pupils: 100, met: 60, priorityPupils: 30, priorityMet: 10 },
      { schoolId: 'school-1', yearGroup: 10, benchmark: 6, pupils: 100, met: 95, priorityPupils: 30, priorityMet: 28 },
    ],
    employers: [
      { id: 'employer-1', name: 'Aire Engineering', latitude: 53.78, longitude: -1.53, maxRequestsPerMonth: 2, vettedUntil: '2026-12-31' },
    ],
    offers: [
      {
        id: 'offer-1',
        employerId: 'employer-1',
        contactId: 'contact-1',
        title: 'Careers talk',
        activityType: 'careers_talk',
        format: 'virtual',
        sessionsAvailable: 3,
        yearGroups: [9, 10, 11],
        travelRadiusKm: null,
      },
    ],
    sessions: [
      { id: 'session-1', offerId: 'offer-1', startsAt: at('2026-02-03T10:00:00Z'), endsAt: at('2026-02-03T11:00:00Z'), capacity: 30 },
      { id: 'session-2', offerId: 'offer-1', startsAt: at('2026-02-04T10:00:00Z'), endsAt: at('2026-02-04T11:00:00Z'), capacity: 25 },
    ],
    bookings: [],
    ...over,
  };
}

describe('gapOf', () => {
  const gaps: SnapshotGapRow[] = snapshot().gaps;

  it('is the pupils still missing each benchmark, and the priority share of those missing the one the activity serves', () => {
    expect(gapOf(gaps, { schoolId: 'school-1', yearGroup: 10, activityType: 'careers_talk', formats: ['virtual'] })).toEqual({
      gap: { benchmark5: 40, benchmark6: 5 },
      disadvantagedShare: 0.5,
    });
    expect(gapOf(gaps, { schoolId: 'school-1', yearGroup: 10, activityType: 'workplace_visit', formats: ['in_person_workplace'] })).toEqual(
      { gap: { benchmark5: 40, benchmark6: 5 }, disadvantagedShare: 0.4 },
    );
  });

  it('with no gap left, uses the share of the whole year group; with no pupils loaded, no gap and no share', () => {
    const met = [{ schoolId: 's', yearGroup: 7, benchmark: 5, pupils: 50, met: 50, priorityPupils: 10, priorityMet: 10 }];
    expect(gapOf(met, { schoolId: 's', yearGroup: 7, activityType: 'careers_talk', formats: ['virtual'] })).toEqual({
      gap: { benchmark5: 0, benchmark6: 0 },
      disadvantagedShare: 0.2,
    });
    expect(gapOf([], { schoolId: 's', yearGroup: 7, activityType: 'careers_talk', formats: ['virtual'] })).toEqual({
      gap: { benchmark5: 0, benchmark6: 0 },
      disadvantagedShare: 0,
    });
  });
});

describe('buildMatchingInput', () => {
  it('hands the solver the open requests with their gap, and offers with the smallest session capacity', () => {
    const { input, leftOut } = buildMatchingInput(snapshot());
    expect(leftOut).toEqual([]);
    expect(input.requests).toEqual([
      expect.objectContaining({ id: 'request-1', gap: { benchmark5: 40, benchmark6: 5 }, disadvantagedShare: 0.5 }),
    ]);
    expect(input.offers).toEqual([
      expect.objectContaining({ id: 'offer-1', pupilsPerSession: 25, contactId: 'contact-1', travelRadiusKm: null }),
    ]);
    expect(input.sessions.map((s) => s.id)).toEqual(['session-1', 'session-2']);
    const result = solveMatching(input);
    expect(result.proposals.map((p) => [p.requestId, p.sessionId])).toEqual([['request-1', 'session-1']]);
  });

  it('leaves out requests of a school with no location, and requests whose times have all passed, saying why', () => {
    const unlocated = buildMatchingInput(
      snapshot({ schools: [{ id: 'school-1', name: 'Northfield Academy', latitude: null, longitude: null }] }),
    );
    expect(unlocated.input.requests).toEqual([]);
    expect(unlocated.leftOut).toEqual([
      {
        requestId: 'request-1',
        schoolId: 'school-1',
        reasons: [expect.objectContaining({ code: 'SCHOOL_NOT_LOCATED' })],
        summary: expect.stringMatching(/^The school has no location yet/),
      },
    ]);
    const passed = buildMatchingInput(snapshot({ requests: snapshot().requests.map((r) => ({ ...r, windows: [] })) }));
    expect(passed.leftOut.map((l) => l.reasons[0].code)).toEqual(['WINDOWS_PASSED']);
  });

  it('drops offers nobody can be asked about or that can never be given, and in-person offers of an employer with no location', () => {
    const base = snapshot().offers[0];
    const offers = [
      { ...base, id: 'no-contact', contactId: null },
      { ...base, id: 'no-radius', format: 'in_person_school' as const, travelRadiusKm: 0 },
      { ...base, id: 'far', format: 'in_person_school' as const, travelRadiusKm: 5000 },
      { ...base, id: 'no-sessions' },
    ];
    const sessions = ['no-contact', 'no-radius', 'far'].map((offerId, i) => ({
      id: `s-${i}`,
      offerId,
      startsAt: at('2026-02-03T10:00:00Z'),
      endsAt: at('2026-02-03T11:00:00Z'),
      capacity: 30,
    }));
    const { input } = buildMatchingInput(snapshot({ offers, sessions }));
    expect(input.offers.map((o) => [o.id, o.travelRadiusKm])).toEqual([['far', 1000]]);

    const nowhere = snapshot({ employers: [{ ...snapshot().employers[0], latitude: null, longitude: null }] });
    expect(buildMatchingInput(nowhere).input.employers).toEqual([expect.objectContaining({ id: 'employer-1', latitude: 0, longitude: 0 })]);
    const inPerson = buildMatchingInput({ ...nowhere, offers: [{ ...base, format: 'in_person_workplace' }] });
    expect(inPerson.input.offers).toEqual([]);
    expect(inPerson.input.employers).toEqual([]);
  });
});
