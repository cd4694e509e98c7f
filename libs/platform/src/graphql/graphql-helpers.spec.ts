import { DomainError, pageSize } from '@tandem/domain';
import { buildSchema, getIntrospectionQuery, parse, validate } from 'graphql';
import { CalendarDateScalar, isCalendarDate } from './calendar-date.scalar';
import { queryLimits } from './query-limits';
import { byKeys, groupByKeys, LoaderRegistry } from './loader-registry';
import { decodeOpaqueCursor, encodeOpaqueCursor, toConnection } from './pagination';

describe('query limits (GraphQL Armor)', () => {
  const schema = buildSchema('type N { n: Int, next: N, list(first: Int): [N] } type Query { root: N }');
  const { validationRules } = queryLimits({ production: true });
  const errors = (q: string) =>
    validate(schema, parse(q), validationRules).map((e) => ({ message: e.message, code: e.extensions['code'] }));

  it('refuses deep nesting, many aliases (__typename too), expensive lists and many directives with QUERY_TOO_COMPLEX', () => {
    expect(errors('{ root { next { n } } }')).toEqual([]);
    const deep = '{ root ' + '{ next '.repeat(10) + '{ n }' + ' }'.repeat(11);
    expect(errors(deep)[0]).toMatchObject({ code: 'QUERY_TOO_COMPLEX', message: expect.stringMatching(/depth limit of 10 exceeded/) });
    const typenames = '{ ' + Array.from({ length: 16 }, (_, i) => `t${i}: __typename`).join(' ') + ' }';
    expect(errors(typenames)[0]).toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
      message: expect.stringMatching(/Aliases limit of 15 exceeded, found 16/),
    });
    expect(errors('{ root { list(first: 100) { list(first: 100) { n } } } }')[0]).toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
      message: expect.stringMatching(/Cost limit of 15000 exceeded/),
    });
    expect(errors(`{ root { n ${'@skip(if: false) '.repeat(11)} } }`).some((e) => /Directives limit/.test(e.message))).toBe(true);
  });

  it('masks field suggestions ("Did you mean …") in production only', async () => {
    const masked = async (production: boolean): Promise<string> => {
      const error = { message: 'Cannot query field "nam" on type "School". Did you mean "name"?' };
      for (const plugin of queryLimits({ production }).plugins) {
        const hooks = await (
          plugin as {
            requestDidStart?: () => Promise<{ didEncounterErrors?: (rc: { errors: Array<{ message: string }> }) => Promise<void> } | void>;
          }
        ).requestDidStart?.();
        await hooks?.didEncounterErrors?.({ errors: [error] });
      }
      return error.message;
    };
    expect(await masked(true)).not.toMatch(/Did you mean/);
    expect(await masked(false)).toMatch(/Did you mean "name"/);
  });

  it('lets introspection through (off in production by Apollo, not by cost)', () => {
    expect(errors(getIntrospectionQuery()).filter((e) => e.code === 'QUERY_TOO_COMPLEX')).toEqual([]);
  });
});

describe('CalendarDate', () => {
  it('accepts only real YYYY-MM-DD dates', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2025-02-29')).toBe(false);
    expect(isCalendarDate('2025-2-1')).toBe(false);
    expect(CalendarDateScalar.parseValue('2025-09-01')).toBe('2025-09-01');
    expect(() => CalendarDateScalar.parseValue('01/09/2025')).toThrow(DomainError);
    expect(() => CalendarDateScalar.parseValue(20250901)).toThrow(/YYYY-MM-DD/);
    expect(CalendarDateScalar.serialize(new Date('2025-09-01T00:00:00Z'))).toBe('2025-09-01');
    expect(CalendarDateScalar.serialize('2025-09-01')).toBe('2025-09-01');
    expect(() => CalendarDateScalar.serialize('nope')).toThrow(TypeError);
  });
});

describe('pagination helpers', () => {
  const isPos = (v: unknown): v is { at: string; id: string } =>
    typeof v === 'object' && v !== null && typeof (v as { id?: unknown }).id === 'string';
  it('round-trips opaque cursors and rejects anything else as INVALID_CURSOR on after', () => {
    const c = encodeOpaqueCursor({ at: '2025-01-01', id: 'x' });
    expect(c).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeOpaqueCursor(c, isPos)).toEqual({ at: '2025-01-01', id: 'x' });
    for (const bad of ['', '!!', encodeOpaqueCursor(5), Buffer.from('{not json').toString('base64url'), 'a'.repeat(600)]) {
      expect(() => decodeOpaqueCursor(bad, isPos)).toThrow(expect.objectContaining({ code: 'INVALID_CURSOR', field: 'after' }));
    }
  });
  it('validates page size and builds a connection', () => {
    expect(pageSize(undefined)).toBe(20);
    expect(pageSize(5)).toBe(5);
    expect(() => pageSize(0)).toThrow(expect.objectContaining({ field: 'first', code: 'VALIDATION_FAILED' }));
    expect(() => pageSize(101)).toThrow(/between 1 and 100/);
    const conn = toConnection([{ id: 'a' }, { id: 'b' }, { id: 'c' }], 2, (r) => r.id, 7);
    expect(conn).toEqual({
      edges: [
        { cursor: 'a', node: { id: 'a' } },
        { cursor: 'b', node: { id: 'b' } },
      ],
      nodes: [{ id: 'a' }, { id: 'b' }],
      pageInfo: { hasNextPage: true, endCursor: 'b' },
      totalCount: 7,
    });
    expect(toConnection([], 2, () => 'x', 0).pageInfo).toEqual({ hasNextPage: false, endCursor: null });
  });
});

describe('LoaderRegistry', () => {
  it('gives one loader per name and batches loads in a tick', async () => {
    const registry = new LoaderRegistry();
    const calls: (readonly number[])[] = [];
    const fn = async (keys: readonly number[]) => {
      calls.push(keys);
      return keys.map((k) => k * 10);
    };
    const a = registry.get('times10', fn);
    expect(registry.get('times10', fn)).toBe(a);
    expect(await Promise.all([a.load(1), a.load(2), a.load(1)])).toEqual([10, 20, 10]);
    expect(calls).toEqual([[1, 2]]);
  });
  it('byKeys / groupByKeys keep key order', () => {
    expect(byKeys(['b', 'a', 'z'], [{ id: 'a' }, { id: 'b' }], (r) => r.id)).toEqual([{ id: 'b' }, { id: 'a' }, null]);
    expect(groupByKeys([1, 2], [{ k: 2 }, { k: 2 }], (r) => r.k)).toEqual([[], [{ k: 2 }, { k: 2 }]]);
  });
});
