import { DomainError } from '../errors';
import { EMPLOYER, hub, OFFER, REQUEST, SCHOOL, SESSION } from './fixtures.spec-helper';
import { solveMatching } from './index';
import { resolveMatchingWeights, validateMatchingInput } from './validate';

function caught(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe('validateMatchingInput', () => {
  it('sorts every list by id and turns references into indexes', () => {
    const instance = validateMatchingInput(
      hub({
        schools: [{ ...SCHOOL, id: 'school-2' }, SCHOOL],
        requests: [
          { ...REQUEST, id: 'r-b' },
          { ...REQUEST, id: 'r-a', schoolId: 'school-2' },
        ],
      }),
    );
    expect(instance.schools.map((s) => s.id)).toEqual(['school-1', 'school-2']);
    expect(instance.requests.map((r) => [r.id, r.school])).toEqual([
      ['r-a', 1],
      ['r-b', 0],
    ]);
    expect(instance.sessions[0]).toMatchObject({ month: '2026-02', lastDay: '2026-02-03' });
  });

  it('refuses a window that ends before it starts, naming the field', () => {
    const windows = [
      { startsAt: '2026-02-03T09:00:00Z', endsAt: '2026-02-03T12:00:00Z' },
      { startsAt: '2026-02-04T12:00:00Z', endsAt: '2026-02-04T09:00:00Z' },
    ];
    const e = caught(() =>
      validateMatchingInput(
        hub({
          requests: [REQUEST, REQUEST, REQUEST, { ...REQUEST, id: 'request-4', windows }].map((r, i) => ({ ...r, id: `request-${i}` })),
        }),
      ),
    );
    expect(e.code).toBe('INVALID_WINDOW');
    expect(e.field).toBe('requests[3].windows[1].endsAt');
    expect(e.message).toContain('requests[3].windows[1].endsAt must be after requests[3].windows[1].startsAt');
  });

  it.each([
    ['requests[0].pupils', { requests: [{ ...REQUEST, pupils: 0 }] }],
    ['offers[0].pupilsPerSession', { offers: [{ ...OFFER, pupilsPerSession: 0 }] }],
    ['offers[0].sessionsAvailable', { offers: [{ ...OFFER, sessionsAvailable: 0 }] }],
    ['employers[0].maxRequestsPerMonth', { employers: [{ ...EMPLOYER, maxRequestsPerMonth: 0 }] }],
  ])('refuses a capacity of 0 (%s)', (field, change) => {
    const e = caught(() => validateMatchingInput(hub(change)));
    expect(e.code).toBe('INVALID_CAPACITY');
    expect(e.field).toBe(field);
  });

  it.each([
    ['schools[0].latitude', { schools: [{ ...SCHOOL, latitude: 91 }] }],
    ['schools[0].longitude', { schools: [{ ...SCHOOL, longitude: -181 }] }],
    ['employers[0].latitude', { employers: [{ ...EMPLOYER, latitude: Number.NaN }] }],
  ])('refuses coordinates out of range (%s)', (field, change) => {
    const e = caught(() => validateMatchingInput(hub(change)));
    expect(e.code).toBe('INVALID_COORDINATES');
    expect(e.field).toBe(field);
  });

  it('refuses unknown references, duplicate ids, a missing radius and shares outside 0–1', () => {
    expect(caught(() => validateMatchingInput(hub({ sessions: [{ ...SESSION, offerId: 'nope' }] })))).toMatchObject({
      code: 'NOT_FOUND',
      field: 'sessions[0].offerId',
    });
    expect(caught(() => validateMatchingInput(hub({ schools: [SCHOOL, SCHOOL] })))).toMatchObject({
      code: 'ALREADY_EXISTS',
      field: 'schools[1].id',
    });
    expect(caught(() => validateMatchingInput(hub({ offers: [{ ...OFFER, travelRadiusKm: null }] })))).toMatchObject({
      code: 'REQUIRED',
      field: 'offers[0].travelRadiusKm',
    });
    expect(caught(() => validateMatchingInput(hub({ requests: [{ ...REQUEST, disadvantagedShare: 1.2 }] })))).toMatchObject({
      code: 'INVALID_NUMBER',
      field: 'requests[0].disadvantagedShare',
    });
    expect(caught(() => validateMatchingInput(hub({ requests: [{ ...REQUEST, windows: [] }] })))).toMatchObject({
      code: 'REQUIRED',
      field: 'requests[0].windows',
    });
    expect(caught(() => validateMatchingInput({ schools: 'x' }))).toMatchObject({ field: 'schools' });
  });

  it('reports every problem at once', () => {
    const e = caught(() =>
      validateMatchingInput(hub({ schools: [{ ...SCHOOL, latitude: 95 }], requests: [{ ...REQUEST, pupils: 0, yearGroup: 14 }] })),
    );
    expect(e.code).toBe('VALIDATION_FAILED');
    expect(e.details?.map((d) => [d.field, d.code])).toEqual([
      ['schools[0].latitude', 'INVALID_COORDINATES'], // and no echo of it at requests[0].schoolId
      ['requests[0].yearGroup', 'INVALID_YEAR_GROUP'],
      ['requests[0].pupils', 'INVALID_CAPACITY'],
    ]);
  });
});

describe('weights and options', () => {
  it('fill in defaults and refuse values out of range', () => {
    expect(resolveMatchingWeights({ perKm: 2 })).toMatchObject({ perKm: 2, disadvantagedUplift: 1 });
    expect(caught(() => resolveMatchingWeights({ perKm: -1 }))).toMatchObject({ code: 'INVALID_NUMBER', field: 'weights.perKm' });
    expect(caught(() => solveMatching(hub(), { maxBranchNodes: -1 }))).toMatchObject({ code: 'INVALID_NUMBER', field: 'maxBranchNodes' });
  });
});
