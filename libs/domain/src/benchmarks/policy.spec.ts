import { DomainError } from '../errors';
import { BUILT_IN_POLICIES, DEFAULT_POLICY_KEY, GATSBY_2014, GATSBY_2024 } from './built-in-policies';
import { BM5_MEANINGFUL_CRITERIA, BM6_MEANINGFUL_CRITERIA, missingCriteria, parseChecklist } from './checklist';
import { parseBenchmarkPolicy, qualification, ruleFor, windowIndexFor } from './policy';

const problem = (fn: () => unknown): DomainError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
};

/** A copy of a policy as JSON would give it, to mutate in tests. */
const asJson = (p: unknown): Record<string, unknown> => JSON.parse(JSON.stringify(p)) as Record<string, unknown>;

describe('meaningful checklist', () => {
  it('BM6 asks for the BM5 criteria and three more', () => {
    expect(BM5_MEANINGFUL_CRITERIA).toEqual(['purpose_shared', 'learning_outcomes', 'two_way_interaction', 'reflection']);
    expect(BM6_MEANINGFUL_CRITERIA).toEqual([...BM5_MEANINGFUL_CRITERIA, 'range_of_people', 'employer_task', 'employer_feedback']);
  });
  it('parses a list into canonical order without duplicates, naming a bad item', () => {
    expect(parseChecklist(['reflection', 'purpose_shared', 'reflection'])).toEqual(['purpose_shared', 'reflection']);
    expect(parseChecklist([])).toEqual([]);
    expect(problem(() => parseChecklist(['reflection', 'vibes'], 'input.checklist'))).toMatchObject({
      code: 'INVALID_ENUM_VALUE',
      field: 'input.checklist[1]',
    });
    expect(problem(() => parseChecklist('reflection', 'input.checklist'))).toMatchObject({ field: 'input.checklist' });
  });
  it('lists what is missing', () => {
    expect(missingCriteria(['purpose_shared', 'reflection'], BM5_MEANINGFUL_CRITERIA)).toEqual([
      'learning_outcomes',
      'two_way_interaction',
    ]);
  });
});

describe('built-in policies', () => {
  it('are valid policies, round-tripping through the schema unchanged', () => {
    for (const p of BUILT_IN_POLICIES) expect(parseBenchmarkPolicy(asJson(p))).toEqual(p);
    expect(BUILT_IN_POLICIES.map((p) => p.key)).toContain(DEFAULT_POLICY_KEY);
  });

  it('2014: BM5 every year 7–13; BM6 one by Year 11 and one further in Years 12–13', () => {
    const bm5 = ruleFor(GATSBY_2014, 5);
    expect(bm5.windows.map((w) => [w.fromYearGroup, w.toYearGroup, w.minimum])).toEqual([7, 8, 9, 10, 11, 12, 13].map((y) => [y, y, 1]));
    expect(ruleFor(GATSBY_2014, 6).windows.map((w) => [w.fromYearGroup, w.toYearGroup, w.minimum])).toEqual([
      [7, 11, 1],
      [12, 13, 1],
    ]);
  });

  it('2024: BM6 one in Years 7–9, one in Years 10–11, one more by 18; virtual workplace tours count', () => {
    const bm6 = ruleFor(GATSBY_2024, 6);
    expect(bm6.windows.map((w) => [w.fromYearGroup, w.toYearGroup])).toEqual([
      [7, 9],
      [10, 11],
      [12, 13],
    ]);
    const tour = { activityType: 'virtual_workplace_tour' as const, format: 'virtual' as const, checklist: BM6_MEANINGFUL_CRITERIA };
    expect(qualification(bm6, tour).counts).toBe(true);
    expect(qualification(ruleFor(GATSBY_2014, 6), tour)).toEqual({ counts: false, reasons: ['virtual does not count for Benchmark 6'] });
  });

  it('finds the window of a year group, -1 outside the policy', () => {
    const bm6 = ruleFor(GATSBY_2024, 6);
    expect([7, 9, 10, 11, 12, 13].map((y) => windowIndexFor(bm6, y))).toEqual([0, 0, 1, 1, 2, 2]);
    expect(windowIndexFor(bm6, 6)).toBe(-1);
    expect(windowIndexFor(bm6, 14)).toBe(-1);
  });
});

describe('qualification', () => {
  const bm5 = ruleFor(GATSBY_2014, 5);
  it('counts a meaningful careers talk for BM5 only', () => {
    const talk = { activityType: 'careers_talk' as const, format: 'in_person_school' as const, checklist: BM5_MEANINGFUL_CRITERIA };
    expect(qualification(bm5, talk)).toEqual({ counts: true, reasons: [] });
    expect(qualification(ruleFor(GATSBY_2014, 6), { ...talk, checklist: BM6_MEANINGFUL_CRITERIA }).reasons).toEqual([
      'Careers talk does not count for Benchmark 6',
      'in person at school does not count for Benchmark 6',
    ]);
  });
  it('says what a non-meaningful encounter lacks', () => {
    const talk = { activityType: 'careers_talk' as const, format: 'virtual' as const, checklist: ['purpose_shared' as const] };
    expect(qualification(bm5, talk).reasons).toEqual([
      'not meaningful for Benchmark 5: missing learning outcomes, two-way interaction, time to reflect afterwards',
    ]);
  });
});

describe('parseBenchmarkPolicy (adding a policy needs no code)', () => {
  it('accepts a new policy written as JSON', () => {
    const custom = asJson(GATSBY_2024);
    custom['key'] = 'west-yorkshire-2025';
    custom['name'] = 'West Yorkshire stretch target';
    (custom['benchmarks'] as Array<Record<string, unknown>>)[1]['windows'] = [{ fromYearGroup: 7, toYearGroup: 11, minimum: 3 }];
    const p = parseBenchmarkPolicy(custom);
    expect(p.key).toBe('west-yorkshire-2025');
    expect(ruleFor(p, 6).windows).toEqual([{ label: 'Years 7–11', fromYearGroup: 7, toYearGroup: 11, minimum: 3 }]);
  });

  it('reports every problem at once, each with its path', () => {
    const bad = asJson(GATSBY_2014);
    bad['key'] = 'Not A Key';
    const rules = bad['benchmarks'] as Array<Record<string, unknown>>;
    rules[0]['activityTypes'] = ['careers_talk', 'juggling'];
    rules[1]['windows'] = [
      { fromYearGroup: 7, toYearGroup: 11, minimum: 1 },
      { fromYearGroup: 10, toYearGroup: 14, minimum: 0 },
    ];
    const e = problem(() => parseBenchmarkPolicy(bad));
    expect(e.code).toBe('VALIDATION_FAILED');
    expect(e.details?.map((d) => [d.field, d.code])).toEqual([
      ['definition.key', 'INVALID_TEXT'],
      ['definition.benchmarks[0].activityTypes[1]', 'INVALID_ENUM_VALUE'],
      ['definition.benchmarks[1].windows[1].toYearGroup', 'INVALID_YEAR_GROUP'],
      ['definition.benchmarks[1].windows[1].minimum', 'INVALID_NUMBER'],
    ]);
  });

  it('refuses overlapping windows, windows out of order and a missing benchmark', () => {
    const overlap = asJson(GATSBY_2014);
    (overlap['benchmarks'] as Array<Record<string, unknown>>)[1]['windows'] = [
      { fromYearGroup: 7, toYearGroup: 11, minimum: 1 },
      { fromYearGroup: 11, toYearGroup: 13, minimum: 1 },
    ];
    expect(problem(() => parseBenchmarkPolicy(overlap))).toMatchObject({
      code: 'INVALID_WINDOW',
      field: 'definition.benchmarks[1].windows[1].fromYearGroup',
    });
    const backwards = asJson(GATSBY_2014);
    (backwards['benchmarks'] as Array<Record<string, unknown>>)[1]['windows'] = [{ fromYearGroup: 11, toYearGroup: 7, minimum: 1 }];
    expect(problem(() => parseBenchmarkPolicy(backwards))).toMatchObject({
      code: 'INVALID_WINDOW',
      field: 'definition.benchmarks[1].windows[0].toYearGroup',
    });
    const onlyFive = asJson(GATSBY_2014);
    onlyFive['benchmarks'] = [(onlyFive['benchmarks'] as unknown[])[0]];
    expect(problem(() => parseBenchmarkPolicy(onlyFive))).toMatchObject({ code: 'INVALID_NUMBER', field: 'definition.benchmarks' });
    const twice = asJson(GATSBY_2014);
    twice['benchmarks'] = [(twice['benchmarks'] as unknown[])[0], (twice['benchmarks'] as unknown[])[0]];
    expect(problem(() => parseBenchmarkPolicy(twice)).message).toMatch(/Benchmark 5 exactly once \(found 2\)/);
  });

  it('refuses what is not a policy at all', () => {
    expect(problem(() => parseBenchmarkPolicy('gatsby'))).toMatchObject({ code: 'REQUIRED', field: 'definition' });
    expect(problem(() => parseBenchmarkPolicy({ key: 'x1', version: 1, name: 'X' }))).toMatchObject({
      code: 'REQUIRED',
      field: 'definition.benchmarks',
    });
    expect(problem(() => parseBenchmarkPolicy({ ...asJson(GATSBY_2014), version: 0 }))).toMatchObject({
      code: 'INVALID_NUMBER',
      field: 'definition.version',
    });
  });
});
