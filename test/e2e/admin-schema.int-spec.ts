/**
 * The admin app's committed schema (apps/admin/schema.graphql, which its typed operations in
 * src/gql/ are generated from) is the API's live schema. When this fails the API changed: run
 * `npm run codegen`, then `npm run typecheck` to see every page the change touches.
 */
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { startTestApi, type TestApi } from '@tandem/api-testing';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
});

afterAll(() => api?.close());

it('apps/admin/schema.graphql is the schema the API serves (else: npm run codegen)', () => {
  const live = `${printSchema(lexicographicSortSchema(api.app.get(GraphQLSchemaHost).schema))}\n`;
  const committed = readFileSync(path.join(__dirname, '..', '..', 'apps', 'admin', 'schema.graphql'), 'utf8');
  expect(committed).toBe(live);
});
