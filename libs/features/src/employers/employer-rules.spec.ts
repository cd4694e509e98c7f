import {
  parseContactInput,
  parseEmployerInput,
  parseVettingCheckInput,
  parseWebsite,
  vettingStatusOn,
  type VettingCheckLike,
} from './employer-rules';

const problem = (fn: () => unknown): { code: string; field?: string } => {
  try {
    fn();
  } catch (e) {
    return e as { code: string; field?: string };
  }
  throw new Error('expected a DomainError');
};

describe('employer rules', () => {
  it('accepts http(s) websites with a dotted host only', () => {
    expect(parseWebsite(' https://aire.example.org/jobs ')).toBe('https://aire.example.org/jobs');
    for (const bad of ['aire.example.org', 'ftp://aire.example.org', 'https://localhost', 'http://', 'https://a b.org', 42]) {
      expect(problem(() => parseWebsite(bad, 'input.website'))).toMatchObject({ code: 'INVALID_URL', field: 'input.website' });
    }
  });

  it('needs name, sector and size band on create; parses only given keys on update', () => {
    expect(problem(() => parseEmployerInput({ name: 'A', sizeBand: 'sme' }, 'create'))).toMatchObject({
      code: 'INVALID_ENUM_VALUE',
      field: 'input.sector',
    });
    expect(parseEmployerInput({ website: null }, 'update')).toEqual({ website: null });
    expect(parseEmployerInput({ maxRequestsPerMonth: 0 }, 'update')).toEqual({ maxRequestsPerMonth: 0 });
    expect(problem(() => parseEmployerInput({ maxRequestsPerMonth: -1 }, 'update'))).toMatchObject({ code: 'INVALID_NUMBER' });
  });

  it('keeps latitude and longitude together', () => {
    expect(problem(() => parseEmployerInput({ latitude: 53.8 }, 'update'))).toMatchObject({
      code: 'INVALID_COORDINATES',
      field: 'input.longitude',
    });
    expect(parseEmployerInput({ latitude: null, longitude: null }, 'update')).toEqual({ latitude: null, longitude: null });
    expect(problem(() => parseEmployerInput({ latitude: 91, longitude: 0 }, 'update'))).toMatchObject({
      code: 'INVALID_COORDINATES',
      field: 'input.latitude',
    });
  });

  it('needs a DBS date (not in the future) unless the status is none', () => {
    expect(problem(() => parseContactInput({ name: 'A', email: 'a@b.org', dbsStatus: 'basic' }, 'create', '2025-06-01'))).toMatchObject({
      code: 'REQUIRED',
      field: 'input.dbsCheckedOn',
    });
    expect(
      problem(() =>
        parseContactInput({ dbsCheckedOn: '2025-06-02' }, 'update', '2025-06-01', { dbsStatus: 'basic', dbsCheckedOn: '2025-01-01' }),
      ),
    ).toMatchObject({ code: 'INVALID_DATE' });
    expect(parseContactInput({ dbsStatus: 'enhanced' }, 'update', '2025-06-01', { dbsStatus: 'none', dbsCheckedOn: '2025-01-01' })).toEqual(
      { dbsStatus: 'enhanced' },
    );
  });

  it('allows a check valid for its own day only, never expiring before it was made', () => {
    const base = { kind: 'health_and_safety', checkedOn: '2025-03-01', outcome: 'passed' };
    expect(parseVettingCheckInput({ ...base, expiresOn: '2025-03-01' }, '2025-06-01').expiresOn).toBe('2025-03-01');
    expect(problem(() => parseVettingCheckInput({ ...base, expiresOn: '2025-02-28' }, '2025-06-01'))).toMatchObject({
      code: 'INVALID_WINDOW',
      field: 'input.expiresOn',
    });
  });

  it('is vetted only with every kind passed and valid on the day', () => {
    const check = (
      kind: VettingCheckLike['kind'],
      checkedOn: string,
      expiresOn: string,
      over: Partial<VettingCheckLike> = {},
    ): VettingCheckLike => ({ kind, checkedOn, expiresOn, outcome: 'passed', archivedAt: null, ...over });
    const checks = [
      check('safeguarding_policy', '2025-01-01', '2025-12-31'),
      check('employers_liability_insurance', '2025-01-01', '2025-09-30'),
      check('health_and_safety', '2025-01-01', '2026-01-31'),
    ];
    expect(vettingStatusOn(checks, '2025-06-01')).toEqual({
      onDate: '2025-06-01',
      vetted: true,
      missingKinds: [],
      validUntil: '2025-09-30',
    });
    expect(vettingStatusOn(checks, '2025-09-30').vetted).toBe(true);
    expect(vettingStatusOn(checks, '2025-10-01').missingKinds).toEqual(['employers_liability_insurance']);
    expect(vettingStatusOn(checks, '2024-12-31').missingKinds).toHaveLength(3);
    const failed = [...checks.slice(0, 2), check('health_and_safety', '2025-01-01', '2026-01-31', { outcome: 'failed' })];
    expect(vettingStatusOn(failed, '2025-06-01').vetted).toBe(false);
    const archived = [
      ...checks.slice(0, 2),
      check('health_and_safety', '2025-01-01', '2026-01-31', { archivedAt: new Date('2025-06-01T10:00:00Z') }),
    ];
    expect(vettingStatusOn(archived, '2025-06-01').vetted).toBe(false);
  });
});
