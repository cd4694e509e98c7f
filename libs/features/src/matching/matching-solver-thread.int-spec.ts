/**
 * The solver's own thread, for real: the same answer as solving in-process, a refused input comes
 * back as the same DomainError, and the event loop keeps turning while a big hub is solved (which
 * is the point: on the worker's main thread it would stop for the whole solve).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { Logger } from '@nestjs/common';
import { generateMatchingHub } from '@tandem/demo-data';
import { DomainError, solveMatching, type LinearSolver } from '@tandem/domain';
import { loadLinearSolver } from './linear-solver';
import { MatchingSolverThread, matchingSolverCounters } from './matching-solver-thread';

const solver = new MatchingSolverThread();
let linearSolver: LinearSolver;

beforeAll(async () => {
  linearSolver = await loadLinearSolver();
});

afterAll(() => solver.onApplicationShutdown());

it('gives the same answer as solving in this thread, with the LP solver the thread loads', async () => {
  const input = generateMatchingHub(7, { requests: 1000, sessions: 4000 });
  const [here, there] = [solveMatching(input, { linearSolver }), await solver.solve(input, {})];
  expect(there.optimal).toBe(true);
  expect(there.stats.method).toBe('lp'); // the thread loaded HiGHS: the exact path
  expect(there.objective).toBe(here.objective);
  expect(there.bound).toBe(here.bound);
  expect(there.proposals).toEqual(here.proposals);
  expect(there.unmatched).toEqual(here.unmatched);
}, 60_000);

it('sends a refused input back as the same DomainError (code, field, message)', async () => {
  const input = generateMatchingHub(3, { requests: 20, sessions: 80 });
  const bad = { ...input, requests: input.requests.map((r, i) => (i === 1 ? { ...r, pupils: 0 } : r)) };
  const here = (() => {
    try {
      solveMatching(bad);
    } catch (e) {
      return e as DomainError;
    }
    throw new Error('expected the input to be refused');
  })();
  const there = await solver.solve(bad, {}).then(
    () => null,
    (e: unknown) => e,
  );
  expect(there).toBeInstanceOf(DomainError);
  expect(there).toMatchObject({ code: here.code, field: here.field, message: here.message });
  expect(here.code).toBe('INVALID_CAPACITY');
}, 60_000);

it('keeps the event loop turning while it solves a big hub, and reports progress as it goes', async () => {
  const input = generateMatchingHub(7, { requests: 2000, sessions: 8000 });
  await solver.solve(generateMatchingHub(1, { requests: 50, sessions: 200 }), {}); // the thread is up and compiled
  // Counted turns of this thread's event loop, not milliseconds: a solve on this thread would deliver
  // every progress report inside one turn; on its own thread, this loop keeps turning between them.
  let turns = 0;
  const ticker = setInterval(() => turns++, 1);
  const shares: number[] = [];
  const turnsAtReport: number[] = [];
  try {
    const result = await solver.solve(input, {}, (p) => {
      shares.push(p.share);
      turnsAtReport.push(turns);
    });
    expect(result.optimal).toBe(true);
    // progress came across while it solved (the LP root, then each round of cuts: this hub needs
    // four before its LP is exact), only growing
    expect(shares.length).toBeGreaterThanOrEqual(3);
    expect(shares).toEqual([...shares].sort((a, b) => a - b));
    expect(shares[shares.length - 1]).toBeLessThanOrEqual(1);
  } finally {
    clearInterval(ticker);
  }
  expect(turnsAtReport[turnsAtReport.length - 1]).toBeGreaterThan(turnsAtReport[0]);
}, 120_000);

it('fails the solve a stopped thread was working on, and the next solve starts a new thread', async () => {
  // about 1.5 s of solving on a warm thread (2,000 × 8,000 now takes under 0.5 s: too close to call)
  const big = solver.solve(generateMatchingHub(7, { requests: 3500, sessions: 14000 }), {});
  await new Promise((r) => setTimeout(r, 300)); // it is solving
  await solver.onApplicationShutdown();
  await expect(big).rejects.toThrow('the matching solver thread was stopped');
  const small = generateMatchingHub(3, { requests: 50, sessions: 200 });
  expect((await solver.solve(small, {})).objective).toBe(solveMatching(small, { linearSolver }).objective);
}, 120_000);

it('hears progress in the async context of the caller that asked, not of the one that started the thread', async () => {
  const context = new AsyncLocalStorage<string>();
  const hub = generateMatchingHub(5, { requests: 300, sessions: 1200 });
  const heard = async (tenant: string) => {
    const seen = new Set<string | undefined>();
    await context.run(tenant, () => solver.solve(hub, { maxWork: 200_000 }, () => seen.add(context.getStore())));
    return [...seen];
  };
  await solver.onApplicationShutdown(); // the next solve starts the thread inside tenant A's context
  expect(await heard('tenant A')).toEqual(['tenant A']);
  expect(await heard('tenant B')).toEqual(['tenant B']);
}, 120_000);

it('without HiGHS (its WebAssembly missing), logs an error, counts it, and answers heuristically, unproven', async () => {
  const errors = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  const broken = new MatchingSolverThread({ linearSolverWasm: '/nonexistent/highs.wasm' });
  const before = { ...matchingSolverCounters };
  try {
    const input = generateMatchingHub(7, { requests: 250, sessions: 1000 });
    const result = await broken.solve(input, {});
    expect(result).toMatchObject({
      optimal: false,
      unproven: { code: 'NO_LINEAR_SOLVER' },
      stats: { method: 'heuristic', provenBy: null },
    });
    expect(result.objective).toBeLessThan(solveMatching(input, { linearSolver }).objective);
    expect(result.objective).toBe(solveMatching(input).objective); // the same heuristic as without HiGHS here
    expect(matchingSolverCounters.linearSolverLoadFailures).toBe(before.linearSolverLoadFailures + 1);
    expect(matchingSolverCounters.heuristicSolves).toBe(before.heuristicSolves + 1);
    const logged = errors.mock.calls.map(([message]) => String(message));
    expect(logged).toEqual([
      expect.stringMatching(/^HiGHS did not load on the matching solver thread \(.*ENOENT.*\)/),
      expect.stringMatching(/^matching solved without HiGHS: HiGHS \(the LP solver\) is not available/),
    ]);
  } finally {
    errors.mockRestore();
    await broken.onApplicationShutdown();
  }
}, 60_000);
