import { Catch, type ArgumentsHost } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';

/**
 * Nest's default filter logs every exception a resolver throws at `error`, with its stack and its
 * message (issue 14: 4,881 error lines in one attack run, quoting pupil references). In GraphQL the
 * one mapper (formatGraphQLError) decides what is logged: user errors at info/warn by code and field,
 * bugs at error with a correlation id. So here a GraphQL exception is only handed on, unlogged;
 * HTTP handlers keep Nest's default.
 */
@Catch()
export class QuietGraphQLExceptionsFilter extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<string>() === 'graphql') return exception;
    return super.catch(exception, host);
  }
}
