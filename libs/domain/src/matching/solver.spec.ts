import fc from 'fast-check';
import highsLoader from 'highs';
import { SeededRandom } from '../seed-data';
import { bruteForce, EMPLOYER, GAP_ONLY, hub, OFFER, REQUEST, SCHOOL, session } from './fixtures.spec-helper';
import { closeAndResolve, Repairer } from './heuristics';
import { generateMatchingHub, solveMatching, type LinearSolver } from './index';
import { bindableConstraints, sideConstraintsOf } from './lagrangian';
import { DEFAULT_MATCHING_WEIGHTS, type MatchingInput, type MatchingProgress, type MatchingOfferInput, type MatchingRequestInput, type MatchingSessionInput } from './model';
import { CliqueSeparator } from './cliques';
import { LpRelaxation } from './lp-relaxation';
import { MatchingNetwork } from './network';
import { zeroHalfCuts } from './zero-half';
import { buildMatchingProblem, objectiveOf, type MatchingProblem } from './problem';
import { solveProblem } from './solver';
import { validateMatchingInput } from './validate';
import { findViolations } from './verify';

let linearSolver: LinearSolver;
beforeAll(async () => {
  linearSolver = await highsLoader();
});

const virtualOffer = (id: string, contactId: string, sessionsAvailable: number): MatchingOfferInput => ({
  ...OFFER,
  id,
  contactId,
  title: `Careers talk ${id}`,
  format: 'virtual',
  travelRadiusKm: null,
  pupilsPerSession: 60,
  sessionsAvailable,
});
/** A request that fits exactly [startsAt, endsAt) and closes `gap` benchmark-5 gap pupils. */
const onlyAt = (id: string, schoolId: string, startsAt: string, endsAt: string, gap: number): MatchingRequestInput => ({
  ...REQUEST,
  id,
  schoolId,
  pupils: 40,
  formats: ['virtual'],
  windows: [{ startsAt, endsAt }],
  gap: { benchmark5: gap, benchmark6: 0 },
});
const violationsOf = (input: MatchingInput, result: ReturnType<typeof solveMatching>) => {
  const problem = buildMatchingProblem(validateMatchingInput(input), GAP_ONLY);
  const request = new Map(problem.instance.requests.map((r, i) => [r.id, i]));
  const sessionIndex = new Map(problem.instance.sessions.map((s, i) => [s.id, i]));
  return findViolations(
    problem.context,
    result.proposals.map((p) => ({ request: request.get(p.requestId) ?? -1, session: sessionIndex.get(p.sessionId) ?? -1 })),
  );
};

describe('branch-and-bound', () => {
  /*
   * Three requests, each fitting one session: X1 10:00–11:00, X2 10:30–11:30, X3 11:00–12:00, all run
   * by one contact. X1 and X3 belong to one offer with a single session left; X2 to another.
   *   R1–X1 and R2–X2 clash (the contact), R2–X2 and R3–X3 clash (the contact), R1–X1 and R3–X3 share
   *   the offer's last session: any two of the three pairs conflict, so one proposal at most — the
   *   best is R1, 30 gap pupils. The relaxation splits all three in halves, worth 37.5 gap pupils:
   *   no multiplier closes that gap. Reduced-cost fixing does (an arc that would cost more than the
   *   bound's lead over z + 1 cannot be in a better answer), at the root.
   */
  const triangle = hub({
    schools: [SCHOOL, { ...SCHOOL, id: 'school-2', name: 'Kingsway High School' }, { ...SCHOOL, id: 'school-3', name: 'Moorside School' }],
    employers: [{ ...EMPLOYER, maxRequestsPerMonth: null }],
    offers: [virtualOffer('offer-a', 'contact-1', 1), virtualOffer('offer-b', 'contact-1', 1)],
    sessions: [
      session('X1', 'offer-a', '2026-02-03T10:00:00Z', '2026-02-03T11:00:00Z'),
      session('X2', 'offer-b', '2026-02-03T10:30:00Z', '2026-02-03T11:30:00Z'),
      session('X3', 'offer-a', '2026-02-03T11:00:00Z', '2026-02-03T12:00:00Z'),
    ],
    requests: [
      onlyAt('R1', 'school-1', '2026-02-03T10:00:00Z', '2026-02-03T11:00:00Z', 30),
      onlyAt('R2', 'school-2', '2026-02-03T10:30:00Z', '2026-02-03T11:30:00Z', 25),
      onlyAt('R3', 'school-3', '2026-02-03T11:00:00Z', '2026-02-03T12:00:00Z', 20),
    ],
  });

  it('proves at the root an optimum below the relaxation, by reduced-cost fixing', () => {
    const result = solveMatching(triangle, { weights: GAP_ONLY, maxBranchNodes: 0 });
    expect(result.proposals.map((p) => p.requestId)).toEqual(['R1']);
    expect(result.objective).toBe(3000);
    expect(result.optimal).toBe(true);
    expect(result.bound).toBe(3000);
    expect(violationsOf(triangle, result)).toEqual([]);
  });

  /**
   * Small hubs built around an odd ring of conflicts (consecutive sessions overlap and share the
   * contact or the school year group; the ring is closed by an offer with one session left), with a
   * few extra requests and sessions around it, and sometimes an employer limit of two a month:
   * unlike random small hubs, many need branching.
   */
  function ringHub(seed: number): MatchingInput {
    const rng = new SeededRandom(seed);
    const k = rng.pick([3, 5]);
    const at = (half: number) => {
      const minutes = 9 * 60 + half * 30;
      return `2026-02-03T${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:00Z`;
    };
    const schools = [0, 1, 2].map((i) => ({ ...SCHOOL, id: `s${i}`, name: `School ${i}` }));
    const offers = [virtualOffer('o-ring', 'c-ring', 1)];
    const sessions: MatchingSessionInput[] = [];
    const requests: MatchingRequestInput[] = [];
    for (let i = 0; i < k; i++) {
      const byContact = rng.chance(0.7);
      let offerId = 'o-ring';
      if (i !== 0 && i !== k - 1) {
        offerId = `o${i}`;
        offers.push(virtualOffer(offerId, byContact ? 'c-ring' : `c${i}`, 1));
      }
      sessions.push(session(`x${i}`, offerId, at(i), at(i + 2)));
      requests.push(onlyAt(`r${i}`, byContact ? rng.pick(schools).id : 's0', at(i), at(i + 2), rng.int(20, 30)));
    }
    for (let j = rng.int(0, 2); j > 0; j--) {
      const start = rng.int(0, k);
      requests.push({ ...onlyAt(`q${j}`, rng.pick(schools).id, at(start), at(start + rng.int(2, 4)), rng.int(5, 30)), yearGroup: rng.pick([10, 11]) });
    }
    for (let j = rng.int(0, 2); j > 0; j--) {
      const start = rng.int(0, k);
      sessions.push(session(`y${j}`, rng.pick(offers).id, at(start), at(start + 2)));
    }
    // half the time the employer may take only two requests that month: a limit above one to branch on
    return hub({ schools, employers: [{ ...EMPLOYER, maxRequestsPerMonth: rng.pick([null, 2]) }], offers, sessions, requests });
  }

  it('on small hubs around odd rings of conflicts, equals the brute-force optimum, proven, branching where needed', () => {
    let branched = 0;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        const input = ringHub(seed);
        const result = solveMatching(input, { weights: GAP_ONLY, maxBranchNodes: 10_000 });
        expect(violationsOf(input, result)).toEqual([]);
        expect(result.objective).toBe(bruteForce(input, GAP_ONLY));
        expect(result.optimal).toBe(true);
        if (result.stats.branchNodes > 0) {
          branched++;
          // the same hub without branching is not proven: branching did the work
          expect(solveMatching(input, { weights: GAP_ONLY, maxBranchNodes: 0 }).optimal).toBe(false);
        }
      }),
      { numRuns: 200, seed: 20261125 },
    );
    expect(branched).toBeGreaterThanOrEqual(20);
  });

  it('with the LP solver, equals the brute-force optimum too, proven, and gives the same answer every time', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        const input = ringHub(seed);
        const result = solveMatching(input, { weights: GAP_ONLY, linearSolver });
        expect(violationsOf(input, result)).toEqual([]);
        expect(result.objective).toBe(bruteForce(input, GAP_ONLY));
        expect(result.optimal).toBe(true);
        expect(result.stats.lagrangianIterations).toBe(0);
        const again = solveMatching(input, { weights: GAP_ONLY, linearSolver });
        expect({ ...again, stats: { ...again.stats, millis: null } }).toEqual({ ...result, stats: { ...result.stats, millis: null } });
      }),
      { numRuns: 200, seed: 20261127 },
    );
  });

  it('with the LP solver but no cuts, the dive and HiGHS branch-and-cut find and prove those optima on their own', () => {
    let branched = 0;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        const input = ringHub(seed);
        const problem = buildMatchingProblem(validateMatchingInput(input), GAP_ONLY);
        const outcome = solveProblem(problem, { maxBranchNodes: 10_000, linearSolver, cutRounds: 0 });
        expect(outcome.objective).toBe(bruteForce(input, GAP_ONLY));
        expect(outcome.optimal).toBe(true);
        expect(outcome.cuts).toBe(0);
        expect(findViolations(problem.context, Array.from(outcome.chosen, (p) => ({ request: problem.pairRequest[p], session: problem.pairSession[p] })))).toEqual([]);
        if (outcome.branchNodes > 0) branched++;
      }),
      { numRuns: 200, seed: 20261128 },
    );
    // without cuts the LP does not settle every ring: branching did the work
    expect(branched).toBeGreaterThanOrEqual(20);
  });

  it('finds and proves those optima by branching alone, with no repair heuristics to lean on', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        const input = ringHub(seed);
        const problem = buildMatchingProblem(validateMatchingInput(input), GAP_ONLY);
        const outcome = solveProblem(problem, { maxBranchNodes: 10_000, primalHeuristics: false });
        expect(outcome.objective).toBe(bruteForce(input, GAP_ONLY));
        expect(outcome.optimal).toBe(true);
        expect(findViolations(problem.context, Array.from(outcome.chosen, (p) => ({ request: problem.pairRequest[p], session: problem.pairSession[p] })))).toEqual([]);
      }),
      { numRuns: 200, seed: 20261126 },
    );
  });
});

describe('with a linear solver (HiGHS): the LP relaxation, its cuts and its finish', () => {
  /** The problem's LP relaxation, as the solver builds it, for the length of `use`. */
  const withLp = (problem: MatchingProblem, use: (lp: LpRelaxation) => void) => {
    const lp = new LpRelaxation(linearSolver, problem, bindableConstraints(problem).map((c) => ({ pairs: c.pairs, bound: c.bound })));
    try {
      use(lp);
    } finally {
      lp.dispose();
    }
  };
  const optimum = (lp: LpRelaxation) => {
    const solved = lp.solve();
    if (solved.status !== 'optimal') throw new Error(`LP ${solved.status}`);
    return solved.solution;
  };

  /*
   * One school year group asks twice: R1 fits only X1 (10:00–11:00); R2 fits X2 (09:30–10:15) or
   * X3 (10:45–11:30), which do not overlap each other but each overlaps X1. Each stated constraint
   * (R2 takes one session; the year group is in one place at 10:00–10:15, and at 10:45–11:00) allows
   * R1–X1, R2–X2 and R2–X3 at one half each: 45 gap pupils in the LP, where one proposal (30) is the
   * most there can be. The three pairs conflict pairwise, across two kinds of constraint: as one
   * clique (Σ ≤ 1) they close the gap.
   */
  const yearGroupTwice = hub({
    employers: [{ ...EMPLOYER, maxRequestsPerMonth: null }],
    offers: [virtualOffer('offer-1', 'contact-1', 1), virtualOffer('offer-2', 'contact-2', 1), virtualOffer('offer-3', 'contact-3', 1)],
    sessions: [session('X1', 'offer-1', '2026-02-03T10:00:00Z', '2026-02-03T11:00:00Z'), session('X2', 'offer-2', '2026-02-03T09:30:00Z', '2026-02-03T10:15:00Z'), session('X3', 'offer-3', '2026-02-03T10:45:00Z', '2026-02-03T11:30:00Z')],
    requests: [
      onlyAt('R1', 'school-1', '2026-02-03T10:00:00Z', '2026-02-03T11:00:00Z', 30),
      {
        ...onlyAt('R2', 'school-1', '2026-02-03T09:30:00Z', '2026-02-03T10:15:00Z', 30),
        windows: [
          { startsAt: '2026-02-03T09:30:00Z', endsAt: '2026-02-03T10:15:00Z' },
          { startsAt: '2026-02-03T10:45:00Z', endsAt: '2026-02-03T11:30:00Z' },
        ],
      },
    ],
  });

  it('finds the clique the LP solution breaks, and with it proves the optimum at the root', () => {
    const problem = buildMatchingProblem(validateMatchingInput(yearGroupTwice), GAP_ONLY);
    expect(problem.pairCount).toBe(3);
    withLp(problem, (lp) => {
      const solution = optimum(lp);
      expect(solution.value).toBeCloseTo(4500, 6);
      expect(Array.from(solution.x)).toEqual([0.5, 0.5, 0.5]);
      const cliques = new CliqueSeparator(problem).violatedBy(solution.x, 10);
      expect(cliques.map((c) => Array.from(c))).toEqual([[0, 1, 2]]);
      lp.addRows(cliques.map((pairs) => ({ pairs, bound: 1 })));
      expect(optimum(lp).value).toBeCloseTo(3000, 6);
    });

    const result = solveMatching(yearGroupTwice, { weights: GAP_ONLY, linearSolver });
    expect(result.objective).toBe(bruteForce(yearGroupTwice, GAP_ONLY));
    expect(result.objective).toBe(3000);
    expect(result).toMatchObject({ optimal: true, bound: 3000, stats: { cuts: 1, branchNodes: 0, lagrangianIterations: 0 } });
    expect(violationsOf(yearGroupTwice, result)).toEqual([]);
  });

  /*
   * Five requests of five schools, each fitting one session: X0 09:00–10:00, X1 09:30–10:30, …,
   * X4 11:00–12:00, all run by one contact, so each overlaps the next; X0 and X4 share an offer with
   * one session left. The conflicts make a ring of five: the LP takes one half of each (2.5
   * proposals' worth), at most two fit. No three pairs conflict pairwise, so no clique cut helps;
   * adding up the five rows, halving and rounding down (Σ x ≤ 2) does.
   */
  const at = (half: number) => `2026-02-03T${String(9 + Math.floor(half / 2)).padStart(2, '0')}:${half % 2 === 0 ? '00' : '30'}:00Z`;
  const ringOfFive = hub({
    schools: [0, 1, 2, 3, 4].map((i) => ({ ...SCHOOL, id: `s${i}`, name: `School ${i}` })),
    employers: [{ ...EMPLOYER, maxRequestsPerMonth: null }],
    offers: [virtualOffer('o-ring', 'c-ring', 1), virtualOffer('o1', 'c-ring', 1), virtualOffer('o2', 'c-ring', 1), virtualOffer('o3', 'c-ring', 1)],
    sessions: [0, 1, 2, 3, 4].map((i) => session(`X${i}`, i === 0 || i === 4 ? 'o-ring' : `o${i}`, at(i), at(i + 2))),
    requests: [0, 1, 2, 3, 4].map((i) => onlyAt(`R${i}`, `s${i}`, at(i), at(i + 2), 30)),
  });

  it('closes an odd ring with a {0,½}-cut where no clique cut applies', () => {
    const problem = buildMatchingProblem(validateMatchingInput(ringOfFive), GAP_ONLY);
    expect(problem.pairCount).toBe(5);
    withLp(problem, (lp) => {
      const solution = optimum(lp);
      expect(solution.value).toBeCloseTo(7500, 6);
      expect(new CliqueSeparator(problem).violatedBy(solution.x, 10)).toEqual([]);
      const cuts = zeroHalfCuts(lp.pairRows, solution.pairRowActivity, solution.x, 10);
      expect(cuts.map((c) => ({ pairs: Array.from(c.pairs), coefficients: Array.from(c.coefficients), bound: c.bound }))).toEqual([{ pairs: [0, 1, 2, 3, 4], coefficients: [1, 1, 1, 1, 1], bound: 2 }]);
      lp.addRows(cuts);
      expect(optimum(lp).value).toBeCloseTo(6000, 6);
    });
    const result = solveMatching(ringOfFive, { weights: GAP_ONLY, linearSolver });
    expect(result.objective).toBe(bruteForce(ringOfFive, GAP_ONLY));
    expect(result).toMatchObject({ objective: 6000, optimal: true, stats: { cuts: 1, branchNodes: 0 } });
    expect(violationsOf(ringOfFive, result)).toEqual([]);
  });

  it('proves a generated hub optimal where the subgradient solver, given far more work, does not', () => {
    // 1,000 × 4,000 from seed 3: the subgradient root stops well above the optimum and needs ~100 branch nodes
    const input = generateMatchingHub(3, { requests: 1000, sessions: 4000 });
    const withLp = solveMatching(input, { linearSolver });
    const without = solveMatching(input, { maxBranchNodes: 10 });
    expect(withLp.optimal).toBe(true);
    expect(without.optimal).toBe(false);
    expect(withLp.objective).toBeGreaterThanOrEqual(without.objective);
    expect(withLp.bound).toBeLessThanOrEqual(without.bound);
  });
});

describe('close-and-resolve', () => {
  /*
   * R1 (30 gap pupils) can take X1 (virtual) or X3 (in person at school, 5.6 km away, another
   * contact); R2 (25) only X2. X1 and X2 overlap and share a contact. The relaxed flow puts R1 on X1
   * (no travel: worth more) and R2 on X2, which breaks the contact rule. Dropping the least worth unit
   * (R2) leaves R1 alone; closing X1 — R1's way out costs 2.8 gap pupils of travel — and re-solving
   * gives both: the optimum.
   */
  const input = hub({
    employers: [{ ...EMPLOYER, maxRequestsPerMonth: null }],
    offers: [virtualOffer('offer-1', 'contact-1', 1), virtualOffer('offer-2', 'contact-1', 1), { ...OFFER, id: 'offer-3', contactId: 'contact-2', sessionsAvailable: 1, pupilsPerSession: 40 }],
    sessions: [session('X1', 'offer-1', '2026-02-03T10:00:00Z', '2026-02-03T11:00:00Z'), session('X2', 'offer-2', '2026-02-03T10:30:00Z', '2026-02-03T11:30:00Z'), session('X3', 'offer-3', '2026-02-03T10:00:00Z', '2026-02-03T11:00:00Z')],
    requests: [
      { ...onlyAt('R1', 'school-1', '2026-02-03T09:00:00Z', '2026-02-03T12:00:00Z', 30), formats: ['in_person_school', 'virtual'] },
      { ...onlyAt('R2', 'school-1', '2026-02-03T10:30:00Z', '2026-02-03T11:30:00Z', 25), yearGroup: 11 },
    ],
  });

  it('turns a relaxed flow that breaks a rule into the optimum, where dropping the least worth unit does not', () => {
    const problem = buildMatchingProblem(validateMatchingInput(input), DEFAULT_MATCHING_WEIGHTS);
    const network = new MatchingNetwork(problem);
    expect(network.flow.solve()).toBe(true);
    const relaxed = network.chosenPairs();
    const side = sideConstraintsOf(network);
    const assignment = (pairs: readonly number[]) => pairs.map((p) => ({ request: problem.pairRequest[p], session: problem.pairSession[p] }));
    expect(findViolations(problem.context, assignment(relaxed)).map((v) => v.rule)).toEqual(['contact_overlap']);

    const { pairs } = closeAndResolve(network, side);
    expect(findViolations(problem.context, assignment(pairs))).toEqual([]);
    expect(objectiveOf(problem, pairs)).toBe(bruteForce(input, DEFAULT_MATCHING_WEIGHTS));
    expect(pairs).toHaveLength(2);

    const dropped = new Repairer(problem).repair(relaxed);
    expect(objectiveOf(problem, dropped)).toBeLessThan(objectiveOf(problem, pairs));
    // the network it worked on is a copy: the relaxed flow is untouched
    expect(network.chosenPairs()).toEqual(relaxed);
  });
});

describe('deterministic limits', () => {
  const input = hub({
    schools: [SCHOOL, { ...SCHOOL, id: 'school-2', name: 'Kingsway High School' }],
    offers: [virtualOffer('offer-a', 'contact-1', 2), virtualOffer('offer-b', 'contact-1', 2)],
    employers: [{ ...EMPLOYER, maxRequestsPerMonth: 1 }],
    sessions: [session('X1', 'offer-a', '2026-02-03T10:00:00Z', '2026-02-03T11:00:00Z'), session('X2', 'offer-b', '2026-02-03T10:30:00Z', '2026-02-03T11:30:00Z')],
    requests: [onlyAt('R1', 'school-1', '2026-02-03T09:00:00Z', '2026-02-03T12:00:00Z', 30), onlyAt('R2', 'school-2', '2026-02-03T09:00:00Z', '2026-02-03T12:00:00Z', 25)],
  });

  it('with no search work allowed, still answers with proposals that keep every rule and a true bound', () => {
    const result = solveMatching(input, { weights: GAP_ONLY, maxWork: 0 });
    expect(violationsOf(input, result)).toEqual([]);
    expect(result.bound).toBeGreaterThanOrEqual(bruteForce(input, GAP_ONLY));
    expect(result.optimal).toBe(result.bound === result.objective);
    expect(solveMatching(input, { weights: GAP_ONLY, maxWork: 0 })).toEqual({ ...result, stats: { ...result.stats, millis: expect.anything() } });
  });

  it('refuses a work limit that is not a whole number of nodes', () => {
    expect(() => solveMatching(input, { maxWork: -1 })).toThrow(expect.objectContaining({ code: 'INVALID_NUMBER', field: 'maxWork' }));
  });
});

describe('progress', () => {
  it('is reported as the work moves on, with a true bound and feasible objectives, and never changes the answer', () => {
    const input = generateMatchingHub(5, { requests: 300, sessions: 1200 });
    const reports: MatchingProgress[] = [];
    const maxWork = 200_000;
    const watched = solveMatching(input, { maxWork, onProgress: (p) => reports.push(p) });
    const plain = solveMatching(input, { maxWork });
    expect({ ...watched, stats: { ...watched.stats, millis: null } }).toEqual({ ...plain, stats: { ...plain.stats, millis: null } });
    expect(reports.length).toBeGreaterThan(3);
    for (let i = 0; i < reports.length; i++) {
      const r = reports[i];
      expect(r.maxWork).toBe(maxWork);
      expect(r.objective).toBeLessThanOrEqual(watched.objective);
      expect(r.bound).toBeGreaterThanOrEqual(watched.objective);
      if (i > 0) {
        // at least 1 % of the limit between two reports; the best answer never gets worse, the bound never looser
        expect(r.work - reports[i - 1].work).toBeGreaterThanOrEqual(maxWork / 100);
        expect(r.objective).toBeGreaterThanOrEqual(reports[i - 1].objective);
        expect(r.bound).toBeLessThanOrEqual(reports[i - 1].bound);
      }
    }
  });
});
