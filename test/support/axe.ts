/**
 * Accessibility check with axe-core inside a real page: injects axe's browser build and runs the
 * WCAG 2.x A/AA rules; the test asserts on the serious and critical violations.
 *
 *   const problems = await seriousA11yViolations(page);
 *   expect(problems).toEqual([]);
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

let axeSource: string | undefined;

export interface A11yViolation {
  id: string;
  impact: string;
  help: string;
  /** CSS selectors of (at most five of) the offending nodes. */
  nodes: string[];
}

export interface A11yReport {
  /** Every rule that ran and passed or failed (for reporting how much was checked). */
  rulesRun: number;
  violations: A11yViolation[];
}

const RULE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export async function runAxe(page: Page): Promise<A11yReport> {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  if (!(await page.evaluate(`'axe' in window`))) await page.addScriptTag({ content: axeSource });
  // Runs in the page (a string: this file is compiled without the DOM's types).
  return page.evaluate(`(async () => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(RULE_TAGS)} }, resultTypes: ['violations'] });
    return {
      rulesRun: result.passes.length + result.violations.length + result.incomplete.length,
      violations: result.violations.map((v) => ({ id: v.id, impact: v.impact || 'unknown', help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.map(String).join(' ')) })),
    };
  })()`) as Promise<A11yReport>;
}

/** The violations a user would be blocked by: impact serious or critical. */
export async function seriousA11yViolations(page: Page): Promise<A11yViolation[]> {
  const report = await runAxe(page);
  return report.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
