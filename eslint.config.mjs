// Lint is where the architecture's arrows are enforced: an import that goes the wrong way
// (e.g. domain -> persistence, platform -> features, admin -> api code) fails `npm run lint`.
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

export default [
  { ignores: ['**/node_modules/**', '**/dist/**', 'tmp/**', '.nx/**', 'apps/admin/src/gql/**'] },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain'] },
            { sourceTag: 'type:persistence', onlyDependOnLibsWithTags: ['type:domain'] },
            { sourceTag: 'type:platform', onlyDependOnLibsWithTags: ['type:domain', 'type:persistence'] },
            { sourceTag: 'type:features', onlyDependOnLibsWithTags: ['type:domain', 'type:persistence', 'type:platform'] },
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:features', 'type:platform', 'type:domain'] },
            { sourceTag: 'type:web', onlyDependOnLibsWithTags: ['type:web'] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Pure domain code must not reach for frameworks or I/O.
    files: ['libs/domain/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['@nestjs/*', 'typeorm', 'pg', 'bullmq', 'ioredis', 'nodemailer', 'node:*', 'fs', 'http'] }],
    },
  },
];
