import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * Issue 19, finding 3: the import-boundary rule switched itself off when the Nx project graph was
 * missing, and a platform → features import passed lint. These plant real files with imports into
 * the tree, run the same eslint `npm run lint` runs, and expect it to refuse the wrong-way ones (and
 * to accept the right-way control, so the test can tell a refusal from eslint being broken).
 */

const ROOT = join(__dirname, '..', '..');
const run = promisify(execFile);
const planted: string[] = [];

interface LintResult {
  code: number;
  output: string;
}

async function nx(args: string[]): Promise<void> {
  await run(join(ROOT, 'node_modules/.bin/nx'), args, { cwd: ROOT, env: { ...process.env, NX_DAEMON: 'false' } });
}

async function lint(file: string, env: NodeJS.ProcessEnv = {}): Promise<LintResult> {
  try {
    const { stdout, stderr } = await run(join(ROOT, 'node_modules/.bin/eslint'), ['--max-warnings', '0', file], {
      cwd: ROOT,
      env: { ...process.env, ...env },
    });
    return { code: 0, output: stdout + stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof err.code === 'number' ? err.code : 1, output: `${err.stdout ?? ''}${err.stderr ?? ''}` };
  }
}

/** A file inside a project's folder (so Nx counts it as that project's), removed after the test. */
function plant(dir: string, source: string): string {
  const file = join(dir, `lint-probe-${randomBytes(4).toString('hex')}.ts`);
  writeFileSync(join(ROOT, file), source);
  planted.push(join(ROOT, file));
  return file;
}

beforeAll(async () => {
  await nx(['show', 'projects']); // what `npm run lint` does first: a fresh cached graph
}, 120_000);

afterAll(() => {
  for (const file of planted) rmSync(file, { force: true });
});

describe('lint refuses wrong-way imports', () => {
  it('accepts an import down the layers (control)', async () => {
    const file = plant('libs/platform/src', "import { DomainError } from '@tandem/domain';\n\nexport const probe = DomainError;\n");
    const result = await lint(file);
    expect(result).toEqual({ code: 0, output: '' });
  }, 60_000);

  const wrongWay: Array<[what: string, dir: string, source: string, expected: RegExp]> = [
    [
      'platform → features',
      'libs/platform/src',
      "import { API_FEATURE_MODULES } from '@tandem/features';",
      /@nx\/enforce-module-boundaries/,
    ],
    [
      'a feature using one it may not (auth → schools)',
      'libs/features/src/auth',
      "import { SchoolsModule } from '@tandem/features/schools';",
      /feature:auth.*can only depend on/,
    ],
    [
      'a feature cycle (bookings → ledger while the ledger uses bookings)',
      'libs/features/src/bookings',
      "import { LedgerModule } from '@tandem/features/ledger';",
      /Circular dependency between "feature-bookings" and "feature-ledger"/,
    ],
    [
      'a relative path into another feature (the seam is the alias, not a deep import)',
      'libs/features/src/notifications',
      "import { BookingNoticeComposer } from '../bookings/mail/composers/booking-notice.composer';",
      /@nx\/enforce-module-boundaries/,
    ],
  ];
  it.each(wrongWay)(
    'fails on %s',
    async (_what, dir, importLine, expected) => {
      const name = /import \{ (\w+) \}/.exec(importLine)?.[1];
      const file = plant(dir, `${importLine}\n\nexport const probe = ${name};\n`);
      const result = await lint(file);
      expect(result.code).not.toBe(0);
      expect(result.output).toMatch(expected);
    },
    60_000,
  );

  it('fails, rather than skipping the rule, when there is no project graph', async () => {
    const file = plant(
      'libs/platform/src',
      "import { API_FEATURE_MODULES } from '@tandem/features';\n\nexport const probe = API_FEATURE_MODULES;\n",
    );
    const empty = mkdtempSync(join(tmpdir(), 'tandem-no-nx-graph-'));
    try {
      const result = await lint(file, { NX_WORKSPACE_DATA_DIRECTORY: empty });
      expect(result.code).not.toBe(0);
      expect(result.output).toContain('No cached Nx project graph');
      expect(result.output).not.toContain('will be skipped');
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  }, 60_000);
});
