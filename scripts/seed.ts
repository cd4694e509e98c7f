/**
 * `npm run seed` — loads the demo hub (see libs/features/src/demo/demo-seed.ts) and writes the demo
 * log-ins to .tandem/demo-logins.txt. Connects as the app role (DATABASE_URL), so RLS applies.
 *
 *   npm run seed                     # skipped when the demo hub already exists
 *   npm run seed -- --date 2026-11-25   # pin "today" (default: today in Europe/London)
 * To start again from nothing: `npm run dev -- --reset`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SystemClock, toCalendarDate } from '@tandem/domain';
import { DEMO_SLUG, formatDemoLogins, seedDemoHub } from '@tandem/features';
import { createDataSource, SystemDb } from '@tandem/persistence';

async function main(argv: string[]): Promise<void> {
  // Demo users share a published password: never in production, whatever the database holds.
  if (process.env['NODE_ENV'] === 'production') {
    console.error('seed: refused: NODE_ENV is production (demo data has published passwords)');
    process.exitCode = 1;
    return;
  }
  const dateArg = argv.includes('--date') ? argv[argv.indexOf('--date') + 1] : undefined;
  const clock = new SystemClock();
  const referenceDate = toCalendarDate(dateArg ?? clock.today(), '--date');
  const url = process.env['DATABASE_URL'] || 'postgres://tandem_app:tandem_app@127.0.0.1:5432/tandem';
  const ds = await createDataSource({ url, role: 'app', applicationName: 'tandem-seed' }).initialize();
  try {
    if (await new SystemDb(ds, clock).tenantBySlug(DEMO_SLUG)) {
      console.log(`seed: the demo hub "${DEMO_SLUG}" already exists (npm run dev -- --reset starts again)`);
      return;
    }
    const started = performance.now();
    const result = await seedDemoHub(ds, { clock, referenceDate });
    const dir = join(__dirname, '..', '.tandem');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'demo-logins.txt'), formatDemoLogins(result));
    const counts = Object.entries(result.counts)
      .map(([k, v]) => `${v} ${k}`)
      .join(', ');
    console.log(`seed: demo hub "${result.slug}" loaded in ${((performance.now() - started) / 1000).toFixed(1)} s: ${counts}`);
  } finally {
    await ds.destroy();
  }
}

main(process.argv.slice(2)).catch((e: unknown) => {
  console.error('seed failed:', e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
