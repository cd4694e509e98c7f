/**
 * Every operation the admin app sends fits the query limits (libs/platform/src/graphql/query-limits.ts),
 * and the ones it sends before log-in fit the anonymous budget: tightening a limit or growing a page
 * cannot break the app unnoticed. Reads the committed schema and generated operations (npm run codegen).
 */
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { QUERY_LIMITS, queryLimits } from '@tandem/platform';
import { buildSchema, parse, validate, type GraphQLError } from 'graphql';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

const admin = path.join(__dirname, '..', '..', 'apps', 'admin');
const schema = buildSchema(readFileSync(path.join(admin, 'schema.graphql'), 'utf8'));
const operations = [
  ...readFileSync(path.join(admin, 'src', 'gql', 'gql.ts'), 'utf8').matchAll(/^ {4}"((?:[^"\\]|\\.)*)": typeof types/gm),
].map((m) => JSON.parse(`"${m[1] as string}"`) as string);
const nameOf = (op: string): string => /(query|mutation)\s+(\w+)/.exec(op)?.[2] ?? op.slice(0, 40);
const ANONYMOUS = ['InvitationPreview', 'Login', 'RefreshSession', 'AcceptInvitation', 'RequestPasswordReset', 'ResetPassword'];

it('finds the admin app’s operations', () => {
  expect(operations.length).toBeGreaterThan(50);
});

it('every operation passes every limit for a logged-in user', () => {
  const { validationRules } = queryLimits({ production: true });
  const refused = operations.flatMap((op) =>
    validate(schema, parse(op), validationRules).map((e: GraphQLError) => `${nameOf(op)}: ${e.message}`),
  );
  expect(refused).toEqual([]);
});

it('the operations sent before log-in fit the anonymous budget', () => {
  const rule = costLimitRule({
    maxCost: QUERY_LIMITS.anonymousMaxCost,
    propagateOnRejection: false,
    onReject: [(ctx: { reportError(e: Error): void } | null, e: Error) => ctx?.reportError(e)],
  } as never);
  const before = operations.filter((op) => ANONYMOUS.includes(nameOf(op)));
  expect(before.map(nameOf).sort()).toEqual([...ANONYMOUS].sort());
  expect(before.flatMap((op) => validate(schema, parse(op), [rule]).map((e) => `${nameOf(op)}: ${e.message}`))).toEqual([]);
});
