import type {
  MatchingEmployerInput,
  MatchingInput,
  MatchingOfferInput,
  MatchingRequestInput,
  MatchingSchoolInput,
  MatchingSessionInput,
  MatchingWeights,
} from './model';
import { buildMatchingProblem, objectiveOf } from './problem';
import { validateMatchingInput } from './validate';
import { findViolations } from './verify';

/**
 * A tiny hub for the specs (not exported from the library): one school in central Manchester, one
 * employer about 5.6 km north of it, one in-person-at-school careers talk and one request that the
 * session fits on every rule. Tests change one thing at a time.
 */

export const SCHOOL: MatchingSchoolInput = { id: 'school-1', name: 'Northfield Academy', latitude: 53.4808, longitude: -2.2426 };
export const EMPLOYER: MatchingEmployerInput = {
  id: 'employer-1',
  name: 'Aire Engineering',
  latitude: 53.5308,
  longitude: -2.2426,
  maxRequestsPerMonth: 2,
  vettedUntil: '2026-12-31',
};
export const OFFER: MatchingOfferInput = {
  id: 'offer-1',
  employerId: 'employer-1',
  contactId: 'contact-1',
  title: 'Careers talk with Aire Engineering',
  activityType: 'careers_talk',
  format: 'in_person_school',
  pupilsPerSession: 30,
  sessionsAvailable: 2,
  yearGroups: [10, 11],
  travelRadiusKm: 15,
};
export const SESSION: MatchingSessionInput = {
  id: 'session-1',
  offerId: 'offer-1',
  startsAt: '2026-02-03T10:00:00Z',
  endsAt: '2026-02-03T11:00:00Z',
};
export const REQUEST: MatchingRequestInput = {
  id: 'request-1',
  schoolId: 'school-1',
  yearGroup: 10,
  pupils: 28,
  activityType: 'careers_talk',
  formats: ['in_person_school', 'virtual'],
  windows: [{ startsAt: '2026-02-03T09:00:00Z', endsAt: '2026-02-03T12:00:00Z' }],
  gap: { benchmark5: 40, benchmark6: 10 },
  disadvantagedShare: 0.41,
};

export function hub(parts: Partial<MatchingInput> = {}): MatchingInput {
  return {
    schools: [SCHOOL],
    employers: [EMPLOYER],
    offers: [OFFER],
    sessions: [SESSION],
    requests: [REQUEST],
    existingBookings: [],
    ...parts,
  };
}

/** Worth = gap pupils closed, nothing else: makes hand-worked optima easy to follow. */
export const GAP_ONLY: MatchingWeights = { pupilBeyondGap: 0, disadvantagedUplift: 0, perKm: 0, fairnessStep: 0, fairnessCap: 0 };

export const session = (id: string, offerId: string, startsAt: string, endsAt: string): MatchingSessionInput => ({
  id,
  offerId,
  startsAt,
  endsAt,
});

/** Every way to give each request none or one of its candidate sessions; the best that breaks no rule. */
export function bruteForce(input: MatchingInput, weights: MatchingWeights): number {
  const problem = buildMatchingProblem(validateMatchingInput(input), weights);
  const requests = problem.instance.requests.length;
  let best = 0;
  const chosen: number[] = [];
  const walk = (r: number) => {
    if (r === requests) {
      const assignments = chosen.map((p) => ({ request: problem.pairRequest[p], session: problem.pairSession[p] }));
      if (findViolations(problem.context, assignments).length === 0) best = Math.max(best, objectiveOf(problem, chosen));
      return;
    }
    walk(r + 1);
    for (let p = problem.pairsStart[r]; p < problem.pairsStart[r + 1]; p++) {
      chosen.push(p);
      walk(r + 1);
      chosen.pop();
    }
  };
  walk(0);
  return best;
}
