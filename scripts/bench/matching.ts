/**
 * `npm run bench:matching`: generated hubs of increasing size, each solved four ways in the same
 * run — Tandem's exact solver, Tandem without HiGHS (its heuristic fallback, unproven), HiGHS
 * (WebAssembly) on the plain MIP of the same problem, and a greedy first-fit baseline that lives
 * only here. Every answer is checked by the independent rule checker.
 *
 * Each (size, method) runs in a fresh child process so its peak memory (maxRSS) is its own. The
 * child solves the same hub twice and reports both times: the first, cold (a fresh process: the JIT
 * has not compiled the solver yet, HiGHS loads its WebAssembly), and the second, warm, as in the
 * long-lived worker that runs matching jobs.
 * Tandem runs with its default, deterministic limits (search work and branch nodes, no clock), as
 * the API does; HiGHS gets a wall-clock limit.
 * Options: `--sizes 250x1000,5000x20000` `--time-limit 10` (seconds, HiGHS) `--write` (update
 * docs/benchmarks.md).
 */
import { fork } from 'node:child_process';
import type { default as highsLoader, Highs } from 'highs';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { generateMatchingHub } from '@tandem/demo-data';
import {
  buildMatchingProblem,
  DEFAULT_MAX_BRANCH_NODES,
  DEFAULT_MAX_WORK,
  findViolations,
  objectiveOf,
  pairWorth,
  POINTS_PER_GAP_PUPIL,
  resolveMatchingWeights,
  solveMatching,
  validateMatchingInput,
  type MatchingProblem,
  SystemClock,
} from '@tandem/domain';

/** Benchmarks run on the machine's clock: they measure now, on this machine. */
const wallClock = new SystemClock();

/** `fallback`: Tandem as it answers when HiGHS fails to load (greedy with local repair, unproven). */
type Method = 'tandem' | 'fallback' | 'highs' | 'greedy';

interface Outcome {
  method: Method;
  requests: number;
  sessions: number;
  pairs: number;
  ms: number;
  /** The same solve again in the same process (warm JIT, HiGHS already loaded). */
  warmMs: number;
  /** CPU time of the warm solve (user + system, this single-threaded process): far steadier than wall time on a shared machine. */
  cpuMs: number;
  buildMs: number;
  peakRssMb: number;
  objective: number;
  bound: number | null;
  optimal: boolean;
  status: string;
  proposals: number;
  pupils: number;
  gapPupils: number;
  disadvantaged: number;
  violations: number;
  /** The fallback's work (pairs looked at), the deterministic measure of its effort. */
  work: number | null;
}

const SEED = 7;

// ── greedy first fit (the baseline; it exists only in this benchmark) ──────────

/** Requests in id order; each takes the first candidate session (earliest id) that keeps every rule. */
function greedyFirstFit(problem: MatchingProblem): number[] {
  const usage = new Int32Array(problem.constraints.length);
  const membership: number[][] = Array.from({ length: problem.pairCount }, () => []);
  problem.constraints.forEach((c, k) => c.pairs.forEach((p) => membership[p].push(k)));
  const sessionUsed = new Uint8Array(problem.instance.sessions.length);
  const chosen: number[] = [];
  for (let r = 0; r < problem.instance.requests.length; r++) {
    for (let p = problem.pairsStart[r]; p < problem.pairsStart[r + 1]; p++) {
      if (sessionUsed[problem.pairSession[p]] || membership[p].some((k) => usage[k] >= problem.constraints[k].bound)) continue;
      sessionUsed[problem.pairSession[p]] = 1;
      for (const k of membership[p]) usage[k]++;
      chosen.push(p);
      break;
    }
  }
  return chosen;
}

// ── HiGHS on the plain MIP ─────────────────────────────────────────────────────

/**
 * maximise Σ points·x − Σ_school Σ_k penalty_k·y_k
 *   Σ x over a request ≤ 1, over a session ≤ 1, over each SetConstraint ≤ bound (offers, employer
 *   months, contact and year-group overlaps as maximal cliques);
 *   per school: Σ x − Σ y ≤ (number of penalty-free proposals), x binary, 0 ≤ y ≤ 1.
 * The penalties grow with k, so the LP fills the cheapest y first: exactly the fairness term.
 */
let highsModule: Promise<Highs> | undefined;
/** HiGHS's WebAssembly, loaded once per process (the cold solve pays for it, the warm one does not). */
function loadHighs(): Promise<Highs> {
  highsModule ??= (require('highs') as typeof highsLoader)();
  return highsModule;
}

async function solveWithHighs(
  problem: MatchingProblem,
  timeLimitSec: number,
): Promise<{ chosen: number[]; bound: number | null; optimal: boolean; status: string }> {
  const highs = await loadHighs();
  const P = problem.pairCount;
  const cost: number[] = Array.from(problem.pairPoints);
  const upper: number[] = new Array(P).fill(1);
  const integer: number[] = new Array(P).fill(1);
  const rows: number[][] = [];
  const rowUpper: number[] = [];
  const pairsOfRequest: number[][] = problem.instance.requests.map(() => []);
  const pairsOfSchool: number[][] = problem.instance.schools.map(() => []);
  for (let p = 0; p < P; p++) {
    pairsOfRequest[problem.pairRequest[p]].push(p);
    pairsOfSchool[problem.instance.requests[problem.pairRequest[p]].school].push(p);
  }
  const add = (row: number[], ub: number) => {
    rows.push(row);
    rowUpper.push(ub);
  };
  for (const list of pairsOfRequest) if (list.length > 1) add(list, 1);
  for (const list of problem.pairsOfSession) if (list.length > 1) add(Array.from(list), 1);
  for (const c of problem.constraints) if (c.pairs.length > c.bound) add(Array.from(c.pairs), c.bound);
  pairsOfSchool.forEach((list, school) => {
    const penalties = problem.fairness[school];
    const free = penalties.filter((x) => x === 0).length;
    if (list.length <= free) return;
    const row = [...list];
    for (const penalty of penalties) {
      if (penalty === 0) continue;
      row.push(-(cost.length + 1)); // a y column, coefficient −1
      cost.push(-penalty);
      upper.push(1);
      integer.push(0);
    }
    add(row, free);
  });
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (const row of rows) {
    for (const j of row) {
      indices.push(j < 0 ? -j - 1 : j);
      values.push(j < 0 ? -1 : 1);
    }
    starts.push(indices.length);
  }
  const model = highs.createModel({
    numCols: cost.length,
    numRows: rows.length,
    sense: highs.constants.objectiveSense.maximize,
    colCost: Float64Array.from(cost),
    colLower: new Float64Array(cost.length),
    colUpper: Float64Array.from(upper),
    rowLower: new Float64Array(rows.length).fill(-highs.infinity),
    rowUpper: Float64Array.from(rowUpper),
    matrix: {
      format: 'csr',
      numRows: rows.length,
      numCols: cost.length,
      starts: Int32Array.from(starts),
      indices: Int32Array.from(indices),
      values: Float64Array.from(values),
    },
    integrality: Int32Array.from(integer),
  });
  try {
    model.options.set({ output_flag: false, time_limit: timeLimitSec, mip_rel_gap: 0, mip_abs_gap: 0.5 });
    model.run();
    const status = String(model.getModelStatus());
    const x = model.getSolution().colValue as Float64Array;
    const chosen: number[] = [];
    for (let p = 0; p < P; p++) if (x[p] > 0.5) chosen.push(p);
    const bound = Number(model.info.get('mip_dual_bound'));
    const optimal = status === String(highs.constants.modelStatus.optimal);
    return { chosen, bound: Number.isFinite(bound) ? bound : null, optimal, status: optimal ? 'optimal' : `status ${status}` };
  } finally {
    model.dispose();
  }
}

// ── one run (in a child process) ───────────────────────────────────────────────

function coverage(problem: MatchingProblem, chosen: readonly number[]) {
  let pupils = 0;
  let gapPupils = 0;
  let disadvantaged = 0;
  for (const p of chosen) {
    const request = problem.instance.requests[problem.pairRequest[p]];
    const worth = pairWorth(problem.context, request, problem.instance.sessions[problem.pairSession[p]]);
    pupils += request.pupils;
    gapPupils += worth.gapPupilsClosed;
    disadvantaged += worth.gapPupilsClosed * request.disadvantagedShare;
  }
  return { pupils, gapPupils, disadvantaged: Math.round(disadvantaged) };
}

async function solveOnce(method: Method, requests: number, sessions: number, timeLimitSec: number): Promise<Outcome> {
  const input = generateMatchingHub(SEED, { requests, sessions });
  const weights = resolveMatchingWeights({});
  let chosen: number[];
  let bound: number | null = null;
  let optimal = false;
  let status = '';
  let buildMs = 0;
  let problem: MatchingProblem;
  const started = performance.now();
  const cpuAtStart = process.cpuUsage();
  let work: number | null = null;
  if (method === 'tandem' || method === 'fallback') {
    // Tandem with HiGHS for its LP relaxation, loaded as the worker's solver thread does (the cold
    // solve pays for loading it, as the HiGHS column's does); the fallback without it
    const linearSolver = method === 'tandem' ? await loadHighs() : undefined;
    const result = solveMatching(input, { linearSolver });
    const ms = performance.now() - started;
    if (method === 'fallback') work = result.stats.work;
    buildMs = result.stats.millis.build;
    problem = buildMatchingProblem(validateMatchingInput(input), weights); // to check the answer independently
    const pairOf = new Map<string, number>();
    for (let p = 0; p < problem.pairCount; p++)
      pairOf.set(`${problem.instance.requests[problem.pairRequest[p]].id}|${problem.instance.sessions[problem.pairSession[p]].id}`, p);
    chosen = result.proposals.map((x) => pairOf.get(`${x.requestId}|${x.sessionId}`) ?? -1);
    bound = result.bound;
    optimal = result.optimal;
    status =
      method === 'fallback'
        ? `heuristic, ${result.unproven?.code ?? 'proven by its bound'}`
        : `${result.optimal ? `optimal (${result.stats.provenBy})` : 'bound'}, ${result.stats.branchNodes} nodes, ${result.stats.cuts} cuts`;
    return finish(ms);
  }
  problem = buildMatchingProblem(validateMatchingInput(input), weights);
  buildMs = performance.now() - started;
  if (method === 'greedy') {
    chosen = greedyFirstFit(problem);
    status = 'heuristic';
  } else {
    const out = await solveWithHighs(problem, timeLimitSec);
    chosen = out.chosen;
    bound = out.bound;
    optimal = out.optimal;
    status = out.status;
  }
  return finish(performance.now() - started);

  function finish(ms: number): Outcome {
    const violations = findViolations(
      problem.context,
      chosen.map((p) => ({ request: problem.pairRequest[p], session: problem.pairSession[p] })),
    ).length;
    return {
      method,
      requests,
      sessions,
      pairs: problem.pairCount,
      ms: Math.round(ms),
      warmMs: 0,
      cpuMs: cpuMsSince(cpuAtStart),
      buildMs: Math.round(buildMs),
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      objective: objectiveOf(problem, chosen),
      bound: bound === null ? null : Math.floor(bound + 1e-6),
      optimal,
      status,
      proposals: chosen.length,
      ...coverage(problem, chosen),
      violations,
      work,
    };
  }
}

function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return Math.round((used.user + used.system) / 1000);
}

/** Cold, then warm: the same hub solved twice in this process; the answer must not change. */
async function runOne(method: Method, requests: number, sessions: number, timeLimitSec: number): Promise<Outcome> {
  const cold = await solveOnce(method, requests, sessions, timeLimitSec);
  const warm = await solveOnce(method, requests, sessions, timeLimitSec);
  if (method !== 'highs' && warm.objective !== cold.objective)
    throw new Error(`${method}: the second solve gave ${warm.objective}, the first ${cold.objective}`);
  return { ...cold, warmMs: warm.ms, cpuMs: warm.cpuMs, peakRssMb: warm.peakRssMb };
}

// ── the parent: sizes × methods, a table, docs/benchmarks.md ───────────────────

function inChild(method: Method, requests: number, sessions: number, timeLimitSec: number): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, ['--child', method, String(requests), String(sessions), String(timeLimitSec)], {
      execArgv: ['-r', join(__dirname, '..', 'register.js')],
    });
    child.once('message', (m) => resolve(m as Outcome));
    child.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`${method} ${requests}×${sessions} exited with ${code}`))));
  });
}

const gp = (points: number) => (points / POINTS_PER_GAP_PUPIL).toLocaleString('en-GB', { maximumFractionDigits: 0 });

function table(rows: Outcome[]): string {
  const head =
    '| requests × sessions | pairs | method | time, cold (ms) | time, warm (ms) | CPU, warm (ms) | peak RSS (MB) | objective (pts) | proven bound | gap to bound | status | fallback work (M pairs looked at) | proposals | pupils | gap pupils | disadvantaged gap pupils | rule breaks |';
  const line = '|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|';
  const body = rows.map((o) => {
    const gap = o.bound === null ? '–' : `${(((o.bound - o.objective) / Math.max(1, o.bound)) * 100).toFixed(3)}%`;
    return `| ${o.requests.toLocaleString('en-GB')} × ${o.sessions.toLocaleString('en-GB')} | ${o.pairs.toLocaleString('en-GB')} | ${o.method} | ${o.ms.toLocaleString('en-GB')} | ${o.warmMs.toLocaleString('en-GB')} | ${o.cpuMs.toLocaleString('en-GB')} | ${o.peakRssMb} | ${o.objective.toLocaleString('en-GB')} | ${o.bound === null ? '–' : o.bound.toLocaleString('en-GB')} | ${gap} | ${o.status} | ${o.work === null ? '–' : (o.work / 1e6).toFixed(1)} | ${o.proposals} | ${o.pupils.toLocaleString('en-GB')} | ${o.gapPupils.toLocaleString('en-GB')} | ${o.disadvantaged.toLocaleString('en-GB')} | ${o.violations} |`;
  });
  return [head, line, ...body].join('\n');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--child') {
    const outcome = await runOne(args[1] as Method, Number(args[2]), Number(args[3]), Number(args[4]));
    process.send?.(outcome, () => process.exit(0));
    return;
  }
  const option = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const sizes = (option('--sizes') ?? '250x1000,500x2000,1000x4000,2000x8000,3500x14000,5000x20000')
    .split(',')
    .map((s) => s.split('x').map(Number) as [number, number]);
  const timeLimitSec = Number(option('--time-limit') ?? 60);
  const loadAtStart = loadavg()[0];
  const rows: Outcome[] = [];
  for (const [requests, sessions] of sizes) {
    for (const method of ['tandem', 'fallback', 'highs', 'greedy'] as const) {
      const o = await inChild(method, requests, sessions, timeLimitSec);
      rows.push(o);
      console.log(
        `${requests}×${sessions} ${o.pairs} pairs  ${method.padEnd(8)} ${String(o.ms).padStart(7)} ms cold ${String(o.warmMs).padStart(7)} ms warm ${String(o.cpuMs).padStart(7)} ms CPU  ${String(o.peakRssMb).padStart(5)} MB  objective ${o.objective} (${gp(o.objective)} gap-pupil units)  bound ${o.bound ?? '–'}  ${o.status}${o.work === null ? '' : `  work ${(o.work / 1e6).toFixed(1)}M`}  gap pupils ${o.gapPupils}  disadvantaged ${o.disadvantaged}  breaks ${o.violations}`,
      );
    }
  }
  const markdown = `${table(rows)}\n\n${ratios(rows)}`;
  console.log(`\n${markdown}`);
  if (args.includes('--write')) writeSection(markdown, timeLimitSec, loadAtStart);
}

/** Per size, Tandem against the others as measured in this run. */
function ratios(rows: Outcome[]): string {
  const out = [
    '| requests × sessions | HiGHS time ÷ Tandem time, cold | HiGHS time ÷ Tandem time, warm | HiGHS CPU ÷ Tandem CPU, warm | Tandem objective − HiGHS objective (pts) | Tandem gap pupils ÷ greedy gap pupils | fallback objective ÷ Tandem objective |',
    '|---|---:|---:|---:|---:|---:|---:|',
  ];
  for (const t of rows.filter((o) => o.method === 'tandem')) {
    const same = (m: Method) => rows.find((o) => o.method === m && o.requests === t.requests && o.sessions === t.sessions);
    const h = same('highs');
    const g = same('greedy');
    const f = same('fallback');
    const size = `${t.requests.toLocaleString('en-GB')} × ${t.sessions.toLocaleString('en-GB')}`;
    out.push(
      `| ${size} | ${h ? (h.ms / Math.max(1, t.ms)).toFixed(2) : '–'} | ${h ? (h.warmMs / Math.max(1, t.warmMs)).toFixed(2) : '–'} | ${h ? (h.cpuMs / Math.max(1, t.cpuMs)).toFixed(2) : '–'} | ${h ? (t.objective - h.objective).toLocaleString('en-GB') : '–'} | ${g ? (t.gapPupils / Math.max(1, g.gapPupils)).toFixed(3) : '–'} | ${f ? (f.objective / Math.max(1, t.objective)).toFixed(3) : '–'} |`,
    );
  }
  return out.join('\n');
}

function writeSection(markdown: string, timeLimitSec: number, loadAtStart: number): void {
  const file = join(__dirname, '..', '..', 'docs', 'benchmarks.md');
  const start = '<!-- matching:start -->';
  const end = '<!-- matching:end -->';
  const machine = `${cpus().length} cores (nproc), ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GB RAM, Node ${process.version}; 1-minute load average ${loadAtStart.toFixed(1)} at the start of the run and ${loadavg()[0].toFixed(1)} at its end`;
  const section = [
    start,
    '## Matching (`npm run bench:matching`)',
    '',
    `Run on ${wallClock.now().toISOString().slice(0, 10)}, ${machine}. Hubs from \`generateMatchingHub(${SEED}, size)\` (one spring term, Greater Manchester towns); default weights; Tandem as the worker runs it (HiGHS for its LP relaxation and to finish its branch-and-bound; default deterministic limits: ${DEFAULT_MAX_BRANCH_NODES} branch nodes, no clock), "fallback" as Tandem answers when HiGHS fails to load (greedy with local repair, unproven; at most ${(DEFAULT_MAX_WORK / 1e6).toFixed(0)} M pairs looked at), HiGHS alone on the plain MIP with a ${timeLimitSec} s time limit. Time is end to end for Tandem (loading HiGHS on the cold solve, validation, candidate pairs, solve, explanations) and build + solve (and loading, cold) for the others, cold (the first solve in a fresh process) and warm (the same hub again in that process, as in the long-lived worker), and the warm solve's CPU time (user + system: steadier than wall time when other jobs share the cores); peak RSS after both; objective in points (100 per gap pupil, fairness penalties subtracted); every answer re-checked by \`findViolations\` ("rule breaks").`,
    '',
    markdown,
    end,
  ].join('\n');
  let text = existsSync(file)
    ? readFileSync(file, 'utf8')
    : '# Benchmarks\n\nMeasured numbers, one section per benchmark. Each section says the machine and the date it was run on.\n';
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  text = from >= 0 && to > from ? `${text.slice(0, from)}${section}${text.slice(to + end.length)}` : `${text.trimEnd()}\n\n${section}\n`;
  writeFileSync(file, text);
  console.log(`wrote ${file}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
