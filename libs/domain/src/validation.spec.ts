import { DomainError, type ErrorCode } from './errors';
import {
  collect,
  optional,
  parseCapacity,
  parseDateRange,
  parseEmail,
  parseEnum,
  parseInstant,
  parseIntegerInRange,
  parseIsoDate,
  parseLatitude,
  parseList,
  parseLongitude,
  parsePostcode,
  parseRequired,
  parseText,
  parseTimeOfDay,
  parseTimeRange,
  parseTimeWindow,
  parseUrn,
  parseWeekday,
  parseYearGroup,
  parseYearGroupLoose,
  showValue,
} from './validation';
import { FORMATS } from './vocabulary';

function caught(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

function expectProblem(fn: () => unknown, code: ErrorCode, field: string, ...inMessage: string[]): void {
  const e = caught(fn);
  expect(e.code).toBe(code);
  expect(e.field).toBe(field);
  expect(e.message.startsWith(field)).toBe(true);
  for (const s of inMessage) expect(e.message).toContain(s);
}

describe('parseUrn', () => {
  it('accepts six digits, keeping leading zeros', () => {
    expect(parseUrn('100001')).toBe('100001');
    expect(parseUrn('012345')).toBe('012345');
    expect(parseUrn(' 136789 ')).toBe('136789');
  });
  it.each<unknown>(['12345', '1234567', '12a456', 123456, null, undefined, ''])('rejects %p', (v) => {
    expectProblem(() => parseUrn(v), 'INVALID_URN', 'urn', 'must be 6 digits');
  });
  it('names the field and shows the value', () => {
    expect(caught(() => parseUrn('12345')).message).toBe('urn must be 6 digits (got "12345")');
    expectProblem(() => parseUrn('x', 'schoolUrn'), 'INVALID_URN', 'schoolUrn', '"x"');
  });
});

describe('parsePostcode', () => {
  it.each([
    ['m1 1ae', 'M1 1AE'],
    ['SW1A1AA', 'SW1A 1AA'],
    ['  ec1a   1bb ', 'EC1A 1BB'],
    ['W1A 0AX', 'W1A 0AX'],
    ['ol16 1aa', 'OL16 1AA'],
    ['BL1 1AA', 'BL1 1AA'],
    ['CR2 6XH', 'CR2 6XH'],
    ['DN55 1PT', 'DN55 1PT'],
    ['gir0aa', 'GIR 0AA'],
  ])('normalises %p to %p', (input, out) => {
    expect(parsePostcode(input)).toBe(out);
  });
  it.each<unknown>(['M1', 'QA1 1AA', 'M1 1AC', 'M1 1CA', 'M11 1AAA', '11 1AA', 'M1-1AE', '', 'GIR 1AA', 12345])('rejects %p', (v) => {
    expectProblem(() => parsePostcode(v), 'INVALID_POSTCODE', 'postcode');
  });
});

describe('parseEmail', () => {
  it('normalises to lower case and trims', () => {
    expect(parseEmail('  Jo.Bloggs+careers@Example.ORG ')).toBe('jo.bloggs+careers@example.org');
    expect(parseEmail("o'neill@school.sch.uk")).toBe("o'neill@school.sch.uk");
  });
  it.each<unknown>([
    '',
    'no-at-sign',
    '@example.org',
    'a@',
    'a@b',
    'a@b.c',
    'a..b@example.org',
    '.a@example.org',
    'a@-x.org',
    'a b@example.org',
    'a@exa_mple.org',
    42,
  ])('rejects %p', (v) => {
    expectProblem(() => parseEmail(v), 'INVALID_EMAIL', 'email');
  });
  it('refuses more than 254 characters', () => {
    const long = `${'a'.repeat(60)}@${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(60)}.${'e'.repeat(10)}.org`;
    expect(long.length).toBeGreaterThan(254);
    expectProblem(() => parseEmail(long, 'contactEmail'), 'INVALID_EMAIL', 'contactEmail', '254');
  });
});

describe('dates and times', () => {
  it('parseIsoDate accepts real dates only', () => {
    expect(parseIsoDate('2024-02-29')).toBe('2024-02-29');
    expectProblem(() => parseIsoDate('2025-02-30', 'deadline'), 'INVALID_DATE', 'deadline', '"2025-02-30"');
    expectProblem(() => parseIsoDate('03/02/2026', 'deadline'), 'INVALID_DATE', 'deadline');
    expectProblem(() => parseIsoDate(new Date('2026-11-17T10:00:00Z'), 'deadline'), 'INVALID_DATE', 'deadline');
  });

  it('parseDateRange allows a single day and refuses a backwards range', () => {
    expect(parseDateRange('2026-02-03', '2026-02-03')).toEqual({ from: '2026-02-03', to: '2026-02-03' });
    expectProblem(() => parseDateRange('2026-02-03', '2026-02-02'), 'INVALID_WINDOW', 'endsOn');
    expectProblem(() => parseDateRange('2026-02-30', '2026-03-02'), 'INVALID_DATE', 'startsOn');
  });

  it('parseInstant takes Dates and zoned ISO strings', () => {
    expect(parseInstant('2026-02-03T13:30:00Z').toISOString()).toBe('2026-02-03T13:30:00.000Z');
    expect(parseInstant('2026-06-03T13:30+01:00').toISOString()).toBe('2026-06-03T12:30:00.000Z');
    expect(parseInstant(new Date(0)).getTime()).toBe(0);
    expectProblem(() => parseInstant('2026-02-03T13:30:00', 'startsAt'), 'INVALID_DATE', 'startsAt'); // no zone
    expectProblem(() => parseInstant('2026-02-30T13:30:00Z', 'startsAt'), 'INVALID_DATE', 'startsAt');
    expectProblem(() => parseInstant(new Date('x'), 'startsAt'), 'INVALID_DATE', 'startsAt');
  });

  it('parseTimeWindow needs the end after the start', () => {
    const w = parseTimeWindow('2026-02-03T13:30:00Z', '2026-02-03T15:00:00Z');
    expect(w.end.getTime() - w.start.getTime()).toBe(90 * 60_000);
    expectProblem(() => parseTimeWindow('2026-02-03T13:30:00Z', '2026-02-03T13:30:00Z'), 'INVALID_WINDOW', 'endsAt');
    expectProblem(() => parseTimeWindow('2026-02-03T13:30:00Z', '2026-02-03T12:00:00Z'), 'INVALID_WINDOW', 'endsAt');
    expectProblem(() => parseTimeWindow('nope', '2026-02-03T12:00:00Z', { start: 'from', end: 'to' }), 'INVALID_DATE', 'from');
  });

  it('parseTimeOfDay and parseTimeRange', () => {
    expect(parseTimeOfDay('00:00')).toBe('00:00');
    expect(parseTimeOfDay('23:59')).toBe('23:59');
    for (const bad of ['24:00', '9:30', '09:60', '0930', '09:30:00', 930])
      expectProblem(() => parseTimeOfDay(bad, 'startTime'), 'INVALID_TIME', 'startTime');
    expect(parseTimeRange('09:00', '15:30')).toEqual({ start: '09:00', end: '15:30' });
    expectProblem(() => parseTimeRange('15:30', '09:00'), 'INVALID_WINDOW', 'endTime');
  });

  it('parseWeekday is 1–7', () => {
    expect(parseWeekday(1)).toBe(1);
    expect(parseWeekday(7)).toBe(7);
    for (const bad of [0, 8, 1.5, '1']) expectProblem(() => parseWeekday(bad), 'INVALID_NUMBER', 'weekday');
  });
});

describe('numbers', () => {
  it('parseYearGroup accepts 7–13 as numbers or digit strings, not "Y7"', () => {
    expect(parseYearGroup(7)).toBe(7);
    expect(parseYearGroup('13')).toBe(13);
    for (const bad of [6, 14, 7.5, 'Y7', 'Year 7', '', null]) expectProblem(() => parseYearGroup(bad), 'INVALID_YEAR_GROUP', 'yearGroup');
  });

  it('parseYearGroupLoose reads spreadsheet spellings', () => {
    for (const [v, n] of [
      [7, 7],
      ['7', 7],
      ['Y7', 7],
      ['y 10', 10],
      ['Year 11', 11],
      ['Yr 12', 12],
      ['NC Year 13', 13],
      [' year7 ', 7],
    ] as const) {
      expect(parseYearGroupLoose(v)).toBe(n);
    }
    for (const bad of ['Y6', 'Year 14', 'Reception', '', 'Y', null])
      expectProblem(() => parseYearGroupLoose(bad), 'INVALID_YEAR_GROUP', 'yearGroup');
  });

  it('parseCapacity names its field', () => {
    expect(parseCapacity(30, 'pupilsPerSession')).toBe(30);
    expect(parseCapacity('12', 'sessionsAvailable')).toBe(12);
    for (const bad of [0, -1, 2.5, 'ten', null])
      expectProblem(() => parseCapacity(bad, 'pupilsPerSession'), 'INVALID_CAPACITY', 'pupilsPerSession');
    expectProblem(() => parseCapacity(11, 'pupilCount', 10), 'INVALID_CAPACITY', 'pupilCount', 'from 1 to 10');
  });

  it('parseIntegerInRange', () => {
    expect(parseIntegerInRange('0', 'roniScore', 0, 100)).toBe(0);
    expectProblem(() => parseIntegerInRange(101, 'roniScore', 0, 100), 'INVALID_NUMBER', 'roniScore', 'from 0 to 100', '101');
  });

  it('latitude and longitude ranges', () => {
    expect(parseLatitude(53.48)).toBe(53.48);
    expect(parseLongitude(-2.24)).toBe(-2.24);
    expect(parseLatitude(-90)).toBe(-90);
    expect(parseLongitude(180)).toBe(180);
    for (const bad of [90.1, -91, Number.NaN, '53.4']) expectProblem(() => parseLatitude(bad), 'INVALID_COORDINATES', 'latitude');
    for (const bad of [180.5, -181, Number.POSITIVE_INFINITY]) expectProblem(() => parseLongitude(bad), 'INVALID_COORDINATES', 'longitude');
  });
});

describe('text, enums, lists, optional', () => {
  it('parseText refuses NUL and control characters naming the field; tab and line breaks only in multi-line text (issue 14, finding 6)', () => {
    expectProblem(
      () => parseText('Oak\u0000field', 'input.name'),
      'INVALID_TEXT',
      'input.name',
      'must not contain control characters (found U+0000 at character 4)',
    );
    expectProblem(
      () => parseText('Subject\r\nBcc: x@evil.example', 'input.title'),
      'INVALID_TEXT',
      'input.title',
      'must not contain line breaks or tabs',
    );
    expectProblem(() => parseText('a\tb', 'input.title'), 'INVALID_TEXT', 'input.title', 'line breaks or tabs');
    expectProblem(() => parseText('bell\u0007', 'input.notes', 100, 'multiline'), 'INVALID_TEXT', 'input.notes', 'U+0007');
    expectProblem(() => parseText('lone\rCR', 'input.notes', 100, 'multiline'), 'INVALID_TEXT', 'input.notes', 'U+000D');
    expectProblem(() => parseText('c1\u0085', 'input.notes', 100, 'multiline'), 'INVALID_TEXT', 'input.notes', 'U+0085');
    expect(parseText('line one\r\n\tline two', 'input.notes', 100, 'multiline')).toBe('line one\n\tline two');
  });

  it('parseText refuses bidirectional controls in names, not in free text', () => {
    expectProblem(
      () => parseText('Invoice\u202Egnp.exe', 'input.name', 200, 'name'),
      'INVALID_TEXT',
      'input.name',
      'right-to-left or left-to-right controls (found U+202E',
    );
    expectProblem(() => parseText('\u2066x\u2069', 'input.name', 200, 'name'), 'INVALID_TEXT', 'input.name', 'U+2066');
    expect(parseText('مدرسة الأمل', 'input.name', 200, 'name')).toBe('مدرسة الأمل');
    expect(parseText('quote \u202E', 'input.notes', 200, 'multiline')).toBe('quote \u202E');
  });

  it('parseText trims and limits length', () => {
    expect(parseText('  Oakfield Academy ', 'name')).toBe('Oakfield Academy');
    expectProblem(() => parseText('   ', 'name'), 'INVALID_TEXT', 'name', 'must not be empty');
    expectProblem(() => parseText('x'.repeat(201), 'name'), 'INVALID_TEXT', 'name', 'at most 200');
    expectProblem(() => parseText(5, 'name'), 'INVALID_TEXT', 'name');
    expect(parseText('x'.repeat(4000), 'notes', 4000)).toHaveLength(4000);
  });

  it('parseEnum lists the allowed values', () => {
    expect(parseEnum('virtual', FORMATS, 'format')).toBe('virtual');
    const e = caught(() => parseEnum('zoom', FORMATS, 'format'));
    expect(e.code).toBe('INVALID_ENUM_VALUE');
    expect(e.field).toBe('format');
    expect(e.message).toBe('format must be one of in_person_workplace, in_person_school, virtual (got "zoom")');
  });

  it('parseList validates each item with an indexed field and drops duplicates', () => {
    expect(parseList([7, '8', 7], 'yearGroups', parseYearGroup)).toEqual([7, 8]);
    expectProblem(() => parseList([7, 14], 'yearGroups', parseYearGroup), 'INVALID_YEAR_GROUP', 'yearGroups[1]');
    expectProblem(() => parseList([], 'yearGroups', parseYearGroup), 'REQUIRED', 'yearGroups');
  });

  it('optional turns blanks into null; parseRequired refuses them', () => {
    const maybePostcode = optional(parsePostcode);
    expect(maybePostcode('', 'postcode')).toBeNull();
    expect(maybePostcode(undefined, 'postcode')).toBeNull();
    expect(maybePostcode('m1 1ae', 'postcode')).toBe('M1 1AE');
    expectProblem(() => maybePostcode('nope', 'postcode'), 'INVALID_POSTCODE', 'postcode');
    expectProblem(() => parseRequired('  ', 'reference'), 'REQUIRED', 'reference');
    expect(parseRequired('A1', 'reference')).toBe('A1');
  });

  it('showValue keeps messages short and safe', () => {
    expect(showValue('x'.repeat(100))).toHaveLength(43);
    expect(showValue({ a: 1 })).toBe('a object');
    expect(showValue([1])).toBe('a list');
    expect(showValue(undefined)).toBe('nothing');
  });
});

describe('collect', () => {
  it('gathers every problem and throws VALIDATION_FAILED with details', () => {
    const c = collect();
    const urn = c.run(() => parseUrn('12'));
    const name = c.run(() => parseText('Oakfield', 'name'));
    c.run(() => parsePostcode('nope'));
    expect(urn).toBeUndefined();
    expect(name).toBe('Oakfield');
    expect(c.ok).toBe(false);
    expect(c.problems.map((p) => [p.field, p.code])).toEqual([
      ['urn', 'INVALID_URN'],
      ['postcode', 'INVALID_POSTCODE'],
    ]);
    const e = caught(() => c.throwIfAny());
    expect(e.code).toBe('VALIDATION_FAILED');
    expect(e.details).toHaveLength(2);
  });

  it('throws the single problem itself when there is one, and nothing when there are none', () => {
    const c = collect();
    c.add('endsAt', 'INVALID_WINDOW', 'endsAt must be after startsAt');
    const e = caught(() => c.throwIfAny());
    expect(e.code).toBe('INVALID_WINDOW');
    expect(e.field).toBe('endsAt');
    const ok = collect();
    ok.run(() => parseUrn('100000'));
    expect(() => ok.throwIfAny()).not.toThrow();
  });

  it('flattens a nested VALIDATION_FAILED and rethrows bugs', () => {
    const inner = collect();
    inner.run(() => parseUrn('1'));
    inner.run(() => parseEmail('x'));
    const outer = collect();
    outer.run(() => inner.throwIfAny());
    expect(outer.problems).toHaveLength(2);
    expect(() =>
      outer.run(() => {
        throw new TypeError('bug');
      }),
    ).toThrow(TypeError);
  });
});
