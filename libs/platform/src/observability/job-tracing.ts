import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';

/** A ProxyTracer: a no-op until tracing is started (OTEL_TRACES_EXPORTER), then the real one. */
const tracer = trace.getTracer('tandem-jobs');

/**
 * Runs every job of a queue inside a span of its own (`job <queue>`), so what the job does (its pg
 * queries, Redis commands, log lines) is one trace. Only the queue's name goes on the span: the
 * job's data and id stay out, like everything a person may have typed.
 */
export function tracedProcessor<A extends unknown[], R>(queue: string, processor: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return (...args: A) =>
    tracer.startActiveSpan(
      `job ${queue}`,
      {
        kind: SpanKind.CONSUMER,
        attributes: { 'messaging.system': 'bullmq', 'messaging.destination.name': queue, 'messaging.operation.type': 'process' },
      },
      async (span) => {
        try {
          return await processor(...args);
        } catch (err) {
          span.setStatus({ code: SpanStatusCode.ERROR });
          throw err;
        } finally {
          span.end();
        }
      },
    );
}
