import { hub, EMPLOYER, OFFER, REQUEST, SESSION } from './fixtures.spec-helper';
import type { ExistingBookingInput, MatchingInput } from './model';
import { DEFAULT_MATCHING_WEIGHTS } from './model';
import { buildRuleContext, fairnessPenaltyPoints, pairRuleFailures, pairWorth, type PairRule } from './rules';
import { validateMatchingInput } from './validate';

function failures(input: MatchingInput): PairRule[] {
  const instance = validateMatchingInput(input);
  const ctx = buildRuleContext(instance, DEFAULT_MATCHING_WEIGHTS);
  return pairRuleFailures(ctx, instance.requests[0], 0);
}

const booking = (over: Partial<ExistingBookingInput>): ExistingBookingInput => ({
  id: 'booking-1',
  schoolId: 'school-other',
  yearGroup: 7,
  employerId: 'employer-other',
  contactId: 'contact-other',
  offerId: 'offer-other',
  startsAt: '2026-02-10T10:00:00Z',
  endsAt: '2026-02-10T11:00:00Z',
  ...over,
});

describe('pair rules: each one alone rejects the pair', () => {
  it('accepts the base pair on every rule', () => {
    expect(failures(hub())).toEqual([]);
  });

  const cases: [PairRule, Partial<MatchingInput>][] = [
    ['activity_type', { offers: [{ ...OFFER, activityType: 'cv_workshop' }] }],
    ['time', { sessions: [{ ...SESSION, startsAt: '2026-02-03T11:30:00Z', endsAt: '2026-02-03T12:30:00Z' }] }],
    ['format', { requests: [{ ...REQUEST, formats: ['virtual'] }] }],
    ['year_group', { requests: [{ ...REQUEST, yearGroup: 9 }] }],
    ['capacity', { requests: [{ ...REQUEST, pupils: 31 }] }],
    ['radius', { offers: [{ ...OFFER, travelRadiusKm: 5 }] }],
    ['vetting', { employers: [{ ...EMPLOYER, vettedUntil: '2026-02-02' }] }],
    [
      'contact_busy',
      { existingBookings: [booking({ contactId: 'contact-1', startsAt: '2026-02-03T10:30:00Z', endsAt: '2026-02-03T11:30:00Z' })] },
    ],
    [
      'year_group_busy',
      {
        existingBookings: [
          booking({ schoolId: 'school-1', yearGroup: 10, startsAt: '2026-02-03T09:30:00Z', endsAt: '2026-02-03T10:30:00Z' }),
        ],
      },
    ],
    [
      'employer_month_full',
      {
        existingBookings: [
          booking({ employerId: 'employer-1', startsAt: '2026-02-20T10:00:00Z', endsAt: '2026-02-20T11:00:00Z' }),
          booking({ id: 'booking-2', employerId: 'employer-1' }),
        ],
      },
    ],
    [
      'offer_full',
      {
        existingBookings: [
          booking({ offerId: 'offer-1' }),
          booking({ id: 'booking-2', offerId: 'offer-1', startsAt: '2026-03-10T10:00:00Z', endsAt: '2026-03-10T11:00:00Z' }),
        ],
      },
    ],
  ];
  it.each(cases)('%s', (rule, change) => {
    expect(failures(hub(change))).toEqual([rule]);
  });

  it('a session ending exactly when a booking starts does not clash (half-open times)', () => {
    expect(
      failures(
        hub({ existingBookings: [booking({ contactId: 'contact-1', startsAt: '2026-02-03T11:00:00Z', endsAt: '2026-02-03T12:00:00Z' })] }),
      ),
    ).toEqual([]);
  });
  it('vetting valid through the session day is enough; the radius does not apply to virtual sessions', () => {
    expect(failures(hub({ employers: [{ ...EMPLOYER, vettedUntil: '2026-02-03' }] }))).toEqual([]);
    expect(
      failures(
        hub({
          offers: [{ ...OFFER, format: 'virtual', travelRadiusKm: null }],
          employers: [{ ...EMPLOYER, vettedUntil: null, latitude: 51.5 }],
        }),
      ),
    ).toEqual([]);
  });
  it('an employer month limit counts existing bookings of that London month only', () => {
    const lastEveningOfJanuary = booking({ employerId: 'employer-1', startsAt: '2026-01-31T23:30:00Z', endsAt: '2026-02-01T00:30:00Z' });
    expect(failures(hub({ existingBookings: [lastEveningOfJanuary, booking({ id: 'booking-2', employerId: 'employer-1' })] }))).toEqual([]);
  });
});

describe('pairWorth', () => {
  it('closes min(pupils, gap) for the benchmark of the activity, uplifted by the disadvantaged share, less travel', () => {
    const instance = validateMatchingInput(hub());
    const ctx = buildRuleContext(instance, DEFAULT_MATCHING_WEIGHTS);
    const worth = pairWorth(ctx, instance.requests[0], instance.sessions[0]);
    expect(worth.benchmark).toBe(5);
    expect(worth.gapPupilsClosed).toBe(28);
    expect(worth.distanceKm).toBeCloseTo(5.56, 1);
    // (28 + 0.1 × 0) × (1 + 0.41) − 0.5 × 5.56 km = 39.48 − 2.78 = 36.70 gap pupils → 3670 points
    expect(worth.points).toBe(Math.round((28 * 1.41 - 0.5 * (worth.distanceKm ?? 0)) * 100));
  });
  it('uses the benchmark-6 gap for a workplace experience, and counts pupils beyond the gap a little', () => {
    const offer = { ...OFFER, activityType: 'workplace_visit' as const, format: 'in_person_workplace' as const, travelRadiusKm: null };
    const instance = validateMatchingInput(
      hub({ offers: [offer], requests: [{ ...REQUEST, activityType: 'workplace_visit', formats: ['in_person_workplace'] }] }),
    );
    const ctx = buildRuleContext(instance, DEFAULT_MATCHING_WEIGHTS);
    const worth = pairWorth(ctx, instance.requests[0], instance.sessions[0]);
    expect(worth.benchmark).toBe(6);
    expect(worth.gapPupilsClosed).toBe(10);
    expect(worth.points).toBe(Math.round(((10 + 0.1 * 18) * 1.41 - 0.5 * (worth.distanceKm ?? 0)) * 100));
  });
  it('fairness penalties grow with each proposal for a school, up to the cap', () => {
    const w = { ...DEFAULT_MATCHING_WEIGHTS, fairnessStep: 2, fairnessCap: 5 };
    expect([1, 2, 3, 4, 10].map((k) => fairnessPenaltyPoints(w, k))).toEqual([0, 200, 400, 500, 500]);
  });
});
