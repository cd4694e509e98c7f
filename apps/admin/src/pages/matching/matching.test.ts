import { describe, expect, it } from 'vitest';
import { decidable, decisionOutcome, distanceText, gapText, monthText, optimalityText, runFinished, toggled } from './matching';

describe('optimalityText', () => {
  it('says a proven optimum plainly, and otherwise how close to the bound', () => {
    expect(optimalityText({ optimal: true, objective: 123.4, bound: 123.4, relativeGap: 0 })).toBe(
      'Proven optimal: these proposals are worth 123.4 gap pupils, the most any set of bookings could be worth.',
    );
    expect(optimalityText({ optimal: false, objective: 120, bound: 122.6, relativeGap: 0.0212 })).toBe(
      'Within 2.1% of the best possible: worth 120.0 gap pupils, against a proven upper bound of 122.6.',
    );
    expect(optimalityText({ optimal: false, objective: 999.9, bound: 1000, relativeGap: 0.0001 })).toMatch(/^Within 0\.1% /);
    expect(optimalityText({ optimal: null, objective: null, bound: null, relativeGap: null })).toBe('Not solved yet.');
  });
});

describe('numbers of a proposal', () => {
  it('reads distance, the employer’s month and the gap closed', () => {
    expect(distanceText(null)).toBe('Virtual');
    expect(distanceText(6.24)).toBe('6.2 km');
    expect(monthText(null)).toBe('No monthly limit');
    expect(monthText(0)).toBe('At its limit that month');
    expect(monthText(1)).toBe('1 more request that month');
    expect(monthText(3)).toBe('3 more requests that month');
    expect(gapText({ gapPupilsClosed: 25, pupils: 30, benchmark: 5 })).toBe('25 of 30 (BM5)');
  });
});

describe('decisions', () => {
  it('reports what went through and points at each proposal that could not', () => {
    const all = decisionOutcome('accept', {
      succeeded: 2,
      failed: 0,
      results: [
        { proposalId: 'a', ok: true, error: null },
        { proposalId: 'b', ok: true, error: null },
      ],
    });
    expect(all).toMatchObject({
      tone: 'success',
      text: '2 proposals accepted: each is a booking now, waiting for the school and the employer (the employer is emailed).',
    });
    expect(all.errors.size).toBe(0);
    const mixed = decisionOutcome('accept', {
      succeeded: 1,
      failed: 1,
      results: [
        { proposalId: 'a', ok: true, error: null },
        { proposalId: 'b', ok: false, error: { message: 'This session is already taken: choose another one' } },
      ],
    });
    expect(mixed.tone).toBe('error');
    expect(mixed.text).toMatch(/^1 proposal accepted: .* 1 proposal could not be accepted: see the reason beside it\.$/);
    expect([...mixed.errors]).toEqual([['b', 'This session is already taken: choose another one']]);
    expect(
      decisionOutcome('reject', {
        succeeded: 0,
        failed: 2,
        results: [
          { proposalId: 'a', ok: false, error: { message: 'x' } },
          { proposalId: 'b', ok: false, error: { message: 'y' } },
        ],
      }).text,
    ).toBe('2 proposals could not be rejected: see the reason beside each.');
  });

  it('lets only proposals still waiting be selected', () => {
    expect(
      decidable([
        { id: 'a', status: 'proposed' },
        { id: 'b', status: 'accepted' },
        { id: 'c', status: 'superseded' },
        { id: 'd', status: 'proposed' },
      ]),
    ).toEqual(['a', 'd']);
    const s = toggled(new Set(['a']), 'b', true);
    expect([...s]).toEqual(['a', 'b']);
    expect([...toggled(s, 'a', false)]).toEqual(['b']);
  });

  it('knows when a run has finished', () => {
    expect(runFinished('queued')).toBe(false);
    expect(runFinished('running')).toBe(false);
    expect(runFinished('succeeded')).toBe(true);
    expect(runFinished('failed')).toBe(true);
  });
});
