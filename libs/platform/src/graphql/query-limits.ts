import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { GraphQLError, validate, type ValidationContext, type ValidationRule } from 'graphql';
import { authenticateRequest } from '../auth/authenticate';
import type { SessionLiveness } from '../auth/session-liveness';
import type { TokenService } from '../auth/token.service';
import type { GraphQLContext } from './context';

/**
 * What one GraphQL request may ask for, enforced by GraphQL Armor (escape.tech) before anything
 * runs. The cost model is Armor's: 1 per scalar, 2 per object, ×1.5 per level, × `first`/`last`
 * when literal. `__typename` counts like any scalar, and aliases of it count as aliases (Armor's
 * default allow-list, which exempts it, is emptied): the attack of issue 14 sent 300,000 of them.
 *
 * The authenticated budget is about twice the dearest operation the admin app sends (7,178 when
 * measured; apps/admin/src/gql/operation-limits.spec.ts keeps every operation inside it). An
 * anonymous caller (log-in, refresh, invitation and reset links) gets a small one.
 */
export const QUERY_LIMITS = {
  maxCost: 15_000,
  anonymousMaxCost: 150,
  maxAliases: 15,
  maxDepth: 10,
  maxDirectives: 10,
  maxTokens: 3_000,
} as const;

type Reject = (ctx: ValidationContext | null, error: GraphQLError) => void;

/** Armor's message without its "Syntax Error: " prefix, as QUERY_TOO_COMPLEX (our one code for this). */
const tooComplex = (error: GraphQLError): GraphQLError =>
  new GraphQLError(error.message.replace(/^Syntax Error: /, ''), { extensions: { code: 'QUERY_TOO_COMPLEX' } });
const report: Reject = (ctx, error) => ctx?.reportError(tooComplex(error));
const reject = { propagateOnRejection: false, onReject: [report], exposeLimits: true };

export interface QueryLimits {
  plugins: ApolloServerPlugin[];
  validationRules: ValidationRule[];
  /** For Apollo's `parseOptions`: the parser stops at this many tokens (a 400, not a parse of 1 MB). */
  parseOptions: { maxTokens: number };
}

/**
 * Armor's protections (cost, aliases, depth, directives, tokens; field suggestions masked in
 * production) plus the anonymous budget, which needs to know the caller: the bearer token is
 * checked (once per request, memoised for the AuthGuard) when the operation is known.
 */
export function queryLimits(options: { production: boolean; tokens?: TokenService; sessions?: SessionLiveness }): QueryLimits {
  const armor = new ApolloArmor({
    costLimit: { maxCost: QUERY_LIMITS.maxCost, ...reject },
    maxAliases: { n: QUERY_LIMITS.maxAliases, allowList: [], ...reject },
    maxDepth: { n: QUERY_LIMITS.maxDepth, ...reject },
    maxDirectives: { n: QUERY_LIMITS.maxDirectives, ...reject },
    // Tokens are limited by graphql-js's own parser (parseOptions below): Armor's Apollo plugin for
    // them throws from a hook, which Apollo answers with a 500.
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: options.production, mask: '' },
  } as never);
  const { plugins, validationRules } = armor.protect() as Omit<QueryLimits, 'parseOptions'>;
  const parseOptions = { maxTokens: QUERY_LIMITS.maxTokens };
  const { tokens, sessions } = options;
  if (!tokens || !sessions) return { plugins, validationRules, parseOptions };
  const anonymous: ApolloServerPlugin<GraphQLContext> = {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, document, schema }) {
          const auth = await authenticateRequest(contextValue.req, tokens, sessions);
          if (auth.principal) return;
          const errors = validate(schema, document, [costLimitRule({ maxCost: QUERY_LIMITS.anonymousMaxCost, ...reject } as never)]);
          if (errors.length) {
            // extensions.http: an error thrown from a plugin hook is a 500 to Apollo unless told otherwise.
            throw new GraphQLError(`${(errors[0] as GraphQLError).message} Log in for a larger budget.`, {
              extensions: { code: 'QUERY_TOO_COMPLEX', http: { status: 400 } },
            });
          }
        },
      };
    },
  };
  return { plugins: [...plugins, anonymous as ApolloServerPlugin], validationRules, parseOptions };
}
