import type { ApolloServerPlugin } from '@apollo/server';
import { CORRELATION_ID_HEADER } from '../logging/correlation-id';
import { tagErrorWithCorrelationId } from '../errors/format-graphql-error';
import { closeRequestTransaction } from '../auth/tenant-context.interceptor';
import type { GraphQLContext } from './context';

/**
 * Apollo's formatError cannot see the request: this plugin tags every error of a request with its
 * correlation id (read back by formatGraphQLError) and echoes the id as a response header. It also
 * closes the request's shared read transaction (TenantContextInterceptor) once the response is ready.
 */
export function correlationIdPlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors(rc) {
          const id = rc.contextValue?.correlationId;
          if (id) for (const e of rc.errors) tagErrorWithCorrelationId(e, id);
        },
        async willSendResponse(rc) {
          // The request's shared read transaction ends with its response (commit, connection back to the pool).
          await closeRequestTransaction(rc.contextValue?.req);
          const id = rc.contextValue?.correlationId;
          if (id) rc.response.http.headers.set(CORRELATION_ID_HEADER, id);
        },
      };
    },
  };
}
