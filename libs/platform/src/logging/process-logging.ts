import { ConfigError } from '../config/app-config';
import { JsonLogger } from './json-logger';

/**
 * JSON for everything a process says, its last words included: an unhandled rejection is an error
 * line (the process goes on, as Node's default would not tell it to stop for us), an uncaught
 * exception a fatal line before exiting 1. Node's default prints raw multi-line stacks instead.
 */
export function installProcessLogging(logger: JsonLogger): void {
  process.on('unhandledRejection', (reason) => logger.write('error', 'unhandled promise rejection', { err: reason }));
  process.on('uncaughtException', (err) => {
    logger.write('fatal', 'uncaught exception', { err });
    process.exit(1);
  });
}

/** A process that could not start: one JSON line (the invalid settings listed, or the error), exit 1. */
export function exitOnStartFailure(name: string, err: unknown): never {
  const logger = new JsonLogger('fatal', (line) => process.stderr.write(line + '\n')).child(name);
  if (err instanceof ConfigError) logger.write('fatal', 'invalid configuration', { problems: err.problems });
  else logger.write('fatal', `${name} failed to start`, { err });
  process.exit(1);
}
