import { JsonLogger } from '../logging/json-logger';
import { ConnectionStateLog } from './connection-state-log';
import { operationLabel } from './request-telemetry';
import { safeReason } from './safe-reason';
import { parse, type OperationDefinitionNode } from 'graphql';

describe('safeReason', () => {
  it('gives a domain error its code and takes what may quote a person out of other messages', () => {
    expect(
      safeReason(Object.assign(new Error('urn must be 6 digits (got "12345")'), { name: 'DomainError', code: 'VALIDATION_FAILED' })),
    ).toBe('VALIDATION_FAILED');
    expect(safeReason(new Error('550 mailbox ada.lovelace@example.org unknown'))).toBe('550 mailbox <email> unknown');
    expect(safeReason(new Error(`row for 'Zephyrine Quillfeather' K801200300401 refused`))).toBe('row for "…" K<number> refused');
    expect(safeReason(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:6379'), { code: 'ECONNREFUSED' }))).toBe(
      'connect ECONNREFUSED 127.0.0.1:6379 (ECONNREFUSED)',
    );
    expect(safeReason(new TypeError('first line\n    at stack (file.ts:1:1)'))).toBe('TypeError: first line');
    expect(safeReason(new Error('x'.repeat(500)))).toHaveLength(200);
    expect(safeReason(undefined)).toBe('unknown');
  });
});

describe('ConnectionStateLog', () => {
  function setUp(): { lines: Array<Record<string, unknown>>; log: ConnectionStateLog; at: { t: number } } {
    const lines: Array<Record<string, unknown>> = [];
    const at = { t: 0 };
    const log = new ConnectionStateLog(new JsonLogger('info', (l) => lines.push(JSON.parse(l))), 'redis', 10_000, 60_000, () => at.t);
    return { lines, log, at };
  }

  it('writes one line when the connection is lost and one when it is back, whatever the number of errors', () => {
    const { lines, log, at } = setUp();
    for (let i = 0; i < 300; i++) log.error('queue mail', Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
    at.t = 20_000;
    log.ready('queue mail');
    log.ready('worker mail');
    expect(lines.map((l) => [l['level'], l['msg'], l['errors']])).toEqual([
      ['warn', 'redis unavailable', 1],
      ['info', 'redis connection restored', 300],
    ]);
    expect(lines[0]?.['stack']).toBeUndefined();
  });

  it('reminds at most once a minute while it stays down', () => {
    const { lines, log, at } = setUp();
    log.error('a', new Error('down'));
    for (at.t = 0; at.t <= 130_000; at.t += 1_000) log.error('a', new Error('down'));
    expect(lines.map((l) => l['msg'])).toEqual(['redis unavailable', 'redis still unavailable', 'redis still unavailable']);
  });

  it('folds changes closer than the interval into one line with the state at its end', () => {
    jest.useFakeTimers();
    try {
      const { lines, log, at } = setUp();
      log.error('a', new Error('down'));
      at.t = 1_000;
      log.ready('a');
      log.error('a', new Error('down'));
      log.ready('a');
      expect(lines).toHaveLength(1);
      at.t = 10_000;
      jest.advanceTimersByTime(9_000);
      expect(lines.map((l) => [l['msg'], l['flaps']])).toEqual([
        ['redis unavailable', undefined],
        ['redis connection restored', 3],
      ]);
    } finally {
      jest.useRealTimers();
    }
  });
});

describe('operationLabel', () => {
  const op = (q: string): OperationDefinitionNode => parse(q).definitions[0] as OperationDefinitionNode;
  it('is the root field asked for, never an alias or an argument', () => {
    expect(operationLabel(op('query Mine { list: pupils(schoolId: "secret") { nodes { id } } }'))).toBe('pupils');
    expect(operationLabel(op('{ me { userId } version }'))).toBe('me+');
    expect(operationLabel(op('{ ...F }'))).toBe('fragment');
    expect(operationLabel(undefined)).toBe('none');
  });
});
