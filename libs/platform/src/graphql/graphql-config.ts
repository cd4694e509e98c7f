import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import type { RequestLike } from '../auth/authenticate';
import { formatGraphQLError, type ErrorLog } from '../errors/format-graphql-error';
import { createGraphQLContext } from './context';
import { correlationIdPlugin } from './correlation-plugin';
import { requestTelemetryPlugin } from '../observability/request-telemetry';
import { queryLimits } from './query-limits';
import type { SessionLiveness } from '../auth/session-liveness';
import type { TokenService } from '../auth/token.service';

export interface GraphQLPlatformOptions {
  /** true (default): schema built in memory; a path: also written there (e.g. for the admin app's codegen). */
  autoSchemaFile?: string | true;
  /** Default '/graphql'. */
  path?: string;
  /** Turns introspection and field suggestions off. Default: NODE_ENV === 'production'. */
  production?: boolean;
  /** For the anonymous query budget (query-limits.ts): who is calling. */
  tokens?: TokenService;
  sessions?: SessionLiveness;
  /** Where unexpected errors are logged (default: a JsonLogger). */
  errorLog?: ErrorLog;
  plugins?: ApolloServerPlugin[];
}

function requestFrom(arg: unknown): RequestLike {
  // The Fastify integration passes the Fastify request itself; other integrations pass { req }.
  const a = arg as { req?: RequestLike; raw?: unknown };
  return (a && typeof a === 'object' && a.req && !a.raw ? a.req : arg) as RequestLike;
}

/** The ApolloDriverConfig every Tandem GraphQL server uses (code-first, on Fastify). */
export function createGraphQLConfig(options: GraphQLPlatformOptions = {}): ApolloDriverConfig {
  const production = options.production ?? process.env['NODE_ENV'] === 'production';
  const limits = queryLimits({ production, tokens: options.tokens, sessions: options.sessions });
  return {
    driver: ApolloDriver,
    path: options.path ?? '/graphql',
    autoSchemaFile: options.autoSchemaFile ?? true,
    sortSchema: true,
    buildSchemaOptions: { dateScalarMode: 'isoDate', numberScalarMode: 'float' },
    introspection: !production,
    playground: false,
    graphiql: false,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    // formatGraphQLError is the one mapper (it handles Nest HttpExceptions itself).
    autoTransformHttpErrors: false,
    // Guards also wrap @ResolveField methods of nested types (for their @Roles). The tenant context of
    // nested fields comes from the request (graphqlTenantScopeHook), not from an interceptor per field.
    fieldResolverEnhancers: ['guards'],
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    formatError: (formatted, error) => formatGraphQLError(formatted, error, options.errorLog),
    context: (arg: unknown) => createGraphQLContext({ req: requestFrom(arg) }),
    plugins: [
      correlationIdPlugin() as ApolloServerPlugin,
      requestTelemetryPlugin() as ApolloServerPlugin,
      // We send no cache-control hints and no traces: without these plugins' per-field hooks Apollo
      // does not wrap every field resolver (measured: about a tenth of a dashboard request's CPU).
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      ...limits.plugins,
      ...(options.plugins ?? []),
    ],
  };
}
