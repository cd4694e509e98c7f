import fc from 'fast-check';
import { compareGapOrder, isAtRisk, priorityGroupsOf, priorityRank, AT_RISK_RONI_SCORE } from './gaps';
import { coveragePercentage, reportingDatesDue, reportingDatesOf } from './reporting';

describe('gap-list priority', () => {
  const flags = (d: boolean, s: boolean, c: boolean, roni: number | null) => ({
    disadvantaged: d,
    send: s,
    careExperienced: c,
    roniScore: roni,
  });

  it('ranks disadvantaged, then SEND, then care-experienced, then at risk', () => {
    expect(priorityRank(flags(true, false, false, null))).toBe(8);
    expect(priorityRank(flags(false, true, false, null))).toBe(4);
    expect(priorityRank(flags(false, false, true, null))).toBe(2);
    expect(priorityRank(flags(false, false, false, AT_RISK_RONI_SCORE))).toBe(1);
    expect(priorityRank(flags(false, false, false, AT_RISK_RONI_SCORE - 1))).toBe(0);
    expect(priorityRank(flags(true, true, true, 100))).toBe(15);
    expect(priorityGroupsOf(13)).toEqual(['disadvantaged', 'send', 'at_risk']);
    expect(isAtRisk(null)).toBe(false);
  });

  it('orders priority first, then older pupils, then reference and id', () => {
    const keys = [
      { priorityRank: 0, yearGroup: 11, reference: 'A', pupilId: '1' },
      { priorityRank: 8, yearGroup: 7, reference: 'Z', pupilId: '2' },
      { priorityRank: 8, yearGroup: 9, reference: 'B', pupilId: '3' },
      { priorityRank: 8, yearGroup: 9, reference: 'A', pupilId: '4' },
      { priorityRank: 1, yearGroup: 13, reference: 'A', pupilId: '5' },
    ];
    expect([...keys].sort(compareGapOrder).map((k) => k.pupilId)).toEqual(['4', '3', '2', '5', '1']);
  });

  it('is a total order (property)', () => {
    const key = fc.record({
      priorityRank: fc.integer({ min: 0, max: 15 }),
      yearGroup: fc.integer({ min: 7, max: 13 }),
      reference: fc.string({ maxLength: 3 }),
      pupilId: fc.uuid(),
    });
    fc.assert(
      fc.property(key, key, (a, b) => {
        expect(Math.sign(compareGapOrder(a, b))).toBe(-Math.sign(compareGapOrder(b, a)) || 0);
        if (compareGapOrder(a, b) === 0) expect(a.pupilId).toBe(b.pupilId);
      }),
    );
  });
});

describe('reporting', () => {
  it('reports on 31 Dec, 31 Mar and 31 Jul', () => {
    expect(reportingDatesOf(2025)).toEqual(['2025-12-31', '2026-03-31', '2026-07-31']);
    // A reporting day is due once it has ended, not while it is still going on.
    expect(reportingDatesDue('2025-12-31')).toEqual([]);
    expect(reportingDatesDue('2026-01-01')).toEqual(['2025-12-31']);
    expect(reportingDatesDue('2026-03-31')).toEqual(['2025-12-31']);
    expect(reportingDatesDue('2026-04-01')).toEqual(['2025-12-31', '2026-03-31']);
    expect(reportingDatesDue('2026-07-31')).toEqual(['2025-12-31', '2026-03-31']);
    expect(reportingDatesDue('2026-08-01')).toEqual(['2025-12-31', '2026-03-31', '2026-07-31']);
    expect(reportingDatesDue('2026-08-31')).toEqual(['2025-12-31', '2026-03-31', '2026-07-31']);
    // 1 September starts a new academic year with nothing due yet.
    expect(reportingDatesDue('2026-09-01')).toEqual([]);
  });
  it('gives a percentage with one decimal, null for nobody', () => {
    expect(coveragePercentage(1, 3)).toBe(33.3);
    expect(coveragePercentage(0, 0)).toBeNull();
    expect(coveragePercentage(5, 5)).toBe(100);
  });
});
