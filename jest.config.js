// One jest run, two projects: fast unit specs beside the code, and integration specs that talk to
// real PostgreSQL, Redis and an in-process SMTP server (see test/support/).
const swc = [
  '@swc/jest',
  {
    swcrc: false,
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];
const moduleNameMapper = {
  '^@tandem/domain$': '<rootDir>/libs/domain/src/index.ts',
  '^@tandem/demo-data$': '<rootDir>/libs/demo-data/src/index.ts',
  '^@tandem/persistence$': '<rootDir>/libs/persistence/src/index.ts',
  '^@tandem/platform$': '<rootDir>/libs/platform/src/index.ts',
  '^@tandem/platform/tracing$': '<rootDir>/libs/platform/src/tracing/index.ts',
  '^@tandem/features$': '<rootDir>/libs/features/src/index.ts',
  // One Nx project per feature folder (libs/features/src/<feature>/project.json), imported by its alias.
  '^@tandem/features/([a-z-]+)$': '<rootDir>/libs/features/src/$1/index.ts',
  '^@tandem/test-support$': '<rootDir>/test/support/index.ts',
  '^@tandem/api-testing$': '<rootDir>/apps/api/src/testing/index.ts',
  '^@tandem/worker-testing$': '<rootDir>/apps/worker/src/testing/index.ts',
};
const common = {
  rootDir: __dirname,
  transform: { '^.+\\.(t|j)sx?$': swc },
  moduleNameMapper,
  testEnvironment: 'node',
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/tmp/'],
  setupFiles: ['reflect-metadata'],
};
// Slow suites (faults with real processes, the tenant-isolation matrix over every operation, the fuzz
// run) have a project of their own: `npm run test:int` stays quick to iterate on, `npm test` runs both.
const SLOW = ['booking-faults', 'redis-down', 'redis-outage-logs', 'tenant-isolation', 'fuzz'].map(
  (name) => `<rootDir>/test/integration/${name}.int-spec.ts`,
);
const integration = {
  ...common,
  testMatch: ['<rootDir>/{apps,libs,test}/**/*.int-spec.ts'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  testTimeout: 60000,
};
module.exports = {
  // Jest reads testTimeout from the global config, not per project: integration hooks start real servers.
  testTimeout: 60000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts', '<rootDir>/scripts/**/*.spec.ts'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/apps/admin/'],
    },
    { ...integration, displayName: 'integration', testPathIgnorePatterns: ['/node_modules/', ...SLOW] },
    { ...integration, displayName: 'slow', testMatch: SLOW },
  ],
};
