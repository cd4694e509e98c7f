import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { QuietGraphQLExceptionsFilter } from '../errors/quiet-graphql-exceptions.filter';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { GraphQLModule } from '@nestjs/graphql';
import { PlatformAuthModule } from '../auth/platform-auth.module';
import { SessionLiveness } from '../auth/session-liveness';
import { TokenService } from '../auth/token.service';
import { AppConfig } from '../config/app-config';
import { JsonLogger } from '../logging/json-logger';
import { createGraphQLConfig, type GraphQLPlatformOptions } from './graphql-config';

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
      providers: [{ provide: APP_FILTER, useClass: QuietGraphQLExceptionsFilter }],
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
