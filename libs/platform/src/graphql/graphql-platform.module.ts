import { Module, type DynamicModule, type OnModuleInit } from '@nestjs/common';
import { APP_FILTER, HttpAdapterHost } from '@nestjs/core';
import { graphqlTenantScopeHook } from '../auth/tenant-context.interceptor';
import { QuietGraphQLExceptionsFilter } from '../errors/quiet-graphql-exceptions.filter';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { GraphQLModule } from '@nestjs/graphql';
import { PlatformAuthModule } from '../auth/platform-auth.module';
import { SessionLiveness } from '../auth/session-liveness';
import { TokenService } from '../auth/token.service';
import { AppConfig } from '../config/app-config';
import { JsonLogger } from '../logging/json-logger';
import { createGraphQLConfig, type GraphQLPlatformOptions } from './graphql-config';

/** Runs every GraphQL request inside its principal's TenantContext (see graphqlTenantScopeHook). */
class GraphQLTenantScope implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly tokens: TokenService,
    private readonly sessions: SessionLiveness,
    private readonly path: string,
  ) {}

  onModuleInit(): void {
    const adapter = this.adapterHost.httpAdapter;
    if (adapter?.getType() !== 'fastify') throw new Error('Tandem serves GraphQL on Fastify only');
    adapter.getInstance().addHook('preHandler', graphqlTenantScopeHook(this.tokens, this.sessions, this.path));
  }
}

/**
 * GraphQL (Apollo, code-first) with the platform's error mapper, context, depth limit, global
 * AuthGuard and TenantContextInterceptor. Needs ConfigModule (global) in the app.
 *
 *   imports: [ConfigModule, GraphQLPlatformModule.forRoot({ autoSchemaFile: 'apps/api/schema.gql' }), ...features]
 */
@Module({})
export class GraphQLPlatformModule {
  static forRoot(options: Omit<GraphQLPlatformOptions, 'production'> = {}): DynamicModule {
    return {
      module: GraphQLPlatformModule,
      providers: [
        { provide: APP_FILTER, useClass: QuietGraphQLExceptionsFilter },
        {
          provide: GraphQLTenantScope,
          inject: [HttpAdapterHost, TokenService, SessionLiveness],
          useFactory: (host: HttpAdapterHost, tokens: TokenService, sessions: SessionLiveness) =>
            new GraphQLTenantScope(host, tokens, sessions, options.path ?? '/graphql'),
        },
      ],
      imports: [
        PlatformAuthModule,
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [PlatformAuthModule],
          inject: [AppConfig, TokenService, SessionLiveness],
          useFactory: (config: AppConfig, tokens: TokenService, sessions: SessionLiveness) =>
            createGraphQLConfig({
              errorLog: new JsonLogger(config.logLevel).child('GraphQL'),
              ...options,
              production: config.isProduction,
              tokens,
              sessions,
            }),
        }),
      ],
    };
  }
}
