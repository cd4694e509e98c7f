import { describe, expect, it } from 'vitest';
import { cellText, combinedRatio, heatColour, heatRow, orderWorstFirst, yearGroupsOf, type Figure } from './heatmap';

const f = (benchmark: number, met: number, pupils: number): Figure => ({ benchmark, met, pupils, gap: pupils - met, percentage: pupils ? Math.round((met / pupils) * 1000) / 10 : null });

function school(id: string, byYear: Record<number, [number, number, number, number]>) {
  const years = Object.entries(byYear).map(([y, [m5, p5, m6, p6]]) => ({ yearGroup: Number(y), figures: [f(5, m5, p5), f(6, m6, p6)] }));
  const total = (b: 5 | 6) => years.reduce((acc, y) => ({ met: acc.met + (y.figures[b - 5]?.met ?? 0), pupils: acc.pupils + (y.figures[b - 5]?.pupils ?? 0) }), { met: 0, pupils: 0 });
  return heatRow(id, id, { byYearGroup: years, figures: [f(5, total(5).met, total(5).pupils), f(6, total(6).met, total(6).pupils)] });
}

describe('orderWorstFirst', () => {
  const a = school('Ash', { 7: [10, 100, 0, 100], 8: [50, 100, 0, 100] }); // BM5 30%
  const b = school('Birch', { 7: [5, 100, 0, 100] }); // BM5 5%
  const c = school('Cedar', { 7: [60, 100, 30, 100] }); // BM5 60%, BM6 30%
  const empty = school('Alder', {});
  it('puts the lowest coverage first over the benchmarks shown, schools with nobody counted last', () => {
    expect(orderWorstFirst([a, b, c, empty], [5]).map((r) => r.id)).toEqual(['Birch', 'Ash', 'Cedar', 'Alder']);
    expect(orderWorstFirst([c, a, b], [6]).map((r) => r.id)).toEqual(['Ash', 'Birch', 'Cedar']);
    expect(combinedRatio(c, [5, 6])).toBeCloseTo(0.45);
  });
  it('breaks ties by the number of pupils still waiting, then by name', () => {
    const big = school('Big', { 7: [10, 200, 0, 0] });
    const small = school('Small', { 7: [5, 100, 0, 0] });
    const twin = school('Alpha', { 7: [5, 100, 0, 0] });
    expect(orderWorstFirst([small, big, twin], [5]).map((r) => r.id)).toEqual(['Big', 'Alpha', 'Small']);
  });
  it('lists the year groups present in any school', () => {
    expect(yearGroupsOf([a, b, c])).toEqual([7, 8]);
  });
});

describe('colours and text', () => {
  it('goes from red to green, grey when nobody is counted', () => {
    expect(heatColour(0).background).toBe('#b91c1c');
    expect(heatColour(24.9).background).toBe('#b91c1c');
    expect(heatColour(25).background).toBe('#f97316');
    expect(heatColour(60).background).toBe('#fde047');
    expect(heatColour(99.9).background).toBe('#86efac');
    expect(heatColour(100).background).toBe('#15803d');
    expect(heatColour(null).background).toBe('#f3f4f6');
  });
  it('prints whole percentages, never 100% while someone is waiting', () => {
    expect(cellText(f(5, 46, 100))).toBe('46%');
    expect(cellText({ benchmark: 5, met: 999, pupils: 1000, gap: 1, percentage: 99.9 })).toBe('99%');
    expect(cellText(f(5, 10, 10))).toBe('100%');
    expect(cellText(f(5, 0, 0))).toBe('—');
    expect(cellText(undefined)).toBe('—');
  });
});
