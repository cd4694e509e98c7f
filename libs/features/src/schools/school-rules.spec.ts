import { parseSchoolInput, searchPatterns } from './school-rules';

const problem = (fn: () => unknown): { code: string; field?: string; details?: Array<{ field: string }> } => {
  try {
    fn();
  } catch (e) {
    return e as { code: string; field?: string };
  }
  throw new Error('expected a DomainError');
};

const valid = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  urn: '123456',
  name: ' Hillside Academy ',
  postcode: 'ls1 4ap',
  phase: 'secondary',
  lowestYearGroup: 7,
  highestYearGroup: 11,
  clusterId: 'c0ffee00-0000-4000-8000-000000000001',
  ...over,
});

describe('school rules', () => {
  it('normalises a full create input', () => {
    expect(parseSchoolInput(valid(), 'create')).toEqual({
      urn: '123456',
      name: 'Hillside Academy',
      postcode: 'LS1 4AP',
      phase: 'secondary',
      lowestYearGroup: 7,
      highestYearGroup: 11,
      clusterId: 'c0ffee00-0000-4000-8000-000000000001',
      latitude: null,
      longitude: null,
    });
  });

  it.each([
    ['a 5-digit URN', { urn: '12345' }, 'INVALID_URN', 'input.urn'],
    ['a URN with letters', { urn: '12345a' }, 'INVALID_URN', 'input.urn'],
    ['a malformed postcode', { postcode: 'NOT A CODE' }, 'INVALID_POSTCODE', 'input.postcode'],
    ['an unknown phase', { phase: 'primary' }, 'INVALID_ENUM_VALUE', 'input.phase'],
    ['year group 6', { lowestYearGroup: 6 }, 'INVALID_YEAR_GROUP', 'input.lowestYearGroup'],
    ['year group 14', { highestYearGroup: 14 }, 'INVALID_YEAR_GROUP', 'input.highestYearGroup'],
    ['lowest above highest', { lowestYearGroup: 12, highestYearGroup: 11 }, 'INVALID_YEAR_GROUP', 'input.highestYearGroup'],
    ['no cluster', { clusterId: ' ' }, 'REQUIRED', 'input.clusterId'],
    ['latitude without longitude', { latitude: 53.8 }, 'INVALID_COORDINATES', 'input.longitude'],
    ['latitude 91', { latitude: 91, longitude: 0 }, 'INVALID_COORDINATES', 'input.latitude'],
  ])('refuses %s', (_label, over, code, field) => {
    expect(problem(() => parseSchoolInput(valid(over), 'create'))).toMatchObject({ code, field });
  });

  it('reports every problem at once', () => {
    const e = problem(() => parseSchoolInput(valid({ urn: 'x', postcode: 'y', name: '' }), 'create'));
    expect(e.code).toBe('VALIDATION_FAILED');
    expect(e.details?.map((d) => d.field).sort()).toEqual(['input.name', 'input.postcode', 'input.urn']);
  });

  it('parses only the keys given on update, checking year groups against the current range', () => {
    expect(parseSchoolInput({ name: 'New name' }, 'update', { lowestYearGroup: 7, highestYearGroup: 11 })).toEqual({ name: 'New name' });
    expect(parseSchoolInput({ highestYearGroup: 13 }, 'update', { lowestYearGroup: 7, highestYearGroup: 11 })).toEqual({
      highestYearGroup: 13,
    });
    expect(problem(() => parseSchoolInput({ lowestYearGroup: 12 }, 'update', { lowestYearGroup: 7, highestYearGroup: 11 }))).toMatchObject({
      code: 'INVALID_YEAR_GROUP',
      field: 'input.lowestYearGroup',
    });
    expect(parseSchoolInput({ latitude: null, longitude: null }, 'update')).toEqual({ latitude: null, longitude: null });
  });

  it('builds search patterns with LIKE wildcards escaped, and a URN prefix for digits', () => {
    expect(searchPatterns('50%_off')).toEqual({ contains: '%50\\%\\_off%', urnPrefix: null });
    expect(searchPatterns('1234')).toEqual({ contains: '%1234%', urnPrefix: '1234%' });
  });
});
