// Lint is where the architecture's arrows are enforced: an import that goes the wrong way
// (e.g. domain -> persistence, platform -> features, admin -> api code) fails `npm run lint`.
import { readCachedProjectGraph } from '@nx/devkit';
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

// Without a cached project graph, @nx/enforce-module-boundaries prints "the rule will be skipped" and
// lets every import through (eslint still exits 0). Lint that can switch itself off is no gate, so a
// missing graph fails lint here. `npm run lint` builds the graph first (`nx show projects`).
try {
  readCachedProjectGraph();
} catch (cause) {
  throw new Error(
    'No cached Nx project graph, so import boundaries cannot be checked: run `npx nx show projects` first (npm run lint does).',
    { cause },
  );
}

// Production code follows the arrows; tests (and test harnesses under `testing/`) may also use
// the shared test-support library, which itself may use any layer below the apps.
const layers = {
  'type:domain': ['type:domain'],
  'type:persistence': ['type:domain'],
  'type:platform': ['type:domain', 'type:persistence'],
  // Which feature may use which is narrowed by the `feature:*` tags below.
  'type:features': ['type:domain', 'type:persistence', 'type:platform', 'type:features', 'type:tooling'],
  'type:app': ['type:features', 'type:platform', 'type:domain'],
  // The admin app uses the domain's vocabulary, labels, validators and London clock; nothing else of the backend.
  'type:web': ['type:web', 'type:domain'],
  // Demo and benchmark data generators: built from the domain's vocabulary, imported only by
  // scripts, tests and the demo seed feature (never by product code).
  'type:tooling': ['type:domain'],
  'type:test': ['type:domain', 'type:persistence', 'type:platform', 'type:features'],
  // Cross-app tests (test/integration, test/e2e): drive the apps through their test harnesses.
  'type:e2e': ['type:domain', 'type:persistence', 'type:platform', 'type:features', 'type:app', 'type:test'],
};
// Inside libs/features each folder is its own Nx project tagged `feature:<name>`: a feature may import
// only the features listed here (by alias, `@tandem/features/<name>`), besides the layers below it.
// docs/architecture.md draws the same graph; keep the two in step.
const features = {
  'feature:shared': [],
  'feature:auth': ['feature:shared'],
  'feature:hubs': ['feature:auth', 'feature:schools', 'feature:shared'],
  'feature:employers': ['feature:shared'],
  'feature:offers': ['feature:employers', 'feature:shared'],
  'feature:requests': ['feature:schools', 'feature:shared'],
  'feature:schools': ['feature:shared'],
  'feature:pupils': ['feature:schools', 'feature:shared'],
  'feature:bookings': ['feature:requests', 'feature:employers', 'feature:shared'],
  'feature:ledger': ['feature:bookings', 'feature:schools', 'feature:shared'],
  'feature:matching': ['feature:bookings', 'feature:hubs', 'feature:employers', 'feature:shared'],
  'feature:notifications': ['feature:auth', 'feature:hubs', 'feature:bookings'],
  'feature:demo': ['type:tooling'], // the demo seed: the only product code that may use libs/demo-data
  // Worker-only upkeep: the stuck-job watchdog finishes imports and matching runs; retention purges.
  'feature:recovery': ['feature:matching', 'feature:pupils'],
  'feature:retention': [],
  // libs/features itself: the index and the lists of modules the apps load.
  'feature:composition': ['feature:*'],
};
const BELOW_FEATURES = ['type:domain', 'type:persistence', 'type:platform'];
const layerConstraints = (extra = []) => [
  ...Object.entries(layers).map(([sourceTag, allowed]) => ({ sourceTag, onlyDependOnLibsWithTags: [...allowed, ...extra] })),
  ...Object.entries(features).map(([sourceTag, allowed]) => ({
    sourceTag,
    onlyDependOnLibsWithTags: [...BELOW_FEATURES, ...allowed, ...extra],
  })),
];
const boundaries = (extra, allow = []) => [
  'error',
  {
    enforceBuildableLibDependency: false,
    allow,
    depConstraints: layerConstraints(extra),
    // A library's own integration specs use the harness, which uses the library: not a real cycle.
    // The same for the domain's specs and the demo-data generators they draw hubs from.
    ignoredCircularDependencies: [
      ...['persistence', 'platform', 'features', 'feature-*'].map((lib) => [lib, 'test-support']),
      ['domain', 'demo-data'],
    ],
  },
];

export default [
  { ignores: ['**/node_modules/**', '**/dist/**', 'tmp/**', '.nx/**', 'apps/admin/src/gql/**'] },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@nx/enforce-module-boundaries': boundaries([]),
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // One clock (issue 13): "what time is it" is asked of the product's Clock (the admin app: its
    // clock module), so tests can set it; elapsed time is performance.now(), which names no date.
    files: ['**/*.ts', '**/*.tsx'],
    ignores: ['libs/domain/src/clock.ts', 'apps/admin/src/clock.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'Ask the Clock (clock.now()), or performance.now() for a duration.',
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Ask the Clock (clock.now()); tests set a ManualClock.',
        },
        // SQL too: PostgreSQL's now() is the machine's time; app_now() is the product's clock (set per transaction).
        {
          selector: 'Literal[value=/(^|[^\\w.])(now\\(\\)|current_date|current_timestamp|localtimestamp)/i]',
          message: "SQL asks app_now() (the product's clock), not now() or current_date.",
        },
        {
          selector: 'TemplateElement[value.raw=/(^|[^\\w.])(now\\(\\)|current_date|current_timestamp|localtimestamp)/i]',
          message: "SQL asks app_now() (the product's clock), not now() or current_date.",
        },
      ],
    },
  },
  {
    // Migrations already applied keep the SQL they ran (the one-clock migration moved their defaults to app_now()).
    files: ['libs/persistence/src/migrations/**/*.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // Pure domain code must not reach for frameworks or I/O.
    files: ['libs/domain/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['@nestjs/*', 'typeorm', 'pg', 'bullmq', 'ioredis', 'nodemailer', 'node:*', 'fs', 'http'] },
      ],
    },
  },
  {
    // Only the demo seed feature may use the demo-data generators (besides scripts and tests).
    files: ['libs/features/src/**/*.ts'],
    ignores: ['libs/features/src/demo/**', '**/*.spec.ts', '**/*.int-spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: '@tandem/demo-data', message: 'Demo data is tooling: only the demo seed feature, scripts and tests use it.' }] },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/testing/**/*.ts', 'scripts/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': boundaries(['type:test', 'type:persistence', 'type:tooling']) },
  },
  {
    // Cross-app tests start the real API and worker through their test harnesses (and nothing else of the
    // apps); the operators' scripts they test (scripts/ops) are commands, not a project.
    files: ['test/integration/**/*.ts', 'test/e2e/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': boundaries(
        ['type:test', 'type:persistence', 'type:app'],
        ['@tandem/api-testing', '@tandem/worker-testing', '../../scripts/ops/*'],
      ),
    },
  },
];
