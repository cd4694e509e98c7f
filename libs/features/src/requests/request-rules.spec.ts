import { parseRequestInput } from './request-rules';

const NOW = new Date('2026-01-10T12:00:00Z');
const TODAY = '2026-01-10';
const RANGE = { lowest: 7, highest: 11 };
const valid = {
  activityType: 'cv_workshop',
  yearGroup: 10,
  pupilCount: 28,
  formats: ['virtual'],
  windows: [{ startsAt: '2026-02-03T13:30:00Z', endsAt: '2026-02-03T15:00:00Z' }],
};
const problem = (fn: () => unknown): { code: string; field?: string } => {
  try {
    fn();
  } catch (e) {
    return e as { code: string; field?: string };
  }
  throw new Error('expected a DomainError');
};

describe('request rules', () => {
  it('parses a valid request', () => {
    const parsed = parseRequestInput(valid, 'create', RANGE, NOW, TODAY);
    expect(parsed.fields).toMatchObject({ yearGroup: 10, pupilCount: 28, formats: ['virtual'], deadline: null, notes: null });
    expect(parsed.windows).toEqual([{ startsAt: new Date('2026-02-03T13:30:00Z'), endsAt: new Date('2026-02-03T15:00:00Z') }]);
  });

  it("keeps the year group within the school's range", () => {
    expect(problem(() => parseRequestInput({ ...valid, yearGroup: 12 }, 'create', RANGE, NOW, TODAY))).toMatchObject({
      code: 'INVALID_YEAR_GROUP',
      field: 'input.yearGroup',
    });
    expect(parseRequestInput({ ...valid, yearGroup: 12 }, 'create', { lowest: 7, highest: 13 }, NOW, TODAY).fields.yearGroup).toBe(12);
  });

  it('needs at least one window, none in the past, each ending after it starts', () => {
    expect(problem(() => parseRequestInput({ ...valid, windows: [] }, 'create', RANGE, NOW, TODAY))).toMatchObject({
      code: 'REQUIRED',
      field: 'input.windows',
    });
    expect(
      problem(() =>
        parseRequestInput(
          { ...valid, windows: [{ startsAt: '2026-01-10T11:00:00Z', endsAt: '2026-01-10T13:00:00Z' }] },
          'create',
          RANGE,
          NOW,
          TODAY,
        ),
      ),
    ).toMatchObject({ code: 'INVALID_DATE', field: 'input.windows[0].startsAt' });
    expect(
      problem(() =>
        parseRequestInput(
          { ...valid, windows: [{ startsAt: '2026-02-03T15:00:00Z', endsAt: '2026-02-03T13:00:00Z' }] },
          'create',
          RANGE,
          NOW,
          TODAY,
        ),
      ),
    ).toMatchObject({ code: 'INVALID_WINDOW', field: 'input.windows[0].endsAt' });
  });

  it('parses only the keys given on update', () => {
    expect(parseRequestInput({ notes: '  bring CVs ' }, 'update', RANGE, NOW, TODAY)).toEqual({ fields: { notes: 'bring CVs' } });
    expect(problem(() => parseRequestInput({ deadline: '2026-01-09' }, 'update', RANGE, NOW, TODAY))).toMatchObject({
      code: 'INVALID_DATE',
      field: 'input.deadline',
    });
  });
});
