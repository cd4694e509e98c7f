import { entryYearFromDateOfBirth, entryYearFromYearGroup, yearGroupIn, academicYearsOnRoll, isOnRollOn } from '../academic-year';
import { GATSBY_2014, GATSBY_2024 } from './built-in-policies';
import { BM5_MEANINGFUL_CRITERIA, BM6_MEANINGFUL_CRITERIA } from './checklist';
import { evaluatePupil } from './evaluate';
import { countCoverage, ledgerRows, rowAsOf, type AttendedEncounter, type OnRollStint, type PupilHistory } from './ledger';

/**
 * The benchmark ledger on the edges the issue names: birthdays and encounters either side of
 * 1 September, joiners and leavers, a pupil who moved school, non-meaningful and headcount-only
 * encounters, Year 13 leavers.
 */

const SCHOOL = 's-north';
const stint = (from: string, to: string | null = null, over: Partial<OnRollStint> = {}): OnRollStint => ({
  schoolId: SCHOOL,
  from,
  to,
  lowestYearGroup: 7,
  highestYearGroup: 13,
  ...over,
});
let n = 0;
const talk = (date: string, over: Partial<AttendedEncounter> = {}): AttendedEncounter => ({
  id: `e${++n}`,
  schoolId: SCHOOL,
  date,
  activityType: 'careers_talk',
  format: 'in_person_school',
  checklist: BM5_MEANINGFUL_CRITERIA,
  status: 'delivered',
  headcountOnly: false,
  ...over,
});
const visit = (date: string, over: Partial<AttendedEncounter> = {}): AttendedEncounter =>
  talk(date, { activityType: 'workplace_visit', format: 'in_person_workplace', checklist: BM6_MEANINGFUL_CRITERIA, ...over });
const pupil = (
  entryYear: number,
  stints: OnRollStint[],
  encounters: AttendedEncounter[],
  over: Partial<PupilHistory> = {},
): PupilHistory => ({
  pupilId: 'p1',
  reference: 'UPN1',
  entryYear,
  priorityRank: 0,
  stints,
  encounters,
  ...over,
});
const row = (h: PupilHistory, ay: number, benchmark: 5 | 6, policy = GATSBY_2014) =>
  ledgerRows(h, policy).find((r) => r.academicYear === ay && r.benchmark === benchmark);

describe('cohorts: born 31 Aug vs 1 Sep', () => {
  it('puts a 31 August birthday in the older cohort and 1 September in the younger', () => {
    expect(entryYearFromDateOfBirth('2014-08-31')).toBe(2025);
    expect(entryYearFromDateOfBirth('2014-09-01')).toBe(2026);
    expect(yearGroupIn(entryYearFromDateOfBirth('2014-08-31'), 2025)).toBe(7);
    expect(yearGroupIn(entryYearFromDateOfBirth('2014-09-01'), 2025)).toBe(6);
  });
  it('reads a year group as of its academic year', () => {
    expect(entryYearFromYearGroup(9, 2026)).toBe(2024);
    expect(yearGroupIn(2024, 2028)).toBe(11);
  });
  it('gives the 31 Aug child a BM5 row in 2025/26 and the 1 Sep child none (Year 6)', () => {
    const older = pupil(entryYearFromDateOfBirth('2014-08-31'), [stint('2025-09-01', '2026-08-31')], []);
    const younger = pupil(entryYearFromDateOfBirth('2014-09-01'), [stint('2025-09-01', '2026-08-31')], []);
    expect(row(older, 2025, 5)?.yearGroup).toBe(7);
    expect(ledgerRows(younger, GATSBY_2014)).toEqual([]);
  });
});

describe('encounters on 31 Aug vs 1 Sep', () => {
  const h = pupil(2024, [stint('2024-09-01')], [talk('2025-08-31')]);
  it('counts a 31 August encounter in the year that is ending', () => {
    expect(row(h, 2024, 5)).toMatchObject({ yearGroup: 7, met: true, metOn: '2025-08-31', encounterDates: ['2025-08-31'] });
    expect(row(h, 2025, 5)).toMatchObject({ yearGroup: 8, met: false, encounterDates: [] });
  });
  it('counts a 1 September encounter in the new year', () => {
    const next = pupil(2024, [stint('2024-09-01')], [talk('2025-09-01')]);
    expect(row(next, 2024, 5)?.met).toBe(false);
    expect(row(next, 2025, 5)).toMatchObject({ yearGroup: 8, met: true, metOn: '2025-09-01' });
  });
});

describe('joiners and leavers count only while on roll', () => {
  it('ignores an encounter before a pupil joined and after they left', () => {
    const h = pupil(2024, [stint('2025-01-06', '2025-06-30')], [talk('2024-10-01'), talk('2025-07-10')]);
    expect(row(h, 2024, 5)).toMatchObject({ met: false, encounterDates: [], onRollFrom: '2025-01-06', onRollTo: '2025-06-30' });
    expect(ledgerRows(h, GATSBY_2014).every((r) => r.academicYear === 2024)).toBe(true);
    const verdicts = evaluatePupil(h, GATSBY_2014, 2024, '2025-08-31').encounters.filter((v) => v.benchmark === 5);
    expect(verdicts.map((v) => v.reasons)).toEqual([
      ["not on the school's roll on 2024-10-01"],
      ["not on the school's roll on 2025-07-10"],
    ]);
  });
  it('counts a mid-year joiner from the day they join, and not before as of an earlier day', () => {
    const h = pupil(2024, [stint('2025-01-06')], [talk('2025-02-01')]);
    const r = row(h, 2024, 5);
    if (!r) throw new Error('no row');
    expect(rowAsOf(r, '2024-12-31')).toEqual({ counted: false, met: false, encounters: 0 });
    expect(rowAsOf(r, '2025-01-31')).toEqual({ counted: true, met: false, encounters: 0 });
    expect(rowAsOf(r, '2025-03-31')).toEqual({ counted: true, met: true, encounters: 1 });
  });
  it('tells the academic years an interval touches', () => {
    expect(academicYearsOnRoll({ from: '2024-09-01', to: '2025-09-01' }, 2030)).toEqual([2024, 2025]);
    expect(academicYearsOnRoll({ from: '2024-09-01', to: null }, 2026)).toEqual([2024, 2025, 2026]);
    expect(isOnRollOn({ from: '2024-09-01', to: '2025-06-30' }, '2025-06-30')).toBe(true);
    expect(isOnRollOn({ from: '2024-09-01', to: '2025-06-30' }, '2025-07-01')).toBe(false);
  });
});

describe('a pupil who moved school', () => {
  const moved = pupil(
    2022,
    [stint('2022-09-01', '2024-12-20'), stint('2025-01-06', null, { schoolId: 's-south', highestYearGroup: 11 })],
    [visit('2023-06-01'), talk('2024-10-01'), talk('2025-03-01', { schoolId: 's-south' }), talk('2025-03-02')],
  );
  it('counts each school for its own time, and earlier workplace experiences toward BM6 windows', () => {
    const rows = ledgerRows(moved, GATSBY_2014).filter((r) => r.academicYear === 2024);
    expect(rows.map((r) => [r.schoolId, r.benchmark, r.met])).toEqual([
      ['s-north', 5, true],
      ['s-south', 5, true],
      ['s-north', 6, true],
      ['s-south', 6, true],
    ]);
    // The BM6 experience in Year 8 at the first school still counts for Years 7–11 at the second.
    expect(rows.find((r) => r.schoolId === 's-south' && r.benchmark === 6)?.metOn).toBe('2023-06-01');
  });
  it('does not count an encounter of the old school after the move', () => {
    const v = evaluatePupil(moved, GATSBY_2014, 2024, '2025-08-31').encounters.find((e) => e.date === '2025-03-02' && e.benchmark === 5);
    expect(v?.reasons).toEqual(["not on the school's roll on 2025-03-02"]);
  });
  it('stops at the year groups the new school teaches (11–16: no Year 12 row)', () => {
    expect(ledgerRows(moved, GATSBY_2014).some((r) => r.schoolId === 's-south' && r.yearGroup === 12)).toBe(false);
    expect(Math.max(...ledgerRows(moved, GATSBY_2014).map((r) => r.academicYear))).toBe(2026);
  });
});

describe('non-meaningful, planned and headcount-only encounters do not count', () => {
  const h = pupil(
    2025,
    [stint('2025-09-01')],
    [
      talk('2025-10-01', { checklist: ['purpose_shared', 'two_way_interaction'] }),
      talk('2025-11-01', { status: 'planned' }),
      talk('2025-11-02', { headcountOnly: true }),
    ],
  );
  it('leaves the year unmet and says why for each', () => {
    expect(row(h, 2025, 5)?.met).toBe(false);
    const e = evaluatePupil(h, GATSBY_2014, 2025, '2025-12-01');
    expect(e.encounters.filter((v) => v.benchmark === 5).map((v) => v.reasons)).toEqual([
      ['not meaningful for Benchmark 5: missing learning outcomes, time to reflect afterwards'],
      ['planned, not delivered'],
      ['recorded as a headcount only, not pupil by pupil'],
    ]);
    expect(e.statuses[0]).toMatchObject({ state: 'not_yet', counted: 0, minimum: 1 });
  });
});

describe('Year 13 leavers', () => {
  const leaver = pupil(2019, [stint('2019-09-01', '2026-06-26')], [visit('2023-03-01'), visit('2026-05-01'), talk('2026-07-10')]);
  it('count in their final year up to the day they leave, and never after', () => {
    expect(row(leaver, 2025, 6)).toMatchObject({ yearGroup: 13, windowIndex: 1, met: true, metOn: '2026-05-01' });
    expect(row(leaver, 2025, 5)).toMatchObject({ yearGroup: 13, met: false });
    expect(ledgerRows(leaver, GATSBY_2014).some((r) => r.academicYear >= 2026)).toBe(false);
  });
  it('show as missed BM5 once they have left, and met BM6', () => {
    const e = evaluatePupil(leaver, GATSBY_2014, 2025, '2026-07-31');
    expect(e.statuses.map((s) => [s.benchmark, s.state])).toEqual([
      [5, 'missed'],
      [6, 'met'],
    ]);
    expect(e.statuses[0].reasons[0]).toMatch(/left on 2026-06-26/);
  });
  it('have no benchmark after Year 13', () => {
    const after = pupil(2019, [stint('2019-09-01')], []);
    expect(
      ledgerRows(after, GATSBY_2014)
        .map((r) => r.yearGroup)
        .every((y) => y <= 13),
    ).toBe(true);
    expect(evaluatePupil(after, GATSBY_2014, 2026, '2026-10-01').statuses[0]).toMatchObject({ state: 'not_applicable', yearGroup: 14 });
  });
});

describe('BM6 windows', () => {
  it('2014: a Year 8 experience meets "by the end of Year 11" from that day on, not before', () => {
    const h = pupil(2024, [stint('2024-09-01')], [visit('2026-02-01')]);
    expect([2024, 2025, 2026, 2027, 2028].map((ay) => row(h, ay, 6)?.met)).toEqual([false, true, true, true, true]);
    expect(row(h, 2029, 6)).toMatchObject({ windowIndex: 1, met: false });
  });
  it('2024: the same experience meets Years 7–9 only; Years 10–11 need another', () => {
    const h = pupil(2024, [stint('2024-09-01')], [visit('2026-02-01')]);
    expect([2024, 2025, 2026, 2027, 2028].map((ay) => row(h, ay, 6, GATSBY_2024)?.met)).toEqual([false, true, true, false, false]);
  });
  it('2024 counts a virtual workplace tour; 2014 does not', () => {
    const h = pupil(2024, [stint('2024-09-01')], [visit('2025-02-01', { activityType: 'virtual_workplace_tour', format: 'virtual' })]);
    expect(row(h, 2024, 6, GATSBY_2024)?.met).toBe(true);
    expect(row(h, 2024, 6, GATSBY_2014)?.met).toBe(false);
  });
  it('is missed once the window has closed unmet', () => {
    const h = pupil(2024, [stint('2024-09-01')], []);
    const s = evaluatePupil(h, GATSBY_2024, 2027, '2027-10-01').statuses[1];
    expect(s).toMatchObject({ state: 'not_yet', yearGroup: 10, windowEndsOn: '2029-08-31' });
    expect(evaluatePupil(h, GATSBY_2024, 2026, '2027-10-01').statuses[1]).toMatchObject({ state: 'missed', yearGroup: 9 });
  });
  it('does not count an encounter after the as-of day', () => {
    const h = pupil(2024, [stint('2024-09-01')], [talk('2025-06-01')]);
    const before = evaluatePupil(h, GATSBY_2014, 2024, '2025-05-31');
    expect(before.statuses[0].state).toBe('not_yet');
    expect(before.encounters[0].reasons).toEqual(['after 2025-05-31']);
    expect(evaluatePupil(h, GATSBY_2014, 2024, '2025-06-01').statuses[0]).toMatchObject({ state: 'met', metOn: '2025-06-01' });
  });
});

describe('countCoverage', () => {
  it('counts pupils, met, priority and disadvantaged per school, year, year group and benchmark', () => {
    const a = pupil(2024, [stint('2024-09-01')], [talk('2024-10-01')], { pupilId: 'a', priorityRank: 9 });
    const b = pupil(2024, [stint('2024-09-01')], [], { pupilId: 'b', priorityRank: 1 });
    const c = pupil(2024, [stint('2025-02-01')], [], { pupilId: 'c' });
    const rows = [a, b, c].flatMap((h) => ledgerRows(h, GATSBY_2014)).filter((r) => r.academicYear === 2024 && r.benchmark === 5);
    expect(countCoverage(rows)).toEqual([
      {
        schoolId: SCHOOL,
        academicYear: 2024,
        yearGroup: 7,
        benchmark: 5,
        pupils: 3,
        met: 1,
        priorityPupils: 2,
        priorityMet: 1,
        disadvantagedPupils: 1,
        disadvantagedMet: 1,
      },
    ]);
    expect(countCoverage(rows, '2024-12-31')[0]).toMatchObject({ pupils: 2, met: 1 });
    expect(countCoverage(rows, '2024-09-30')[0]).toMatchObject({ pupils: 2, met: 0 });
  });
});
