import fc from 'fast-check';
import { generateMatchingHub } from '@tandem/demo-data';
import type { MatchingInput } from './model';
import { DEFAULT_MATCHING_WEIGHTS } from './model';
import { buildMatchingProblem } from './problem';
import { buildRuleContext, pairRuleFailures, pairWorth } from './rules';
import { validateMatchingInput } from './validate';

/** A generated hub with some of its sessions already booked, so the booking rules bite too. */
function hubWithBookings(seed: number): MatchingInput {
  const input = generateMatchingHub(seed, { requests: 60, sessions: 240 });
  const existingBookings = input.sessions.slice(0, 40).map((s, i) => {
    const offer = input.offers.find((o) => o.id === s.offerId);
    const request = input.requests[(i * 7) % input.requests.length];
    return {
      id: `b${i}`,
      schoolId: request.schoolId,
      yearGroup: request.yearGroup,
      employerId: offer?.employerId ?? '',
      contactId: offer?.contactId ?? '',
      offerId: s.offerId,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
    };
  });
  return { ...input, existingBookings };
}

describe('candidate pairs', () => {
  it('are exactly the pairs that keep every pair rule and are worth something, found rule by rule', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.boolean(), (seed, booked) => {
        const instance = validateMatchingInput(booked ? hubWithBookings(seed) : generateMatchingHub(seed, { requests: 60, sessions: 240 }));
        const problem = buildMatchingProblem(instance, DEFAULT_MATCHING_WEIGHTS);
        const ctx = buildRuleContext(instance, DEFAULT_MATCHING_WEIGHTS);
        const expected: string[] = [];
        instance.requests.forEach((request, r) => {
          instance.sessions.forEach((session, s) => {
            if (pairRuleFailures(ctx, request, s).length === 0 && pairWorth(ctx, request, session).points > 0) {
              expected.push(`${r}|${s}|${pairWorth(ctx, request, session).points}`);
            }
          });
        });
        const found = Array.from(problem.pairRequest, (r, p) => `${r}|${problem.pairSession[p]}|${problem.pairPoints[p]}`);
        expect(found).toEqual(expected);
        expect(found.length).toBeGreaterThan(0);
      }),
      { numRuns: 25, seed: 31 },
    );
  });
});
