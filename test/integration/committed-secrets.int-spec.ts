import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AppConfig, ConfigError, SECRET_KEY_VARIABLES, SECRET_URL_VARIABLES } from '@tandem/platform';
import { createTestDatabase, type TestDatabase } from '@tandem/test-support';

/**
 * Finding 1 of issue 14: production accepted a secret committed in the repository. This collects
 * every secret-like value committed anywhere (scripts, compose, manifests, tests, docs) and proves
 * that production start-up refuses each one in every place a secret can be given. A new committed
 * value that the rules would let through fails this test: remove it, or add its fingerprint to
 * libs/platform/src/config/secrets.ts.
 */

const ROOT = join(__dirname, '..', '..');
const SKIP = /(^|\/)(package-lock\.json|.*\.(png|jpe?g|gif|ico|svg|woff2?|pdf))$/;

/** Names that hold secrets, in env files, YAML, shell and code alike. */
const NAMED =
  /\b([A-Za-z_][A-Za-z0-9_]*(?:SECRET|KEYS?|PASSWORD|PASSWD|TOKEN)[A-Za-z0-9_]*)\b["']?\s*[:=]\s*(?:(["'`])([^"'`\n]*)\2|([^\s"'`#,;})]+))/g;
/** user:password@ in any URL. */
const URL_PASSWORD = /[a-z][a-z0-9+.-]*:\/\/[^\s:/@'"`]*:([^\s@/'"`]+)@/gi;
/** password: '…' / password = "…" in code and tests (user passwords, fixtures). */
const PASSWORD_LITERAL = /\bpassword\w*["']?\s*[:=]\s*(["'`])([^"'`\n]{4,})\1/gi;

function committedFiles(): string[] {
  return execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' })
    .split('\n')
    .filter((f) => f && !SKIP.test(f))
    .filter((f) => {
      try {
        return statSync(join(ROOT, f)).size < 2_000_000;
      } catch {
        return false; // deleted in the working tree
      }
    });
}

/** Values that are references, not secrets: `${VAR}`, `$(cmd)`, code expressions, empty. */
function isReference(value: string): boolean {
  const code = /[()]|^[A-Za-z_$][\w$]*(\.[\w$]+)+$|^[a-z]+[A-Z]\w*$/; // a call, a property path, a camelCase name
  return /^\$|^<|^\[|^\{|^(true|false|null|undefined|string|number)$/.test(value) || code.test(value) || value.length < 3;
}

export function collectCommittedSecrets(): Map<string, string> {
  const found = new Map<string, string>(); // value → first file it was seen in
  const add = (value: string, file: string): void => {
    const v = value.trim();
    if (!isReference(v) && !found.has(v)) found.set(v, file);
  };
  for (const file of committedFiles()) {
    const text = readFileSync(join(ROOT, file), 'utf8');
    for (const m of text.matchAll(NAMED)) {
      const value = (m[3] ?? m[4]) as string;
      add(value, file);
      // a key ring (id:secret,id:secret): each secret on its own too
      for (const part of value.split(',')) if (part.includes(':')) add(part.slice(part.indexOf(':') + 1), file);
    }
    for (const m of text.matchAll(URL_PASSWORD)) add(decodeURIComponent(m[1] as string), file);
    for (const m of text.matchAll(PASSWORD_LITERAL)) add(m[2] as string, file);
  }
  return found;
}

const random = (): string => randomBytes(36).toString('base64url');
function productionEnv(): Record<string, string> {
  return {
    NODE_ENV: 'production',
    ACCESS_TOKEN_KEYS: `a1:${random()}`,
    LINK_KEYS: `l1:${random()}`,
    DATABASE_URL: `postgres://tandem_app:${random()}@db.internal:5432/tandem`,
    DATABASE_OWNER_URL: `postgres://tandem_owner:${random()}@db.internal:5432/tandem`,
    REDIS_URL: `redis://:${random()}@redis.internal:6379`,
    SMTP_URL: `smtp://mailer:${random()}@smtp.internal:587`,
    PUBLIC_APP_URL: 'https://app.tandem.example.org',
    PUBLIC_API_URL: 'https://api.tandem.example.org',
  };
}

/** Each place a secret can be given, with the value put there. */
function slotsFor(value: string): Array<{ variable: string; env: Record<string, string> }> {
  const keySlots = SECRET_KEY_VARIABLES.map((variable) => ({ variable, env: { ...productionEnv(), [variable]: `k1:${value}` } }));
  const urlSlots = SECRET_URL_VARIABLES.map((variable) => {
    const url = new URL(productionEnv()[variable] as string);
    url.username = url.username || 'user';
    url.password = encodeURIComponent(value);
    return { variable, env: { ...productionEnv(), [variable]: url.toString() } };
  });
  return [...keySlots, ...urlSlots];
}

function refusal(env: Record<string, string>): string | null {
  try {
    AppConfig.fromEnv(env);
    return null;
  } catch (e) {
    if (e instanceof ConfigError) return e.problems.join('\n');
    throw e;
  }
}

describe('committed secrets are refused in production (issue 14, finding 1)', () => {
  const secrets = collectCommittedSecrets();

  it('finds the values the attack used, so the scan is not blind', () => {
    // The key that minted a hub-admin token in the attack, now gone from the repository: the scan
    // must still find the kinds of value it was (a named secret, a URL password, a test password).
    const values = [...secrets.keys()];
    expect(values).toContain('tandem_app'); // DATABASE_URL passwords in scripts and compose
    expect(values).toContain('correct horse battery staple'); // the fixtures' password
    expect(values.some((v) => v.startsWith('dev-access-'))).toBe(true); // the development key ring
    expect(secrets.size).toBeGreaterThan(20);
  });

  it('production start-up refuses every one of them in every secret slot', () => {
    expect(refusal(productionEnv())).toBeNull(); // the baseline starts
    const accepted: string[] = [];
    for (const [value, file] of secrets) {
      for (const { variable, env } of slotsFor(value)) {
        const problems = refusal(env);
        if (!problems || !problems.includes(variable)) accepted.push(`${variable} accepted "${value}" (committed in ${file})`);
      }
    }
    expect(accepted).toEqual([]);
  });

  it('the real processes refuse to start: API and worker with a committed key, seeding at all', async () => {
    const committedKey = [...secrets.keys()].find((v) => v.startsWith('dev-access-')) as string;
    const run = (script: string, env: Record<string, string>): Promise<{ code: number | null; output: string }> =>
      new Promise((resolve) => {
        const child = spawn(process.execPath, ['-r', './scripts/register.js', script], {
          cwd: ROOT,
          env: { PATH: process.env['PATH'] ?? '', ...env },
        });
        let output = '';
        child.stdout.on('data', (d: Buffer) => (output += d.toString()));
        child.stderr.on('data', (d: Buffer) => (output += d.toString()));
        child.on('exit', (code) => resolve({ code, output }));
      });
    const env = { ...productionEnv(), ACCESS_TOKEN_KEYS: `dev:${committedKey}` };
    for (const script of ['apps/api/src/main.ts', 'apps/worker/src/main.ts']) {
      const { code, output } = await run(script, env);
      expect(code).toBe(1);
      // One JSON line on stderr listing the invalid settings (issue 15: JSON for everything).
      const refusal = JSON.parse(output.trim().split('\n').pop() as string) as { level: string; msg: string; problems: string[] };
      expect(refusal).toMatchObject({ level: 'fatal', msg: 'invalid configuration' });
      expect(refusal.problems.join('\n')).toMatch(/ACCESS_TOKEN_KEYS key "dev" is committed in the repository/);
    }
    let db: TestDatabase | undefined;
    try {
      db = await createTestDatabase();
      const seed = await run('scripts/seed.ts', { NODE_ENV: 'production', DATABASE_URL: db.appUrl });
      expect(seed.code).toBe(1);
      expect(seed.output).toMatch(/seed: refused: NODE_ENV is production/);
      expect(await db.appDataSource.query('select count(*)::int as n from users')).toEqual([{ n: 0 }]);
    } finally {
      await db?.drop();
    }
  }, 120_000);
});
