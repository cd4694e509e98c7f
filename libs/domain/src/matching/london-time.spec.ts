import { greatCircleKm } from './geo';
import { londonDate, londonMonth, monthLabel } from './london-time';

describe('London wall clock', () => {
  it('reads instants in GMT in winter and BST in summer', () => {
    expect(londonDate(Date.parse('2026-01-31T23:30:00Z'))).toBe('2026-01-31');
    expect(londonDate(Date.parse('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    expect(londonMonth(Date.parse('2026-03-31T23:30:00Z'))).toBe('2026-04'); // BST from 29 March 2026
    expect(londonMonth(Date.parse('2026-10-31T23:30:00Z'))).toBe('2026-10'); // GMT again from 25 October
    expect(monthLabel('2026-02')).toBe('February 2026');
  });
});

describe('greatCircleKm', () => {
  it('measures Manchester to London at about 262 km and a point to itself at 0', () => {
    expect(greatCircleKm(53.4808, -2.2426, 51.5074, -0.1278)).toBeCloseTo(262, 0);
    expect(greatCircleKm(53.4808, -2.2426, 53.4808, -2.2426)).toBe(0);
  });
});
