// `npm run build`: the production build, what the image runs (infra/docker/Dockerfile).
//   1. API, worker and libraries (with the migrate CLI) from TypeScript to CommonJS under <out>/, with SWC:
//      the same transform the tests and `scripts/register.js` use, so decorator metadata is kept.
//      The @tandem/* aliases become relative paths, so `node <out>/apps/api/src/main.js` needs no
//      loader. Types are checked by `npm run typecheck`, not here (SWC only strips them).
//   2. The admin app with `vite build` into <out>/apps/admin (static files the API serves).
//
//   node scripts/build.mjs [--out dist] [--server-only | --admin-only]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformFile } from '@swc/core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const out = resolve(root, args.includes('--out') ? args[args.indexOf('--out') + 1] : 'dist');
const server = !args.includes('--admin-only');
const admin = !args.includes('--server-only');

/** The product's own aliases from tsconfig.base.json: every @tandem/* but the test harnesses. */
const { paths } = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8')).compilerOptions;
const productPaths = Object.fromEntries(Object.entries(paths).filter(([alias]) => !/testing|test-support/.test(alias)));
/** Sources the running product needs: the two apps and every library an alias names (no tests, no harnesses). */
const SOURCE_DIRS = [
  'apps/api/src',
  'apps/worker/src',
  ...new Set(Object.values(productPaths).map(([target]) => target.replace(/^(libs\/[^/]+\/src)\/.*$/, '$1'))),
];
const isSource = (file) =>
  file.endsWith('.ts') && !file.endsWith('.d.ts') && !/\.(spec|int-spec|test)\.ts$/.test(file) && !file.split('/').includes('testing');

function walk(dir) {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(`${dir}/${e.name}`) : [`${dir}/${e.name}`],
  );
}

async function buildServer() {
  const started = performance.now();
  for (const dir of ['apps/api', 'apps/worker', 'libs']) rmSync(join(out, dir), { recursive: true, force: true });
  const swcrc = JSON.parse(readFileSync(join(root, '.swcrc'), 'utf8'));
  delete swcrc.$schema;
  const files = SOURCE_DIRS.flatMap(walk).filter(isSource);
  await Promise.all(
    files.map(async (file) => {
      const target = join(out, file.replace(/\.ts$/, '.js'));
      const { code, map } = await transformFile(join(root, file), {
        ...swcrc,
        swcrc: false,
        configFile: false,
        sourceMaps: true,
        outputPath: target,
        jsc: { ...swcrc.jsc, baseUrl: root, paths: productPaths },
      });
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, `${code}\n//# sourceMappingURL=${target.split('/').pop()}.map\n`);
      if (map) writeFileSync(`${target}.map`, map);
    }),
  );
  // A leftover alias, or a relative require of something not built, would fail only at run time, in
  // production: refuse the build instead.
  for (const file of files) {
    const target = join(out, file.replace(/\.ts$/, '.js'));
    const code = readFileSync(target, 'utf8');
    const alias = /require\("(@tandem\/[^"]+)"\)/.exec(code);
    if (alias) throw new Error(`${file}: ${alias[1]} was not rewritten to a relative path`);
    for (const [, rel] of code.matchAll(/require\("(\.{1,2}\/[^"]*)"\)/g)) {
      const base = resolve(dirname(target), rel);
      if (![base, `${base}.js`, `${base}.json`, join(base, 'index.js')].some((f) => existsSync(f) && statSync(f).isFile())) {
        throw new Error(`${file}: require("${rel}") names nothing in the build`);
      }
    }
  }
  console.log(`build: ${files.length} files compiled into ${relative(root, out) || '.'}/ in ${Math.round(performance.now() - started)} ms`);
}

function buildAdmin() {
  const vite = join(root, 'node_modules', '.bin', 'vite');
  const result = spawnSync(
    vite,
    ['build', '--config', 'apps/admin/vite.config.mts', '--outDir', join(out, 'apps', 'admin'), '--emptyOutDir', '--logLevel', 'warn'],
    { cwd: root, stdio: 'inherit' },
  );
  if (result.status !== 0) throw new Error(`vite build failed (exit ${result.status})`);
  console.log(`build: admin app built into ${relative(root, join(out, 'apps', 'admin'))}/`);
}

try {
  if (server) await buildServer();
  if (admin) buildAdmin();
} catch (e) {
  console.error(`build failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
