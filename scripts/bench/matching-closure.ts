/**
 * `npm run bench:matching-closure`: how often the exact (LP) path fails to close. Solves many
 * generated hubs of every size (`generateMatchingHub(seed, size)`, the generator the tests and
 * `bench:matching` use), each with the default weights and with a stricter set (dearer travel, a
 * steeper fairness penalty), as the worker's solver thread does (HiGHS loaded once), and counts
 * where each was proven optimal: at the LP root with its cuts, in the short LP dive, in HiGHS's
 * branch-and-cut, or not at all (a bound left open, or no LP answer at the root). Every answer is
 * re-checked by `findViolations`.
 *
 * Options: `--quick` (a tenth of the seeds, for a smoke run), `--write` (update docs/benchmarks.md).
 */
import type { default as highsLoader } from 'highs';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { generateMatchingHub } from '@tandem/demo-data';
import {
  buildMatchingProblem,
  DEFAULT_MATCHING_WEIGHTS,
  findViolations,
  resolveMatchingWeights,
  solveMatching,
  SystemClock,
  validateMatchingInput,
  type MatchingWeights,
} from '@tandem/domain';

/** Benchmarks run on the machine's clock: they measure now, on this machine. */
const wallClock = new SystemClock();

/** Sizes, small to large, and how many seeds of each (fewer of the big ones: seconds each). */
const SIZES: readonly { requests: number; sessions: number; seeds: number }[] = [
  { requests: 20, sessions: 80, seeds: 40 },
  { requests: 30, sessions: 120, seeds: 40 },
  { requests: 50, sessions: 200, seeds: 30 },
  { requests: 100, sessions: 400, seeds: 30 },
  { requests: 250, sessions: 1000, seeds: 25 },
  { requests: 500, sessions: 2000, seeds: 20 },
  { requests: 1000, sessions: 4000, seeds: 12 },
  { requests: 2000, sessions: 8000, seeds: 8 },
  { requests: 3500, sessions: 14000, seeds: 4 },
  { requests: 5000, sessions: 20000, seeds: 3 },
];

const WEIGHTS: readonly { name: string; weights: MatchingWeights }[] = [
  { name: 'default', weights: DEFAULT_MATCHING_WEIGHTS },
  { name: 'strict', weights: resolveMatchingWeights({ perKm: 2, fairnessStep: 5, fairnessCap: 40 }) },
];

/** A hub with no candidate pair has nothing to solve (its answer is empty, and optimal). */
type Closed = 'no candidate pairs' | 'root' | 'dive' | 'branch-and-cut' | 'bound left open' | 'no LP answer';
const CLOSED: readonly Closed[] = ['no candidate pairs', 'root', 'dive', 'branch-and-cut', 'bound left open', 'no LP answer'];
const HEADINGS: Record<Closed, string> = {
  'no candidate pairs': 'no candidate pairs',
  root: 'proven at the LP root',
  dive: 'proven in the dive',
  'branch-and-cut': "proven in HiGHS's branch-and-cut",
  'bound left open': 'not proven: bound left open',
  'no LP answer': 'not proven: no LP answer at the root',
};

interface Row {
  size: string;
  hubs: number;
  counts: Record<Closed, number>;
  maxMs: number;
  breaks: number;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const quick = args.includes('--quick');
  const linearSolver = await (require('highs') as typeof highsLoader)();
  const loadAtStart = loadavg()[0];
  const rows: Row[] = [];
  const notClosed: string[] = [];
  for (const size of SIZES) {
    const row: Row = {
      size: `${size.requests.toLocaleString('en-GB')} × ${size.sessions.toLocaleString('en-GB')}`,
      hubs: 0,
      counts: { 'no candidate pairs': 0, root: 0, dive: 0, 'branch-and-cut': 0, 'bound left open': 0, 'no LP answer': 0 },
      maxMs: 0,
      breaks: 0,
    };
    const seeds = quick ? Math.max(1, Math.round(size.seeds / 10)) : size.seeds;
    for (let seed = 1; seed <= seeds; seed++) {
      const input = generateMatchingHub(seed, size);
      for (const { name, weights } of WEIGHTS) {
        const started = performance.now();
        const result = solveMatching(input, { weights, linearSolver });
        row.maxMs = Math.max(row.maxMs, performance.now() - started);
        const { candidatePairs, provenBy, method } = result.stats;
        const closed: Closed =
          candidatePairs === 0
            ? 'no candidate pairs'
            : method !== 'lp'
              ? 'no LP answer'
              : provenBy === null || provenBy === 'bound'
                ? 'bound left open'
                : provenBy;
        row.counts[closed]++;
        row.hubs++;
        if (closed === 'bound left open' || closed === 'no LP answer')
          notClosed.push(`${row.size} seed ${seed} ${name}: ${closed}, objective ${result.objective}, bound ${result.bound}`);
        const problem = buildMatchingProblem(validateMatchingInput(input), weights);
        const index = new Map(problem.instance.requests.map((r, i) => [r.id, i]));
        const sessionIndex = new Map(problem.instance.sessions.map((s, i) => [s.id, i]));
        row.breaks += findViolations(
          problem.context,
          result.proposals.map((p) => ({ request: index.get(p.requestId) ?? -1, session: sessionIndex.get(p.sessionId) ?? -1 })),
        ).length;
      }
    }
    rows.push(row);
    console.log(
      `${row.size.padEnd(16)} ${String(row.hubs).padStart(4)} solves  ${CLOSED.map((c) => `${c} ${row.counts[c]}`).join('  ')}  slowest ${Math.round(row.maxMs)} ms  rule breaks ${row.breaks}`,
    );
  }
  const total = (c: Closed) => rows.reduce((s, r) => s + r.counts[c], 0);
  const solves = rows.reduce((s, r) => s + r.hubs, 0);
  const markdown = [
    `| requests × sessions | solves | ${CLOSED.map((c) => HEADINGS[c]).join(' | ')} | slowest solve (ms) | rule breaks |`,
    `|---|---:|${CLOSED.map(() => '---:').join('|')}|---:|---:|`,
    ...rows.map(
      (r) =>
        `| ${r.size} | ${r.hubs} | ${CLOSED.map((c) => r.counts[c]).join(' | ')} | ${Math.round(r.maxMs).toLocaleString('en-GB')} | ${r.breaks} |`,
    ),
    `| **all** | **${solves}** | ${CLOSED.map((c) => `**${total(c)}**`).join(' | ')} | | **${rows.reduce((s, r) => s + r.breaks, 0)}** |`,
  ].join('\n');
  console.log(`\n${markdown}\n`);
  console.log(
    notClosed.length === 0 ? 'Every solve with candidate pairs was proven optimal by the LP path.' : `Not proven:\n${notClosed.join('\n')}`,
  );
  if (args.includes('--write') && !quick)
    writeSection(
      markdown,
      solves,
      rows.reduce((s, r) => s + r.hubs / WEIGHTS.length, 0),
      loadAtStart,
      notClosed,
    );
}

function writeSection(markdown: string, solves: number, hubs: number, loadAtStart: number, notClosed: readonly string[]): void {
  const file = join(__dirname, '..', '..', 'docs', 'benchmarks.md');
  const start = '<!-- matching-closure:start -->';
  const end = '<!-- matching-closure:end -->';
  const machine = `${cpus().length} cores (nproc), ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GB RAM, Node ${process.version}; 1-minute load average ${loadAtStart.toFixed(1)} at the start and ${loadavg()[0].toFixed(1)} at the end`;
  const section = [
    start,
    '### How often the exact path does not close (`npm run bench:matching-closure`)',
    '',
    `Run on ${wallClock.now().toISOString().slice(0, 10)}, ${machine}. ${hubs} hubs from \`generateMatchingHub(seed, size)\` (seeds 1…n per size), each solved with the default weights and with stricter ones (${JSON.stringify(WEIGHTS[1].weights)}): ${solves} solves, HiGHS loaded as the worker's solver thread loads it, default limits. Where each was proven optimal (\`stats.provenBy\`):`,
    '',
    markdown,
    '',
    notClosed.length === 0
      ? 'Every solve with candidate pairs was proven optimal by the LP path; no rule was broken.'
      : `Not proven: ${notClosed.join('; ')}.`,
    end,
  ].join('\n');
  const text = readFileSync(file, 'utf8');
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  const anchor = '### Reading the matching numbers';
  const next =
    from >= 0 && to > from
      ? `${text.slice(0, from)}${section}${text.slice(to + end.length)}`
      : text.includes(anchor)
        ? text.replace(anchor, `${section}\n\n${anchor}`)
        : `${text.trimEnd()}\n\n${section}\n`;
  writeFileSync(file, next);
  console.log(`wrote ${file}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
