import { parseOfferInput, type OfferFields } from './offer-rules';

const NOW = new Date('2026-01-01T00:00:00Z');
const valid = {
  title: 'Talk',
  activityType: 'careers_talk',
  format: 'virtual',
  durationMinutes: 45,
  pupilsPerSession: 30,
  sessionsAvailable: 2,
  yearGroups: [9, 7, 9],
};
const problem = (fn: () => unknown): { code: string; field?: string; details?: { field: string }[] } => {
  try {
    fn();
  } catch (e) {
    return e as { code: string; field?: string };
  }
  throw new Error('expected a DomainError');
};

describe('offer rules', () => {
  it('parses a create input: year groups sorted and de-duplicated, draft by default', () => {
    const { fields, windows, sessions } = parseOfferInput(valid, 'create', NOW);
    expect(fields).toMatchObject({ yearGroups: [7, 9], status: 'draft', travelRadiusKm: null });
    expect(windows).toBeUndefined();
    expect(sessions).toBeUndefined();
  });

  it('needs a travel radius for visits in person at school, also when only the format changes', () => {
    expect(problem(() => parseOfferInput({ ...valid, format: 'in_person_school' }, 'create', NOW))).toMatchObject({
      code: 'REQUIRED',
      field: 'input.travelRadiusKm',
    });
    const current = { ...valid, format: 'virtual', travelRadiusKm: null, status: 'draft' } as unknown as OfferFields;
    expect(problem(() => parseOfferInput({ format: 'in_person_school' }, 'update', NOW, current))).toMatchObject({
      field: 'input.travelRadiusKm',
    });
    expect(parseOfferInput({ format: 'in_person_school', travelRadiusKm: 12.34 }, 'update', NOW, current).fields.travelRadiusKm).toBe(12.3);
  });

  it('defaults a window to Monday–Friday and a session to the offer size', () => {
    const parsed = parseOfferInput(
      {
        ...valid,
        availabilityWindows: [{ startsOn: '2026-02-02', endsOn: '2026-02-06', startTime: '09:00', endTime: '10:00' }],
        sessions: [{ startsAt: '2026-02-03T09:00:00Z', endsAt: '2026-02-03T10:00:00Z' }],
      },
      'create',
      NOW,
    );
    expect(parsed.windows).toEqual([
      { startsOn: '2026-02-02', endsOn: '2026-02-06', weekdays: [1, 2, 3, 4, 5], startTime: '09:00', endTime: '10:00' },
    ]);
    expect(parsed.sessions?.[0].capacity).toBe(30);
  });

  it('reports every problem of the input at once', () => {
    const e = problem(() =>
      parseOfferInput(
        {
          ...valid,
          pupilsPerSession: 0,
          yearGroups: [14],
          availabilityWindows: [{ startsOn: '2026-02-02', endsOn: '2026-02-01', startTime: '10:00', endTime: '09:00' }],
        },
        'create',
        NOW,
      ),
    );
    expect(e.code).toBe('VALIDATION_FAILED');
    expect(e.details?.map((d) => d.field)).toEqual([
      'input.pupilsPerSession',
      'input.yearGroups[0]',
      'input.availabilityWindows[0].endsOn',
      'input.availabilityWindows[0].endTime',
    ]);
  });
});
