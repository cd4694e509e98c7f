import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { ErrorCode } from '@tandem/domain';
import { JsonLogger } from '../logging/json-logger';
import { errorCategory, type ErrorCategory } from './error-category';
import { formatGraphQLError } from './format-graphql-error';

const STATUS: Record<ErrorCategory, number> = { input: 400, auth: 401, forbidden: 403, not_found: 404, conflict: 409, internal: 500 };
const log = new JsonLogger('info').child('http');

/**
 * For the few JSON endpoints beside /graphql (the CSV upload): the same one mapper decides code,
 * message and field, answered as `{ errors: [...] }` like GraphQL, so the admin app reads both alike,
 * with the HTTP status of the code's category. Use with @UseFilters on such controllers.
 */
@Catch()
export class JsonErrorFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<{ status(code: number): { send(body: unknown): void } }>();
    const formatted = formatGraphQLError({ message: exception instanceof Error ? exception.message : 'error' }, exception, log);
    const code = formatted.extensions?.['code'] as ErrorCode;
    reply.status(STATUS[errorCategory(code)]).send({ errors: [formatted] });
  }
}
