// Sums the results of every check `npm test` ran and prints one line per suite, then exactly
// `N passed, N failed` as the last line. Exits 1 if anything failed, or if no test ran at all.
//
//   node scripts/summarize-results.mjs \
//     --gate lint=0 --gate typecheck=2 \
//     --jest "jest unit=tmp/jest-unit.json:0" --jest "jest integration=tmp/jest-integration.json:1" \
//     --vitest "vitest admin=tmp/vitest-results.json:0"
//
// Counting rules (honest, and printed with the totals):
// - tests: every passed / failed test from the JSON reports (skipped and todo are shown, not counted);
// - a test file that crashed or failed to load (no test failed inside it, but the file did) counts as
//   1 failed, so a broken suite can never disappear from the totals;
// - a runner that exited non-zero without writing its report, or with no failure recorded in it,
//   counts as 1 failed;
// - each gate (lint, typecheck) counts as 1 check: 1 passed if its command exited 0, else 1 failed;
// - a runner that was skipped (e.g. no admin app yet) counts nothing and says so.
import { existsSync, readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const entries = [];
for (let i = 0; i < args.length; i += 2) {
  const kind = args[i].replace(/^--/, '');
  const value = args[i + 1] ?? '';
  entries.push({ kind, value });
}

let passed = 0;
let failed = 0;
let testsRun = 0;
const lines = [];

function parseRunner(value) {
  // "<name>=<file>:<exitCode>" where exitCode may be "skip"
  const eq = value.indexOf('=');
  const name = value.slice(0, eq);
  const rest = value.slice(eq + 1);
  const colon = rest.lastIndexOf(':');
  return { name, file: rest.slice(0, colon), exit: rest.slice(colon + 1) };
}

for (const { kind, value } of entries) {
  if (kind === 'gate') {
    const [name, code] = value.split('=');
    if (code === 'skip') {
      lines.push(`${name}: skipped`);
    } else if (code === '0') {
      passed += 1;
      lines.push(`${name}: passed (counted as 1 passed check)`);
    } else {
      failed += 1;
      lines.push(`${name}: FAILED, exit ${code} (counted as 1 failed check)`);
    }
    continue;
  }
  if (kind !== 'jest' && kind !== 'vitest') {
    console.error(`summarize-results: unknown option --${kind}`);
    process.exit(2);
  }
  const { name, file, exit } = parseRunner(value);
  if (exit === 'skip') {
    lines.push(`${name}: skipped (${file})`);
    continue;
  }
  if (!existsSync(file)) {
    failed += 1;
    lines.push(`${name}: FAILED to run, exit ${exit}, no report at ${file} (counted as 1 failed)`);
    continue;
  }
  let report;
  try {
    report = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    failed += 1;
    lines.push(`${name}: FAILED, unreadable report ${file}: ${e.message} (counted as 1 failed)`);
    continue;
  }
  const p = report.numPassedTests ?? 0;
  const f = report.numFailedTests ?? 0;
  const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  // Files that failed without a failing test inside: load errors, crashes, failing hooks.
  const brokenFiles = (report.testResults ?? []).filter((r) => {
    const failingInside = (r.assertionResults ?? []).some((a) => a.status === 'failed');
    return (r.status === 'failed' || r.testExecError) && !failingInside;
  });
  let extra = brokenFiles.length;
  const notes = [];
  for (const r of brokenFiles) {
    const msg = (r.testExecError?.message ?? r.message ?? r.failureMessage ?? '').split('\n').find((l) => l.trim()) ?? '';
    notes.push(`    broken file: ${r.name} ${msg.trim().slice(0, 200)}`);
  }
  if (exit !== '0' && f === 0 && extra === 0) {
    extra = 1;
    notes.push(`    exited ${exit} with no failure recorded in its report (counted as 1 failed)`);
  }
  passed += p;
  failed += f + extra;
  testsRun += p + f;
  const files = report.numTotalTestSuites ?? (report.testResults ?? []).length;
  lines.push(
    `${name}: ${p} passed, ${f} failed` +
      (brokenFiles.length ? `, ${brokenFiles.length} file(s) failed to run` : '') +
      (skipped ? `, ${skipped} skipped` : '') +
      ` (${files} file(s))`,
  );
  lines.push(...notes);
}

if (testsRun === 0) {
  failed += 1;
  lines.push('no test ran at all (counted as 1 failed)');
}

console.log('');
console.log('Summary (gates count as one check each; a file or runner that crashed counts as one failure):');
for (const l of lines) console.log(`  ${l}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
