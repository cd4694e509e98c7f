import {
  DomainError,
  parseCsv,
  pupilImportFieldsOf,
  type PupilImportError,
  type PupilImportField,
  type PupilImportResult,
  type ValidPupilRow,
} from '@tandem/domain';

/**
 * Pure rules of the pupil CSV import around `parsePupilCsv`: how big a file may be, what a finished
 * parse means for each mode, and which columns the file speaks for (the others are left alone).
 */

export const IMPORT_MODES = ['all_or_nothing', 'valid_rows_only'] as const;
export type ImportModeValue = (typeof IMPORT_MODES)[number];

/** A 50,000-row MIS export with every column is about 6 MB; 10 MB leaves room and stops accidents. */
export const MAX_IMPORT_CSV_BYTES = 10 * 1024 * 1024;

/** Row problems kept on the job (the count is always exact): enough to fix a file, small enough to poll. */
export const MAX_STORED_IMPORT_ERRORS = 1000;

/** Rows written per statement at least; progress is reported after each chunk. */
export const IMPORT_CHUNK_ROWS = 1000;

/** Chunks of 1,000 rows, or a twentieth of the file when that is more: progress every 5% at worst, few statements. */
export function chunkSizeFor(rows: number): number {
  return Math.max(IMPORT_CHUNK_ROWS, Math.ceil(rows / 20));
}

const megabytes = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/** The uploaded file: text, not empty, within the size limit. */
export function parseImportCsv(value: unknown, field = 'input.csv'): string {
  if (typeof value !== 'string' || value.trim() === '')
    throw DomainError.invalid(field, 'REQUIRED', `${field} is required: paste or upload the CSV exported from your MIS`);
  const bytes = Buffer.byteLength(value, 'utf8');
  if (bytes > MAX_IMPORT_CSV_BYTES) {
    throw DomainError.invalid(
      field,
      'INVALID_CSV',
      `${field} is ${megabytes(bytes)}; at most ${megabytes(MAX_IMPORT_CSV_BYTES)} can be imported at once (split the file by year group)`,
    );
  }
  return value;
}

export type ImportStatusValue = 'succeeded' | 'failed';

export interface ImportPlan {
  /** The rows to write (none when the file, or all-or-nothing, says so). */
  rows: ValidPupilRow[];
  /** The outcome when the write succeeds. */
  status: ImportStatusValue;
  errors: PupilImportError[];
}

/**
 * All or nothing: any problem writes nothing. Valid rows only: the good rows are written and the bad
 * ones reported. A file-level problem (no header, too many rows) or a file with no valid row fails.
 */
export function planImport(parsed: PupilImportResult, mode: ImportModeValue): ImportPlan {
  const { rows, errors } = parsed;
  if (rows.length === 0 || (mode === 'all_or_nothing' && errors.length > 0)) return { rows: [], status: 'failed', errors };
  return { rows, status: 'succeeded', errors };
}

/** Errors as stored on the job: the first MAX_STORED_IMPORT_ERRORS, in line order. */
export function storedErrors(errors: readonly PupilImportError[]): PupilImportError[] {
  return [...errors].sort((a, b) => a.line - b.line).slice(0, MAX_STORED_IMPORT_ERRORS);
}

/**
 * The fields the file's header provides. A re-import changes only those: a file without a SEND
 * column leaves every pupil's SEND flag as it was. Null when the header cannot be read on its own
 * (then every field counts as given).
 */
export function fieldsInFile(csv: string): ReadonlySet<PupilImportField> | null {
  const end = csv.search(/[\r\n]/);
  try {
    const [header] = parseCsv(end === -1 ? csv : csv.slice(0, end));
    return header ? pupilImportFieldsOf(header.fields) : null;
  } catch {
    return null;
  }
}

/** Splits rows into chunks of `size` (the last may be shorter). */
export function chunks<T>(rows: readonly T[], size = IMPORT_CHUNK_ROWS): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}
