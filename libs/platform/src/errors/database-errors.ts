import { DomainError } from '@tandem/domain';
import { CONSTRAINT_MESSAGES } from '@tandem/persistence';

/**
 * Turns PostgreSQL errors (TypeORM QueryFailedError, or a raw pg DatabaseError) that a user can
 * cause into DomainErrors with plain words. Never exposes SQL, values or driver messages.
 * Returns undefined for anything that is not such an error (→ INTERNAL).
 */

interface PgErrorLike {
  code?: string;
  constraint?: string;
  table?: string;
  column?: string;
  detail?: string;
}

function pgError(error: unknown): PgErrorLike | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as { name?: string; driverError?: unknown; code?: unknown; severity?: unknown };
  if (e.name === 'QueryFailedError' && typeof e.driverError === 'object' && e.driverError !== null) return e.driverError as PgErrorLike;
  // A raw node-postgres DatabaseError: five-character SQLSTATE plus a severity.
  if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) && typeof e.severity === 'string') return e as PgErrorLike;
  return undefined;
}

const camel = (column: string): string => column.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
const words = (column: string): string => column.replace(/_id$/, '').replace(/_/g, ' ');
/** `Key (tenant_id, urn)=(…)` → ['tenant_id', 'urn']; values are never kept. */
function keyColumns(detail: string | undefined): string[] {
  const m = /Key \(([^)]+)\)=/.exec(detail ?? '');
  return m ? m[1].split(',').map((c) => c.trim().replace(/^"|"$/g, '')) : [];
}
function singular(table: string): string {
  const t = table.replace(/_/g, ' ');
  if (t.endsWith('ies')) return t.slice(0, -3) + 'y';
  if (/(ches|shes|sses|xes)$/.test(t)) return t.slice(0, -2);
  return t.endsWith('s') ? t.slice(0, -1) : t;
}

export function translateDatabaseError(error: unknown): DomainError | undefined {
  const pg = pgError(error);
  if (!pg?.code) return undefined;
  const known = pg.constraint && Object.hasOwn(CONSTRAINT_MESSAGES, pg.constraint) ? CONSTRAINT_MESSAGES[pg.constraint] : undefined;
  switch (pg.code) {
    case '23505': {
      // unique_violation
      if (known) return new DomainError('ALREADY_EXISTS', known.message, known.field);
      const cols = keyColumns(pg.detail).filter((c) => c !== 'tenant_id');
      const field = cols.length ? cols.map(camel).join(', ') : undefined;
      const what = cols.length ? cols.map(words).join(' and ') : 'value';
      const thing = pg.table ? `A ${singular(pg.table)}` : 'A record';
      return new DomainError('ALREADY_EXISTS', `${thing} with this ${what} already exists`, field);
    }
    case '23514': {
      // check_violation: auto-named checks are <table>_<column>_check
      if (known) return new DomainError('VALIDATION_FAILED', known.message, known.field);
      let column = pg.constraint ?? '';
      if (pg.table && column.startsWith(pg.table + '_')) column = column.slice(pg.table.length + 1);
      column = column.replace(/_check\d*$/, '');
      return column
        ? new DomainError('VALIDATION_FAILED', `${words(column)} has a value that is not allowed`, camel(column))
        : new DomainError('VALIDATION_FAILED', 'A value is not allowed');
    }
    case '23503': {
      // foreign_key_violation: either the referenced row is missing, or a row is still referenced
      const [col] = keyColumns(pg.detail);
      if (/still referenced/.test(pg.detail ?? '')) {
        const from = /from table "([^"]+)"/.exec(pg.detail ?? '')?.[1];
        return new DomainError(
          'CONFLICT',
          `This record is still used${from ? ` by ${from.replace(/_/g, ' ')}` : ''}, so it cannot be removed`,
        );
      }
      if (known) return new DomainError('NOT_FOUND', known.message, known.field);
      const target = /in table "([^"]+)"/.exec(pg.detail ?? '')?.[1];
      const thing = target ? singular(target) : col ? words(col) : 'referenced record';
      return new DomainError('NOT_FOUND', `${thing.charAt(0).toUpperCase() + thing.slice(1)} not found`, col ? camel(col) : undefined);
    }
    case '23502': // not_null_violation
      return pg.column
        ? new DomainError('VALIDATION_FAILED', `${words(pg.column)} is required`, camel(pg.column))
        : new DomainError('VALIDATION_FAILED', 'A required value is missing');
    case '22P02': // invalid_text_representation (e.g. "abc" for a uuid)
    case '22007': // invalid_datetime_format
    case '22008': // datetime_field_overflow
      return new DomainError('VALIDATION_FAILED', 'A value has the wrong format');
    case '22001': // string_data_right_truncation
      return new DomainError('VALIDATION_FAILED', 'A value is too long');
    case '22021': // character_not_in_repertoire: a NUL byte, which PostgreSQL text cannot hold
    case '22P05': // untranslatable_character
      return new DomainError('INVALID_TEXT', 'A value contains a character that cannot be stored (a NUL or control character)');
    case '40001': // serialization_failure
    case '40P01': // deadlock_detected
      return new DomainError('CONFLICT', 'Someone else changed this at the same time; please try again');
    default:
      return undefined;
  }
}
