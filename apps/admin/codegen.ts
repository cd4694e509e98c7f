/**
 * GraphQL Code Generator for the admin app (`npm run codegen`): `scripts/print-schema.ts` writes the
 * API's live schema to apps/admin/schema.graphql, then every `graphql(`…`)` operation under src/ is
 * checked against it and typed into src/gql/ (client preset, documents as typed strings for our
 * fetch client: no GraphQL runtime in the browser).
 *
 * The schema file and src/gql/ are committed on purpose: they are small and reviewable (a change of
 * the API shows up as a diff the reviewer reads), and the app's typecheck, tests and build need no
 * running API or database. Re-run `npm run codegen` after the API's schema changes.
 */
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'apps/admin/schema.graphql',
  documents: ['apps/admin/src/**/*.{ts,tsx}', '!apps/admin/src/gql/**'],
  ignoreNoDocuments: false,
  generates: {
    'apps/admin/src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        documentMode: 'string',
        enumsAsTypes: true,
        useTypeImports: true,
        skipTypename: true,
        avoidOptionals: { field: true, inputValue: false, object: false },
        scalars: { DateTime: 'string', CalendarDate: 'string' },
      },
    },
  },
};

export default config;
