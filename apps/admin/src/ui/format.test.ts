import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  formatDate,
  formatPercent,
  formatSlot,
  label,
  londonDay,
  londonToIso,
  plural,
  yearGroupsText,
  ACTIVITY_TYPES,
} from './format';

describe('London dates and times', () => {
  it('turns a London wall-clock time into the right instant in winter and in summer', () => {
    expect(londonToIso('2026-02-03', '13:30')).toBe('2026-02-03T13:30:00.000Z');
    expect(londonToIso('2026-06-10', '13:30')).toBe('2026-06-10T12:30:00.000Z');
    // The day the clocks go forward (29 March 2026) and back (25 October 2026).
    expect(londonToIso('2026-03-29', '09:00')).toBe('2026-03-29T08:00:00.000Z');
    expect(londonToIso('2026-10-25', '09:00')).toBe('2026-10-25T09:00:00.000Z');
  });
  it('writes slots and days in London time', () => {
    expect(formatSlot('2026-02-03T13:30:00Z', '2026-02-03T15:00:00Z')).toBe('Tue 3 Feb 2026, 13:30–15:00');
    expect(formatSlot('2026-06-10T12:30:00Z', '2026-06-10T14:00:00Z')).toBe('Wed 10 Jun 2026, 13:30–15:00');
    expect(londonDay('2026-06-30T23:30:00Z')).toBe('2026-07-01');
    expect(formatDate('2026-09-01')).toMatch(/^Tue 1 Sept? 2026$/);
    expect(formatDate(null)).toBe('—');
  });
  it('counts days on the calendar', () => {
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-03-30', '2026-03-28')).toBe(-2);
  });
});

describe('words and numbers', () => {
  it('never claims 100% unless everyone', () => {
    expect(formatPercent(0.4567)).toBe('46%');
    expect(formatPercent(0.996)).toBe('99%');
    expect(formatPercent(1)).toBe('100%');
    expect(formatPercent(null)).toBe('—');
  });
  it('says year groups as people do', () => {
    expect(yearGroupsText([11])).toBe('Year 11');
    expect(yearGroupsText([9, 7, 8])).toBe('Years 7–9');
    expect(yearGroupsText([7, 9, 11])).toBe('Years 7, 9, 11');
    expect(yearGroupsText([])).toBe('—');
  });
  it('labels codes, and falls back to readable words', () => {
    expect(label(ACTIVITY_TYPES, 'mock_interviews')).toBe('Mock interviews');
    expect(label(ACTIVITY_TYPES, 'new_kind_of_thing')).toBe('new kind of thing');
    expect(plural(1, 'day')).toBe('1 day');
    expect(plural(1200, 'pupil')).toBe('1,200 pupils');
  });
});
