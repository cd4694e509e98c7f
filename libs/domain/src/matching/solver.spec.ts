import fc from 'fast-check';
import highsLoader from 'highs';
import { bruteForce, EMPLOYER, GAP_ONLY, hub, OFFER, REQUEST, SCHOOL, session } from './fixtures.spec-helper';
import { bindableConstraints } from './bindable';
import { generateMatchingHub, SeededRandom } from '@tandem/demo-data';
import { solveMatching, type LinearSolver } from './index';
import type { MatchingInput, MatchingProgress, MatchingOfferInput, MatchingRequestInput, MatchingSessionInput } from './model';
import { CliqueSeparator } from './cliques';
import { LpRelaxation } from './lp-relaxation';
import { zeroHalfCuts } from './zero-half';
import { buildMatchingProblem, type MatchingProblem } from './problem';
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

describe('the exact path, against brute force', () => {
  /*
   * Three requests, each fitting one session: X1 10:00–11:00, X2 10:30–11:30, X3 11:00–12:00, all run
   * by one contact. X1 and X3 belong to one offer with a single session left; X2 to another.
   *   R1–X1 and R2–X2 clash (the contact), R2–X2 and R3–X3 clash (the contact), R1–X1 and R3–X3 share
   *   the offer's last session: any two of the three pairs conflict, so one proposal at most — the
   *   best is R1, 30 gap pupils. The LP splits all three in halves, worth 37.5 gap pupils; the three
   *   pairs are a clique across two kinds of constraint, and its cut closes the gap at the root.
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

  it('proves at the root an optimum below the relaxation, with no branching', () => {
    const result = solveMatching(triangle, { weights: GAP_ONLY, maxBranchNodes: 0, linearSolver });
    expect(result.proposals.map((p) => p.requestId)).toEqual(['R1']);
    expect(result.objective).toBe(3000);
    expect(result.optimal).toBe(true);
    expect(result.bound).toBe(3000);
    expect(result.stats).toMatchObject({ method: 'lp', provenBy: 'root', branchNodes: 0 });
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
      requests.push({
        ...onlyAt(`q${j}`, rng.pick(schools).id, at(start), at(start + rng.int(2, 4)), rng.int(5, 30)),
        yearGroup: rng.pick([10, 11]),
      });
    }
    for (let j = rng.int(0, 2); j > 0; j--) {
      const start = rng.int(0, k);
      sessions.push(session(`y${j}`, rng.pick(offers).id, at(start), at(start + 2)));
    }
    // half the time the employer may take only two requests that month: a limit above one to branch on
    return hub({ schools, employers: [{ ...EMPLOYER, maxRequestsPerMonth: rng.pick([null, 2]) }], offers, sessions, requests });
  }

  it('on small hubs around odd rings of conflicts, equals the brute-force optimum, proven, and gives the same answer every time', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        const input = ringHub(seed);
        const result = solveMatching(input, { weights: GAP_ONLY, linearSolver });
        expect(violationsOf(input, result)).toEqual([]);
        expect(result.objective).toBe(bruteForce(input, GAP_ONLY));
        expect(result.optimal).toBe(true);
        expect(result.stats.method).toBe('lp');
        expect(result.unproven).toBeNull();
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
        expect(
          findViolations(
            problem.context,
            Array.from(outcome.chosen, (p) => ({ request: problem.pairRequest[p], session: problem.pairSession[p] })),
          ),
        ).toEqual([]);
        if (outcome.branchNodes > 0) branched++;
      }),
      { numRuns: 200, seed: 20261128 },
    );
    // without cuts the LP does not settle every ring: branching did the work
    expect(branched).toBeGreaterThanOrEqual(20);
  });

  it('without HiGHS, answers those hubs heuristically: every rule kept, a true bound, unproven unless the bound meets it', () => {
    let unproven = 0;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        const input = ringHub(seed);
        const problem = buildMatchingProblem(validateMatchingInput(input), GAP_ONLY);
        const outcome = solveProblem(problem, { maxBranchNodes: 10_000 });
        const optimum = bruteForce(input, GAP_ONLY);
        expect(
          findViolations(
            problem.context,
            Array.from(outcome.chosen, (p) => ({ request: problem.pairRequest[p], session: problem.pairSession[p] })),
          ),
        ).toEqual([]);
        expect(outcome.objective).toBeLessThanOrEqual(optimum);
        expect(outcome.bound).toBeGreaterThanOrEqual(optimum);
        expect(outcome.method).toBe('heuristic');
        expect(outcome.optimal).toBe(outcome.bound === outcome.objective);
        if (!outcome.optimal) {
          unproven++;
          expect(outcome.unproven?.code).toBe('NO_LINEAR_SOLVER');
        }
      }),
      { numRuns: 200, seed: 20261126 },
    );
    expect(unproven).toBeGreaterThanOrEqual(20);
  });
});

describe('with a linear solver (HiGHS): the LP relaxation, its cuts and its finish', () => {
  /** The problem's LP relaxation, as the solver builds it, for the length of `use`. */
  const withLp = (problem: MatchingProblem, use: (lp: LpRelaxation) => void) => {
    const lp = new LpRelaxation(
      linearSolver,
      problem,
      bindableConstraints(problem).map((c) => ({ pairs: c.pairs, bound: c.bound })),
    );
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
    sessions: [
      session('X1', 'offer-1', '2026-02-03T10:00:00Z', '2026-02-03T11:00:00Z'),
      session('X2', 'offer-2', '2026-02-03T09:30:00Z', '2026-02-03T10:15:00Z'),
      session('X3', 'offer-3', '2026-02-03T10:45:00Z', '2026-02-03T11:30:00Z'),
    ],
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
    expect(result).toMatchObject({ optimal: true, bound: 3000, stats: { cuts: 1, branchNodes: 0, method: 'lp', provenBy: 'root' } });
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
    offers: [
      virtualOffer('o-ring', 'c-ring', 1),
      virtualOffer('o1', 'c-ring', 1),
      virtualOffer('o2', 'c-ring', 1),
      virtualOffer('o3', 'c-ring', 1),
    ],
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
      expect(cuts.map((c) => ({ pairs: Array.from(c.pairs), coefficients: Array.from(c.coefficients), bound: c.bound }))).toEqual([
        { pairs: [0, 1, 2, 3, 4], coefficients: [1, 1, 1, 1, 1], bound: 2 },
      ]);
      lp.addRows(cuts);
      expect(optimum(lp).value).toBeCloseTo(6000, 6);
    });
    const result = solveMatching(ringOfFive, { weights: GAP_ONLY, linearSolver });
    expect(result.objective).toBe(bruteForce(ringOfFive, GAP_ONLY));
    expect(result).toMatchObject({ objective: 6000, optimal: true, stats: { cuts: 1, branchNodes: 0 } });
    expect(violationsOf(ringOfFive, result)).toEqual([]);
  });

  it('proves a generated hub optimal that the heuristic only approaches', () => {
    const input = generateMatchingHub(3, { requests: 1000, sessions: 4000 });
    const withLp = solveMatching(input, { linearSolver });
    const without = solveMatching(input);
    expect(withLp).toMatchObject({ optimal: true, unproven: null, stats: { method: 'lp', provenBy: 'root' } });
    expect(without).toMatchObject({ optimal: false, unproven: { code: 'NO_LINEAR_SOLVER' }, stats: { method: 'heuristic' } });
    expect(withLp.objective).toBeGreaterThan(without.objective);
    expect(withLp.bound).toBeLessThan(without.bound);
  });

  it('when HiGHS gives no LP answer at the root, answers heuristically and says so', () => {
    // the real HiGHS, whose models report "time limit reached" after every run
    const silent: LinearSolver = {
      ...linearSolver,
      createModel: (...args: Parameters<LinearSolver['createModel']>) => {
        const model = linearSolver.createModel(...args);
        return new Proxy(model, {
          get: (target, key) => (key === 'getModelStatus' ? () => linearSolver.constants.modelStatus.timeLimit : Reflect.get(target, key)),
        });
      },
    } as LinearSolver;
    const input = generateMatchingHub(3, { requests: 100, sessions: 400 });
    const result = solveMatching(input, { linearSolver: silent });
    expect(result).toMatchObject({
      optimal: false,
      unproven: { code: 'NO_LP_ANSWER' },
      stats: { method: 'heuristic', provenBy: null, cuts: 0 },
    });
    expect(result.objective).toBe(solveMatching(input).objective);
    expect(result.objective).toBeLessThanOrEqual(solveMatching(input, { linearSolver }).objective);
  });

  it('needs no solver for a hub with no candidate pair: empty, and optimal, with or without HiGHS', () => {
    // HiGHS answers an empty model with "model empty", not "optimal": such a hub never reaches it
    const none = hub({ requests: [{ ...REQUEST, activityType: 'mentoring' }] });
    for (const result of [solveMatching(none, { linearSolver }), solveMatching(none)]) {
      expect(result).toMatchObject({
        proposals: [],
        objective: 0,
        bound: 0,
        optimal: true,
        unproven: null,
        stats: { candidatePairs: 0, provenBy: 'bound' },
      });
    }
  });
});

describe('deterministic limits', () => {
  const input = hub({
    schools: [SCHOOL, { ...SCHOOL, id: 'school-2', name: 'Kingsway High School' }],
    offers: [virtualOffer('offer-a', 'contact-1', 2), virtualOffer('offer-b', 'contact-1', 2)],
    employers: [{ ...EMPLOYER, maxRequestsPerMonth: 1 }],
    sessions: [
      session('X1', 'offer-a', '2026-02-03T10:00:00Z', '2026-02-03T11:00:00Z'),
      session('X2', 'offer-b', '2026-02-03T10:30:00Z', '2026-02-03T11:30:00Z'),
    ],
    requests: [
      onlyAt('R1', 'school-1', '2026-02-03T09:00:00Z', '2026-02-03T12:00:00Z', 30),
      onlyAt('R2', 'school-2', '2026-02-03T09:00:00Z', '2026-02-03T12:00:00Z', 25),
    ],
  });

  it('without HiGHS and with no search work allowed, still answers with proposals that keep every rule and a true bound', () => {
    const result = solveMatching(input, { weights: GAP_ONLY, maxWork: 0 });
    expect(result.stats.method).toBe('heuristic');
    expect(violationsOf(input, result)).toEqual([]);
    expect(result.bound).toBeGreaterThanOrEqual(bruteForce(input, GAP_ONLY));
    expect(result.optimal).toBe(result.bound === result.objective);
    expect(solveMatching(input, { weights: GAP_ONLY, maxWork: 0 })).toEqual({
      ...result,
      stats: { ...result.stats, millis: expect.anything() },
    });
  });

  it('refuses a work limit that is not a whole number of nodes', () => {
    expect(() => solveMatching(input, { maxWork: -1 })).toThrow(expect.objectContaining({ code: 'INVALID_NUMBER', field: 'maxWork' }));
  });
});

describe('progress', () => {
  const watch = (input: MatchingInput, withLp: boolean) => {
    const reports: MatchingProgress[] = [];
    const options = withLp ? { linearSolver } : {};
    const watched = solveMatching(input, { ...options, onProgress: (p) => reports.push(p) });
    const plain = solveMatching(input, options);
    expect({ ...watched, stats: { ...watched.stats, millis: null } }).toEqual({ ...plain, stats: { ...plain.stats, millis: null } });
    for (let i = 0; i < reports.length; i++) {
      const r = reports[i];
      expect(r.objective).toBeLessThanOrEqual(watched.objective);
      expect(r.bound).toBeGreaterThanOrEqual(watched.objective);
      if (i > 0) {
        // further along each time; the best answer never gets worse, the bound never looser
        expect(r.share).toBeGreaterThanOrEqual(reports[i - 1].share);
        expect(r.objective).toBeGreaterThanOrEqual(reports[i - 1].objective);
        expect(r.bound).toBeLessThanOrEqual(reports[i - 1].bound);
      }
    }
    return reports;
  };

  it('is reported after each LP solve, with a true bound and feasible objectives, and never changes the answer', () => {
    // 2,000 × 8,000 from seed 7 needs rounds of cuts at the root: a report for the root and each round
    const reports = watch(generateMatchingHub(7, { requests: 2000, sessions: 8000 }), true);
    expect(reports.length).toBeGreaterThanOrEqual(3);
    expect(reports[0].share).toBe(0.4);
  });

  it('without HiGHS, after the greedy pass and each sweep of repair', () => {
    const reports = watch(generateMatchingHub(5, { requests: 300, sessions: 1200 }), false);
    expect(reports.length).toBeGreaterThanOrEqual(2);
    expect(reports[0].share).toBe(0.5);
  });
});
