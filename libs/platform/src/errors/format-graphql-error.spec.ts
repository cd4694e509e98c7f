import { ForbiddenException } from '@nestjs/common';
import { DomainError } from '@tandem/domain';
import { GraphQLError } from 'graphql';
import { QueryFailedError } from 'typeorm';
import { translateDatabaseError } from './database-errors';
import { formatGraphQLError, tagErrorWithCorrelationId, type ErrorLog } from './format-graphql-error';

const resolverError = (original: Error) => new GraphQLError(original.message, { path: ['thing'], originalError: original });
const fmt = (e: GraphQLError) => ({ ...e.toJSON(), extensions: { ...e.extensions, stacktrace: ['at x'], exception: { secret: 1 } } });
const sink = () => {
  const entries: { level: string; msg: string; fields: Record<string, unknown> }[] = [];
  const log: ErrorLog = { write: (level, msg, fields) => entries.push({ level, msg, fields }) };
  return { entries, log };
};
const pgError = (driver: Record<string, unknown>) =>
  new QueryFailedError('INSERT INTO secret_table …', [], Object.assign(new Error('raw driver message'), driver));

describe('formatGraphQLError', () => {
  it('maps a DomainError to code, field and details and strips stacktrace/exception', () => {
    const e = resolverError(DomainError.invalid('urn', 'INVALID_URN', 'urn must be 6 digits (got "12345")'));
    const out = formatGraphQLError(fmt(e), e, sink().log);
    expect(out).toEqual({
      message: 'urn must be 6 digits (got "12345")',
      path: ['thing'],
      extensions: { code: 'INVALID_URN', field: 'urn' },
    });
  });

  it('keeps the details of several problems', () => {
    const e = resolverError(
      DomainError.fromProblems([
        { field: 'urn', code: 'INVALID_URN', message: 'bad urn' },
        { field: 'postcode', code: 'INVALID_POSTCODE', message: 'bad postcode' },
      ]),
    );
    const out = formatGraphQLError(fmt(e), e, sink().log);
    expect(out.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'urn' });
    expect(out.extensions?.['details']).toHaveLength(2);
  });

  it('turns an unknown error into INTERNAL with a correlation id, logged, no leak', () => {
    const { entries, log } = sink();
    const e = resolverError(new Error('connect ECONNREFUSED 10.0.0.1:5432 password=hunter2'));
    tagErrorWithCorrelationId(e, 'corr-1');
    const out = formatGraphQLError(fmt(e), e, log);
    expect(out.message).toBe('Something went wrong (ref corr-1)');
    expect(out.extensions).toEqual({ code: 'INTERNAL', correlationId: 'corr-1' });
    expect(JSON.stringify(out)).not.toMatch(/ECONNREFUSED|hunter2|stack/);
    expect(entries[0]).toMatchObject({ level: 'error', fields: { correlationId: 'corr-1', path: 'thing' } });
    expect((entries[0].fields['err'] as Error).message).toContain('ECONNREFUSED');
  });

  it('treats TENANT_CONTEXT_MISSING as internal', () => {
    const e = resolverError(new DomainError('TENANT_CONTEXT_MISSING', 'No tenant context'));
    expect(formatGraphQLError(fmt(e), e, sink().log).extensions?.['code']).toBe('INTERNAL');
  });

  it('maps graphql request errors to BAD_REQUEST with the variable as field', () => {
    const e = new GraphQLError('Variable "$role" got invalid value "BOSS"; Value "BOSS" does not exist in "Role" enum.', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(formatGraphQLError(fmt(e), e, sink().log)).toEqual({
      message: 'Variable "$role" got invalid value "BOSS"; Value "BOSS" does not exist in "Role" enum.',
      extensions: { code: 'BAD_REQUEST', field: 'role' },
    });
    const nested = new GraphQLError(
      'Variable "$input" got invalid value "x" at "input.size"; Int cannot represent non-integer value: "x"',
      {
        extensions: { code: 'BAD_USER_INPUT' },
      },
    );
    expect(formatGraphQLError(fmt(nested), nested, sink().log).extensions).toEqual({ code: 'BAD_REQUEST', field: 'input.size' });
    const unknownField = new GraphQLError('Cannot query field "nope" on type "Query".', {
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    expect(formatGraphQLError(fmt(unknownField), unknownField, sink().log).extensions).toEqual({ code: 'BAD_REQUEST' });
  });

  it('uses a DomainError raised while coercing a variable (custom scalar)', () => {
    const inner = DomainError.invalid('date', 'INVALID_DATE', 'date must be a real date as YYYY-MM-DD (got "2025-02-30")');
    const e = new GraphQLError('Variable "$on" got invalid value "2025-02-30"; Expected type "CalendarDate". date must be …', {
      extensions: { code: 'BAD_USER_INPUT' },
      originalError: new GraphQLError('Expected type', { originalError: inner }),
    });
    expect(formatGraphQLError(fmt(e), e, sink().log).extensions).toEqual({ code: 'INVALID_DATE', field: 'on' });
  });

  it('maps database errors without SQL or driver text', () => {
    const unique = pgError({
      code: '23505',
      constraint: 'schools_tenant_id_urn_key',
      table: 'schools',
      detail: 'Key (tenant_id, urn)=(t, 123456) already exists.',
    });
    const e = resolverError(unique);
    const out = formatGraphQLError(fmt(e), e, sink().log);
    expect(out).toMatchObject({ message: 'A school with this urn already exists', extensions: { code: 'ALREADY_EXISTS', field: 'urn' } });
    expect(JSON.stringify(out)).not.toMatch(/INSERT|123456|raw driver/);
  });

  it('maps Nest HTTP exceptions', () => {
    const e = resolverError(new ForbiddenException('Forbidden resource'));
    expect(formatGraphQLError(fmt(e), e, sink().log).extensions).toEqual({ code: 'FORBIDDEN' });
  });
});

describe('translateDatabaseError', () => {
  it('check violation → VALIDATION_FAILED naming the column', () => {
    const d = translateDatabaseError(pgError({ code: '23514', constraint: 'schools_phase_check', table: 'schools' }));
    expect(d).toMatchObject({ code: 'VALIDATION_FAILED', field: 'phase', message: 'phase has a value that is not allowed' });
  });
  it('FK violation → NOT_FOUND for the referenced thing; still referenced → CONFLICT', () => {
    const missing = translateDatabaseError(
      pgError({ code: '23503', table: 'pupils', detail: 'Key (school_id)=(0000) is not present in table "schools".' }),
    );
    expect(missing).toMatchObject({ code: 'NOT_FOUND', field: 'schoolId', message: 'School not found' });
    const used = translateDatabaseError(
      pgError({ code: '23503', table: 'schools', detail: 'Key (id)=(1) is still referenced from table "encounter_requests".' }),
    );
    expect(used).toMatchObject({ code: 'CONFLICT' });
  });
  it('not null, bad format, serialization; other errors → undefined', () => {
    expect(translateDatabaseError(pgError({ code: '23502', column: 'year_group' }))).toMatchObject({
      field: 'yearGroup',
      message: 'year group is required',
    });
    expect(translateDatabaseError(pgError({ code: '22P02' }))?.code).toBe('VALIDATION_FAILED');
    expect(translateDatabaseError(pgError({ code: '22021' }))).toMatchObject({ code: 'INVALID_TEXT' }); // a NUL byte (issue 14, finding 5)
    expect(translateDatabaseError(pgError({ code: '40001' }))?.code).toBe('CONFLICT');
    expect(translateDatabaseError(pgError({ code: '42P01' }))).toBeUndefined();
    expect(translateDatabaseError(new Error('x'))).toBeUndefined();
  });
});
