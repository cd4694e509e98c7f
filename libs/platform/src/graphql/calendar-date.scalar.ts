import { DomainError } from '@tandem/domain';
import { GraphQLScalarType, Kind } from 'graphql';

const SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD (so 2025-02-30 is false). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = SHAPE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

function parse(value: unknown): string {
  if (isCalendarDate(value)) return value;
  const shown = typeof value === 'string' ? `"${value.slice(0, 40)}"` : typeof value;
  throw new DomainError('INVALID_DATE', `must be a date written YYYY-MM-DD, e.g. 2025-09-01 (got ${shown})`);
}

/** A date without time or zone ('YYYY-MM-DD'), e.g. a date of birth or a session day. */
export const CalendarDateScalar = new GraphQLScalarType<string, string>({
  name: 'CalendarDate',
  description: 'A calendar date without time or time zone, written YYYY-MM-DD (e.g. 2025-09-01).',
  serialize(value: unknown): string {
    // Dates from the database arrive as 'YYYY-MM-DD' strings; a Date is read in UTC.
    if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
    if (isCalendarDate(value)) return value;
    throw new TypeError(`CalendarDate cannot represent ${JSON.stringify(value)}`);
  },
  parseValue: parse,
  parseLiteral(ast): string {
    if (ast.kind !== Kind.STRING) throw new DomainError('INVALID_DATE', 'must be a date written as a string "YYYY-MM-DD"');
    return parse(ast.value);
  },
});
