/**
 * OpenTelemetry tracing, off unless OTEL_TRACES_EXPORTER names an exporter (AppConfig). Loaded by
 * each app's `tracing.ts` BEFORE anything else, because instrumentations patch `http`, `pg`,
 * `ioredis` and `graphql` as they are first required: this file must not import the platform's
 * barrel (which loads them). Spans: the HTTP server request, GraphQL parse/validate/execute, every
 * pg query and Redis command made inside a traced request or job (`tracedProcessor`: never the
 * worker's background polling, never SQL values or Redis arguments).
 */
import { SpanKind, type Attributes } from '@opentelemetry/api';
import type { ExportResult } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { GraphQLInstrumentation } from '@opentelemetry/instrumentation-graphql';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { IORedisInstrumentation } from '@opentelemetry/instrumentation-ioredis';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BatchSpanProcessor,
  NodeTracerProvider,
  SimpleSpanProcessor,
  type ReadableSpan,
  type SpanExporter,
} from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import { AppConfig, ConfigError, type TracesExporter } from '../config/app-config';

/** The attributes a console span line keeps: what was done, never a URL, SQL text or a value. */
const KEPT_ATTRIBUTES = [
  'http.request.method',
  'http.method',
  'http.route',
  'http.response.status_code',
  'http.status_code',
  'db.system',
  'db.system.name',
  'db.operation',
  'db.operation.name',
  'graphql.operation.type',
  'graphql.operation.name',
  'messaging.system',
  'messaging.destination.name',
];

/** `console`: each finished span as one JSON line on stdout (JSON for everything, unlike the SDK's console exporter). */
export class JsonLineSpanExporter implements SpanExporter {
  constructor(private readonly write: (line: string) => void = (line) => process.stdout.write(line + '\n')) {}

  export(spans: ReadableSpan[], done: (result: ExportResult) => void): void {
    for (const span of spans) {
      const ctx = span.spanContext();
      const attributes: Attributes = {};
      for (const key of KEPT_ATTRIBUTES) if (span.attributes[key] !== undefined) attributes[key] = span.attributes[key];
      const [s, ns] = span.duration;
      this.write(
        JSON.stringify({
          time: new Date(span.startTime[0] * 1000 + span.startTime[1] / 1e6).toISOString(),
          level: 'info',
          msg: 'span',
          context: 'trace',
          traceId: ctx.traceId,
          spanId: ctx.spanId,
          parentSpanId: span.parentSpanContext?.spanId,
          name: span.name,
          kind: SpanKind[span.kind],
          durationMs: Math.round((s * 1e3 + ns / 1e6) * 10) / 10,
          status: span.status.code,
          attributes,
        }),
      );
    }
    done({ code: 0 });
  }

  async shutdown(): Promise<void> {
    // nothing buffered
  }
}

function exporterFor(kind: Exclude<TracesExporter, 'none'>, endpoint: string): SpanExporter {
  return kind === 'console' ? new JsonLineSpanExporter() : new OTLPTraceExporter({ url: endpoint });
}

let running: NodeTracerProvider | undefined;

/** Sends the spans still batched and stops tracing (the apps call it as they shut down); a no-op when off. */
export async function stopTracing(): Promise<void> {
  const provider = running;
  running = undefined;
  await provider?.shutdown();
}

/** Starts tracing when the configuration asks for it; returns a function that flushes and stops it (or null when off). */
export function startTracing(
  serviceName: string,
  config: Pick<AppConfig, 'tracesExporter' | 'otlpTracesEndpoint'>,
): (() => Promise<void>) | null {
  if (config.tracesExporter === 'none' || running) return null;
  const exporter = exporterFor(config.tracesExporter, config.otlpTracesEndpoint);
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: serviceName }),
    // The console exporter writes at once (tests and a developer's terminal); OTLP sends in batches.
    spanProcessors: [config.tracesExporter === 'console' ? new SimpleSpanProcessor(exporter) : new BatchSpanProcessor(exporter)],
  });
  provider.register();
  running = provider;
  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation(),
      // parse, validate and execute: one span each, not one per resolved field.
      new GraphQLInstrumentation({ ignoreResolveSpans: true, allowValues: false }),
      new PgInstrumentation({ requireParentSpan: true, enhancedDatabaseReporting: false }),
      new IORedisInstrumentation({ requireParentSpan: true, dbStatementSerializer: (command) => command }),
    ],
  });
  return stopTracing;
}

/**
 * For the apps' `tracing.ts`: reads the settings from the environment. An invalid configuration
 * starts nothing here: the app reports it (as JSON) a moment later, when it reads its config.
 */
export function startTracingFromEnv(serviceName: string): (() => Promise<void>) | null {
  let config: AppConfig;
  try {
    config = AppConfig.fromEnv();
  } catch (err) {
    if (err instanceof ConfigError) return null;
    throw err;
  }
  return startTracing(serviceName, config);
}
