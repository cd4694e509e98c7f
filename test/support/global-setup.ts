/**
 * jest globalSetup for the `integration` project: once per run, bootstrap roles (tandem_owner,
 * tandem_app) and rebuild this checkout's template database (`TEMPLATE_DATABASE` in ./db), migrated as tandem_owner.
 * Each test file then clones it with `createTestDatabase()` from ./db.
 *
 * Env: TEST_DATABASE_SUPERUSER_URL (default postgres://postgres@127.0.0.1:5432/postgres).
 */
import 'reflect-metadata';
import * as path from 'node:path';
import { register } from 'tsconfig-paths';

export default async function globalSetup(): Promise<void> {
  // globalSetup is not subject to jest's moduleNameMapper: resolve @tandem/* from tsconfig paths.
  const root = path.join(__dirname, '..', '..');
  const base = require(path.join(root, 'tsconfig.base.json')) as { compilerOptions: { paths: Record<string, string[]> } };
  const unregister = register({ baseUrl: root, paths: base.compilerOptions.paths });
  try {
    const started = performance.now();
    const { prepareTemplateDatabase } = await import('./db');
    await prepareTemplateDatabase();
    if (process.env['DEBUG_TEST_DB']) console.log(`\ntemplate database ready in ${performance.now() - started} ms`);
  } finally {
    unregister();
  }
}
