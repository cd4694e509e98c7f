import { SpanKind } from '@opentelemetry/api';
import { BasicTracerProvider, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { JsonLineSpanExporter } from './tracing';

describe('JsonLineSpanExporter', () => {
  it('writes each span as one JSON line with its ids, keeping only attributes that say what was done', () => {
    const lines: string[] = [];
    const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(new JsonLineSpanExporter((l) => lines.push(l)))] });
    const tracer = provider.getTracer('test');
    const span = tracer.startSpan('pg.query:SELECT tandem', {
      kind: SpanKind.CLIENT,
      attributes: {
        'db.system.name': 'postgresql',
        'db.query.text': "select * from pupils where upn = 'K801200300401'",
        'url.full': 'https://x/b/secret-token',
      },
    });
    span.end();
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0] as string) as Record<string, unknown>;
    expect(entry).toMatchObject({
      level: 'info',
      msg: 'span',
      context: 'trace',
      name: 'pg.query:SELECT tandem',
      kind: 'CLIENT',
      attributes: { 'db.system.name': 'postgresql' },
    });
    expect(entry['traceId']).toBe(span.spanContext().traceId);
    expect(entry['spanId']).toBe(span.spanContext().spanId);
    expect(lines[0]).not.toContain('K801200300401');
    expect(lines[0]).not.toContain('secret-token');
  });
});
