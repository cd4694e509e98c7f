/**
 * The admin app's committed schema (apps/admin/schema.graphql, which its typed operations in
 * src/gql/ are generated from) is the API's live schema. When this fails the API changed: run
 * `npm run codegen`, then `npm run typecheck` to see every page the change touches.
 */
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { startTestApi, type TestApi } from '@tandem/api-testing';
import { BOOKING_STATES } from '@tandem/domain';
import { isEnumType, isObjectType, lexicographicSortSchema, printSchema } from 'graphql';
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

it('every value the API answers from a fixed list is a GraphQL enum, not a string documented "One of" (issue 19)', () => {
  const schema = api.app.get(GraphQLSchemaHost).schema;
  const stringly: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (/\bOne of:/.test(field.description ?? '')) stringly.push(`${type.name}.${field.name}`);
    }
  }
  expect(stringly).toEqual([]);
  // The enums carry the domain's spelling, so the wire values are what they were.
  const bookingState = schema.getType('BookingState');
  expect(
    isEnumType(bookingState) &&
      bookingState
        .getValues()
        .map((v) => v.value)
        .sort(),
  ).toEqual([...BOOKING_STATES].sort());
});
