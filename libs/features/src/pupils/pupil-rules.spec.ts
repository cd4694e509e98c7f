import { erasureOf, forViewer, hasLeft, parseLeavingDate, parsePupilInput, type PupilRuleContext } from './pupil-rules';

const problem = (fn: () => unknown): { code: string; field?: string; message: string } => {
  try {
    fn();
  } catch (e) {
    return e as { code: string; field?: string; message: string };
  }
  throw new Error('expected a DomainError');
};

// 2026/27: Year 7 was born 1 Sep 2014 – 31 Aug 2015.
const CTX: PupilRuleContext = { lowestYearGroup: 7, highestYearGroup: 11, today: '2026-11-25' };

describe('pupil input', () => {
  it('derives the year group from the date of birth on the English calendar', () => {
    expect(parsePupilInput({ reference: 'A1', dateOfBirth: '2014-09-01' }, 'create', CTX)).toMatchObject({
      yearGroup: 7,
      dateOfBirth: '2014-09-01',
    });
    expect(parsePupilInput({ reference: 'A1', dateOfBirth: '2015-08-31' }, 'create', CTX)).toMatchObject({ yearGroup: 7 });
    expect(parsePupilInput({ reference: 'A1', dateOfBirth: '2014-08-31' }, 'create', CTX)).toMatchObject({ yearGroup: 8 });
    expect(parsePupilInput({ reference: 'A1', dateOfBirth: '2014-09-01', yearGroup: 7 }, 'create', CTX)).toMatchObject({ yearGroup: 7 });
  });

  it('fills defaults on create: flags off, on roll from today', () => {
    expect(parsePupilInput({ reference: ' A1 ', yearGroup: 9 }, 'create', CTX)).toEqual({
      reference: 'A1',
      displayName: null,
      dateOfBirth: null,
      yearGroup: 9,
      disadvantaged: false,
      send: false,
      careExperienced: false,
      roniScore: null,
      onRollFrom: '2026-11-25',
    });
  });

  it.each([
    ['no date of birth or year group', { reference: 'A1' }, 'REQUIRED', 'input.yearGroup'],
    ['a blank reference', { reference: ' ', yearGroup: 7 }, 'INVALID_TEXT', 'input.reference'],
    ['a 51-character reference', { reference: 'x'.repeat(51), yearGroup: 7 }, 'INVALID_TEXT', 'input.reference'],
    ['an impossible date of birth', { reference: 'A1', dateOfBirth: '2014-02-30' }, 'INVALID_DATE', 'input.dateOfBirth'],
    ['a UK-style date of birth', { reference: 'A1', dateOfBirth: '01/09/2014' }, 'INVALID_DATE', 'input.dateOfBirth'],
    ['a date of birth in the future', { reference: 'A1', dateOfBirth: '2027-01-01' }, 'INVALID_DATE', 'input.dateOfBirth'],
    ['a date of birth in Year 5', { reference: 'A1', dateOfBirth: '2016-10-01' }, 'INVALID_YEAR_GROUP', 'input.dateOfBirth'],
    [
      'a year group that disagrees with the date of birth',
      { reference: 'A1', dateOfBirth: '2014-09-01', yearGroup: 9 },
      'INVALID_YEAR_GROUP',
      'input.yearGroup',
    ],
    ['year group 12 in a 7–11 school', { reference: 'A1', yearGroup: 12 }, 'INVALID_YEAR_GROUP', 'input.yearGroup'],
    ['year group 6', { reference: 'A1', yearGroup: 6 }, 'INVALID_YEAR_GROUP', 'input.yearGroup'],
    ['a RONI score of 101', { reference: 'A1', yearGroup: 7, roniScore: 101 }, 'INVALID_NUMBER', 'input.roniScore'],
    ['a flag that is not a boolean', { reference: 'A1', yearGroup: 7, send: 'yes' }, 'INVALID_ENUM_VALUE', 'input.send'],
    ['an impossible on-roll date', { reference: 'A1', yearGroup: 7, onRollFrom: '2026-13-01' }, 'INVALID_DATE', 'input.onRollFrom'],
  ])('refuses %s', (_label, input, code, field) => {
    expect(problem(() => parsePupilInput(input, 'create', CTX))).toMatchObject({ code, field });
  });

  it('names the academic year when a year group disagrees with the date of birth', () => {
    expect(problem(() => parsePupilInput({ reference: 'A1', dateOfBirth: '2014-09-01', yearGroup: 9 }, 'create', CTX)).message).toBe(
      'input.yearGroup 9 does not match input.dateOfBirth 2014-09-01, which is Year 7 in 2026/27',
    );
  });

  it('on update, checks a new year group against the date of birth kept on record', () => {
    const current = { dateOfBirth: '2014-09-01', yearGroup: 7, onRollFrom: '2026-09-01', onRollTo: null };
    expect(problem(() => parsePupilInput({ yearGroup: 8 }, 'update', CTX, current))).toMatchObject({
      code: 'INVALID_YEAR_GROUP',
      field: 'input.yearGroup',
    });
    expect(parsePupilInput({ yearGroup: 8, dateOfBirth: null }, 'update', CTX, current)).toEqual({ yearGroup: 8, dateOfBirth: null });
    expect(parsePupilInput({ dateOfBirth: '2013-09-01' }, 'update', CTX, current)).toEqual({ dateOfBirth: '2013-09-01', yearGroup: 8 });
    expect(parsePupilInput({ send: true }, 'update', CTX, current)).toEqual({ send: true });
  });

  it('keeps the dates on roll in order', () => {
    const left = { dateOfBirth: null, yearGroup: 9, onRollFrom: '2024-09-01', onRollTo: '2026-07-20' };
    expect(problem(() => parsePupilInput({ onRollFrom: '2026-09-01' }, 'update', CTX, left))).toMatchObject({
      code: 'INVALID_WINDOW',
      field: 'input.onRollFrom',
    });
    expect(problem(() => parsePupilInput({ onRollFrom: null }, 'update', CTX, left))).toMatchObject({
      code: 'REQUIRED',
      field: 'input.onRollFrom',
    });
    expect(parseLeavingDate('2026-07-20', '2024-09-01')).toBe('2026-07-20');
    expect(problem(() => parseLeavingDate('2024-08-31', '2024-09-01'))).toMatchObject({ code: 'INVALID_WINDOW', field: 'onDate' });
    expect(problem(() => parseLeavingDate('20/07/2026', '2024-09-01'))).toMatchObject({ code: 'INVALID_DATE', field: 'onDate' });
  });
});

describe('pupil status', () => {
  it('counts the leaving day as on roll', () => {
    expect(hasLeft(null, '2026-11-25')).toBe(false);
    expect(hasLeft('2026-11-25', '2026-11-25')).toBe(false);
    expect(hasLeft('2026-11-24', '2026-11-25')).toBe(true);
  });
});

describe('erasure', () => {
  it('leaves an opaque reference, no personal fields, and whole academic years on roll', () => {
    const now = new Date('2026-11-25T10:00:00Z');
    expect(erasureOf({ onRollFrom: '2022-10-03', onRollTo: '2026-03-14' }, 'abcdef0123456789abcdef0123456789', now)).toEqual({
      reference: 'erased-abcdef0123456789abcdef0123456789',
      displayName: null,
      dateOfBirth: null,
      disadvantaged: false,
      send: false,
      careExperienced: false,
      roniScore: null,
      onRollFrom: '2022-09-01',
      onRollTo: '2026-08-31',
      erasedAt: now,
    });
    expect(erasureOf({ onRollFrom: '2026-09-01', onRollTo: null }, 'abcdef0123456789', now).onRollTo).toBeNull();
  });

  it('refuses a token that could carry anything but randomness', () => {
    expect(() => erasureOf({ onRollFrom: '2026-09-01', onRollTo: null }, 'A123456789', new Date('2026-11-17T10:00:00Z'))).toThrow(/token/);
  });
});

describe('what each viewer sees', () => {
  it('hides name and date of birth from those who may not manage the pupils', () => {
    const pupil = { reference: 'A1', displayName: 'Jo', dateOfBirth: '2014-09-01', yearGroup: 7 };
    expect(forViewer(pupil, true)).toBe(pupil);
    expect(forViewer(pupil, false)).toEqual({ reference: 'A1', displayName: null, dateOfBirth: null, yearGroup: 7 });
  });
});
