import fc from 'fast-check';
import { addDays } from './calendar-date';
import {
  academicYearEnd,
  academicYearLabel,
  academicYearOf,
  academicYearStart,
  dateOfBirthRangeForYearGroup,
  yearGroupFromDateOfBirth,
} from './academic-year';
import { DomainError } from './errors';

describe('academicYearOf', () => {
  it('puts 31 August in the year that began the previous September', () => {
    expect(academicYearOf(new Date(Date.UTC(2026, 7, 31)))).toBe(2025);
    expect(academicYearOf('2026-08-31')).toBe(2025);
  });
  it('starts a new academic year on 1 September', () => {
    expect(academicYearOf(new Date(Date.UTC(2026, 8, 1)))).toBe(2026);
    expect(academicYearOf('2026-09-01')).toBe(2026);
  });
  it('reads a Date in UTC, so a late-evening instant is not moved to the next day', () => {
    expect(academicYearOf(new Date('2026-08-31T23:59:59Z'))).toBe(2025);
  });
  it('rejects a date that does not exist', () => {
    expect(() => academicYearOf('2025-02-30')).toThrow(DomainError);
  });
});

describe('academic year bounds and label', () => {
  it('runs 1 Sep to 31 Aug', () => {
    expect(academicYearStart(2025)).toBe('2025-09-01');
    expect(academicYearEnd(2025)).toBe('2026-08-31');
    expect(academicYearLabel(2025)).toBe('2025/26');
    expect(academicYearLabel(1999)).toBe('1999/00');
  });
  it('rejects a non-year', () => {
    expect(() => academicYearStart(2025.5)).toThrow(DomainError);
  });
});

describe('yearGroupFromDateOfBirth', () => {
  it('puts a child born 1 Sep 2013 – 31 Aug 2014 in Year 7 in 2025/26', () => {
    expect(yearGroupFromDateOfBirth('2013-09-01', '2025-09-01')).toBe(7);
    expect(yearGroupFromDateOfBirth('2014-08-31', '2025-09-01')).toBe(7);
    expect(yearGroupFromDateOfBirth('2014-08-31', '2026-08-31')).toBe(7);
  });
  it('splits the cohort between 31 Aug and 1 Sep births', () => {
    expect(yearGroupFromDateOfBirth('2013-08-31', '2025-10-01')).toBe(8);
    expect(yearGroupFromDateOfBirth('2013-09-01', '2025-10-01')).toBe(7);
  });
  it('moves everyone up on 1 September, not on 31 August', () => {
    expect(yearGroupFromDateOfBirth('2013-09-01', '2026-08-31')).toBe(7);
    expect(yearGroupFromDateOfBirth('2013-09-01', '2026-09-01')).toBe(8);
  });
  it('handles a leap-day birthday', () => {
    // Born 29 Feb 2012: cohort 2011/12, so Year 7 in 2023/24 and Year 8 in 2024/25.
    expect(yearGroupFromDateOfBirth('2012-02-29', '2024-02-29')).toBe(7);
    expect(yearGroupFromDateOfBirth('2012-02-29', '2025-02-28')).toBe(8);
  });
  it('returns out-of-range year groups for the caller to judge', () => {
    expect(yearGroupFromDateOfBirth('2015-01-01', '2025-09-01')).toBe(6);
    expect(yearGroupFromDateOfBirth('2007-01-01', '2025-09-01')).toBe(14);
  });
  it('accepts UTC Dates', () => {
    expect(yearGroupFromDateOfBirth(new Date(Date.UTC(2013, 8, 1)), new Date(Date.UTC(2025, 8, 1)))).toBe(7);
  });
});

describe('dateOfBirthRangeForYearGroup', () => {
  it('gives the cohort for a year group', () => {
    expect(dateOfBirthRangeForYearGroup(7, 2025)).toEqual({ from: '2013-09-01', to: '2014-08-31' });
    expect(dateOfBirthRangeForYearGroup(13, 2025)).toEqual({ from: '2007-09-01', to: '2008-08-31' });
  });
  it('rejects a year group that is not a school year', () => {
    expect(() => dateOfBirthRangeForYearGroup(7.5, 2025)).toThrow(DomainError);
    expect(() => dateOfBirthRangeForYearGroup(15, 2025)).toThrow(DomainError);
  });

  it('round-trips with yearGroupFromDateOfBirth at both ends and just outside (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 14 }),
        fc.integer({ min: 1990, max: 2090 }),
        fc.integer({ min: 0, max: 364 }),
        (yg, ay, offset) => {
          const { from, to } = dateOfBirthRangeForYearGroup(yg, ay);
          const onDate = addDays(academicYearStart(ay), offset);
          expect(academicYearOf(onDate)).toBe(ay);
          expect(yearGroupFromDateOfBirth(from, onDate)).toBe(yg);
          expect(yearGroupFromDateOfBirth(to, onDate)).toBe(yg);
          expect(yearGroupFromDateOfBirth(addDays(from, -1), onDate)).toBe(yg + 1);
          expect(yearGroupFromDateOfBirth(addDays(to, 1), onDate)).toBe(yg - 1);
        },
      ),
    );
  });
});
