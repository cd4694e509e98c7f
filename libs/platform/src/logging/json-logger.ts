import type { LoggerService } from '@nestjs/common';
import { isSpanContextValid, trace } from '@opentelemetry/api';
import { SystemClock } from '@tandem/domain';
import { TenantContext } from '@tandem/persistence';
import type { LogLevel } from '../config/app-config';

/** Log lines carry the machine's time, not the product's: they are read beside other systems' logs. */
const WALL_CLOCK = new SystemClock();

const RANK: Record<LogLevel, number> = { fatal: 0, error: 1, warn: 2, info: 3, debug: 4, verbose: 5 };

export type LogSink = (line: string) => void;
export type LogFields = Record<string, unknown>;

/**
 * Structured JSON logger, one line per entry: {time, level, msg, context?, tenantId?, correlationId?, ...}.
 * tenantId / correlationId come from the TenantContext when one is active (or from the fields given);
 * traceId / spanId from the active OpenTelemetry span when tracing is on.
 * Usable as Nest's logger: `app.useLogger(app.get(JsonLogger))` with LoggingModule imported.
 */
export class JsonLogger implements LoggerService {
  constructor(
    private readonly level: LogLevel = 'info',
    private readonly sink: LogSink = (line) => process.stdout.write(line + '\n'),
    private readonly context?: string,
  ) {}

  /** A logger that tags every entry with `context`. */
  child(context: string): JsonLogger {
    return new JsonLogger(this.level, this.sink, context);
  }

  isEnabled(level: LogLevel): boolean {
    return RANK[level] <= RANK[this.level];
  }

  // Nest LoggerService: (message, ...optionalParams) where the last string param is the context.
  log(message: unknown, ...params: unknown[]): void {
    this.nest('info', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.nest('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.nest('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.nest('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.nest('verbose', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.nest('fatal', message, params);
  }

  /** Structured entry: `logger.write('error', 'Unhandled error', { correlationId, err })`. */
  write(level: LogLevel, msg: string, fields: LogFields = {}): void {
    if (!this.isEnabled(level)) return;
    const scope = TenantContext.peek();
    const entry: LogFields = { time: WALL_CLOCK.now().toISOString(), level, msg };
    if (this.context) entry['context'] = this.context;
    if (scope) {
      entry['tenantId'] = scope.tenantId;
      if (scope.correlationId) entry['correlationId'] = scope.correlationId;
    }
    const span = trace.getActiveSpan()?.spanContext();
    if (span && isSpanContextValid(span)) {
      entry['traceId'] = span.traceId;
      entry['spanId'] = span.spanId;
    }
    for (const [k, v] of Object.entries(fields)) if (v !== undefined) entry[k] = v instanceof Error ? serializeError(v) : v;
    this.sink(safeStringify(entry));
  }

  private nest(level: LogLevel, message: unknown, params: unknown[]): void {
    if (!this.isEnabled(level)) return;
    const rest = [...params];
    let context: string | undefined;
    if (rest.length && typeof rest[rest.length - 1] === 'string') context = rest.pop() as string;
    const fields: LogFields = {};
    if (context && context !== this.context) fields['context'] = context;
    // Nest passes an error's stack as a string param to error().
    if (level === 'error' && rest.length && typeof rest[0] === 'string') fields['stack'] = rest.shift();
    if (rest.length) fields['params'] = rest;
    if (message instanceof Error) this.write(level, message.message, { ...fields, err: message });
    else if (typeof message === 'object' && message !== null) this.write(level, 'log', { ...fields, ...(message as LogFields) });
    else this.write(level, String(message), fields);
  }
}

export function serializeError(err: Error): LogFields {
  const out: LogFields = { name: err.name, message: err.message, stack: err.stack };
  for (const [k, v] of Object.entries(err)) if (!(k in out)) out[k] = v instanceof Error ? serializeError(v) : v;
  if ('cause' in err && err.cause instanceof Error) out['cause'] = serializeError(err.cause);
  return out;
}

function safeStringify(value: unknown): string {
  const seen = new WeakSet<object>();
  return JSON.stringify(value, (_k, v: unknown) => {
    if (typeof v === 'bigint') return v.toString();
    if (typeof v === 'object' && v !== null) {
      if (seen.has(v)) return '[Circular]';
      seen.add(v);
    }
    return v;
  });
}
