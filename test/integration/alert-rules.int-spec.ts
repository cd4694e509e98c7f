/**
 * The alert rules on-call relies on (infra/prometheus/alerts.yml): valid for Prometheus, each one
 * firing on the numbers it is for and quiet below them (`promtool test rules`), and each pointing
 * at a runbook section that exists in docs/operations.md. That every metric they use is really
 * served is checked in metrics.int-spec.ts.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
const DIR = path.join(ROOT, 'infra', 'prometheus');

function promtool(...args: string[]): { status: number | null; output: string } {
  const run = spawnSync('promtool', args, { cwd: DIR, encoding: 'utf8' });
  if (run.error) throw new Error(`promtool is missing (infra/scripts/ensure-services.sh installs it): ${run.error.message}`);
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

it('promtool accepts the rules', () => {
  const check = promtool('check', 'rules', 'alerts.yml');
  expect(check.output).toContain('SUCCESS');
  expect(check.status).toBe(0);
});

it("the rules' unit tests pass: each alert fires on its numbers, after its delay, and not below", () => {
  const test = promtool('test', 'rules', 'alerts.test.yml');
  expect(test.output).toContain('SUCCESS');
  expect(test.status).toBe(0);
});

it('every alert has a runbook section in docs/operations.md', () => {
  const rules = readFileSync(path.join(DIR, 'alerts.yml'), 'utf8');
  const alerts = [...rules.matchAll(/- alert: (\w+)/g)].map((m) => m[1] as string);
  const runbooks = [...rules.matchAll(/runbook: docs\/operations\.md#(\w+)/g)].map((m) => m[1] as string);
  expect(alerts.length).toBeGreaterThanOrEqual(10);
  expect(runbooks).toEqual(alerts.map((a) => a.toLowerCase()));
  const headings = new Set(
    [...readFileSync(path.join(ROOT, 'docs', 'operations.md'), 'utf8').matchAll(/^#{2,4} (\S+)/gm)].map((m) =>
      (m[1] as string).toLowerCase(),
    ),
  );
  expect(alerts.filter((a) => !headings.has(a.toLowerCase()))).toEqual([]);
});
