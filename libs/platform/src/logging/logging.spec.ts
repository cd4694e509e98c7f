import { TenantContext } from '@tandem/persistence';
import { correlationIdFor, installCorrelationIdHook } from './correlation-id';
import { JsonLogger } from './json-logger';

describe('correlationIdFor', () => {
  it('takes a sane header, else generates one, and is stable per request', () => {
    expect(correlationIdFor({ headers: { 'x-correlation-id': 'abc-123' } })).toBe('abc-123');
    const req = { headers: { 'x-correlation-id': 'bad value with spaces <script>' } };
    const id = correlationIdFor(req);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(correlationIdFor(req)).toBe(id);
    expect(correlationIdFor({ headers: {} })).not.toBe(id);
  });

  it('hook echoes it on the reply', () => {
    let hook: ((req: object, reply: { header(n: string, v: string): unknown }, done: () => void) => void) | undefined;
    installCorrelationIdHook({ addHook: (_n: string, h: typeof hook) => (hook = h) } as never);
    const headers: Record<string, string> = {};
    expect(hook).toBeDefined();
    hook?.({ headers: { 'x-correlation-id': 'r1' } }, { header: (n, v) => (headers[n] = v) }, () => undefined);
    expect(headers).toEqual({ 'x-request-id': 'r1', 'x-correlation-id': 'r1' });
  });

  it('takes x-request-id first', () => {
    expect(correlationIdFor({ headers: { 'x-request-id': 'req-1', 'x-correlation-id': 'corr-1' } })).toBe('req-1');
  });
});

describe('JsonLogger', () => {
  const capture = (level: 'info' | 'debug' = 'info') => {
    const lines: Record<string, unknown>[] = [];
    return { lines, logger: new JsonLogger(level, (l) => lines.push(JSON.parse(l))) };
  };

  it('writes one JSON line with level, message and context', () => {
    const { lines, logger } = capture();
    logger.log('hello', 'Bootstrap');
    logger.debug('hidden');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'info', msg: 'hello', context: 'Bootstrap' });
    expect(typeof lines[0]['time']).toBe('string');
  });

  it('adds tenantId and correlationId from the TenantContext', () => {
    const { lines, logger } = capture();
    TenantContext.run({ tenantId: 't1', actorUserId: 'u1', correlationId: 'c1' }, () =>
      logger.child('X').write('warn', 'inside', { n: 1 }),
    );
    expect(lines[0]).toMatchObject({ level: 'warn', msg: 'inside', context: 'X', tenantId: 't1', correlationId: 'c1', n: 1 });
  });

  it('serialises errors with their stack (server side only)', () => {
    const { lines, logger } = capture();
    logger.write('error', 'boom', { err: new Error('bad thing') });
    logger.error(new Error('direct'));
    expect((lines[0]['err'] as Record<string, unknown>)['message']).toBe('bad thing');
    expect((lines[0]['err'] as Record<string, unknown>)['stack']).toContain('Error: bad thing');
    expect(lines[1]).toMatchObject({ level: 'error', msg: 'direct' });
  });
});
