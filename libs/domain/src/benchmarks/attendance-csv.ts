import { parseCsv, type CsvRecord } from '../csv';
import { DomainError, type ErrorCode } from '../errors';
import { normaliseHeader } from '../pupil-import';
import { showValue } from '../validation';

/**
 * An attendance list as a spreadsheet: one pupil per row, found by the school's reference (UPN,
 * admission number…). Other columns are ignored. Pure: text in, references and per-line problems
 * out; whether the references are pupils of the school is the caller's question.
 */

const REFERENCE_HEADERS = new Set(['reference', 'ref', 'upn', 'pupilreference', 'pupilref', 'admissionnumber', 'admissionno', 'adno']);
const MAX_ROWS = 5_000;

export interface AttendanceCsvRow {
  /** The row number a spreadsheet shows (header = 1). */
  readonly line: number;
  readonly reference: string;
}

export interface AttendanceCsvError {
  readonly line: number;
  readonly field: string;
  readonly code: ErrorCode;
  readonly message: string;
}

export interface AttendanceCsvResult {
  readonly rows: AttendanceCsvRow[];
  readonly errors: AttendanceCsvError[];
}

export function parseAttendanceCsv(text: string): AttendanceCsvResult {
  const fileError = (message: string, code: ErrorCode = 'INVALID_CSV'): AttendanceCsvResult => ({
    rows: [],
    errors: [{ line: 1, field: 'file', code, message }],
  });
  let records: CsvRecord[];
  try {
    records = parseCsv(text);
  } catch (e) {
    if (e instanceof DomainError) return fileError(e.message, e.code);
    throw e;
  }
  const blank = (r: CsvRecord): boolean => r.fields.every((f) => f.trim() === '');
  const header = records[0];
  if (!header || blank(header)) return fileError('the file is empty: the first line must be a header with a "Reference" or "UPN" column');
  const columns = header.fields.map((h, i) => [normaliseHeader(h), i] as const).filter(([h]) => REFERENCE_HEADERS.has(h));
  if (columns.length === 0)
    return fileError(
      'the header has no pupil reference column (expected one of "UPN", "Reference", "Pupil Reference", "Admission Number")',
    );
  if (columns.length > 1) return fileError(`the header has ${columns.length} pupil reference columns: keep one`);
  const column = columns[0][1];
  const data = records.slice(1).filter((r) => !blank(r));
  if (data.length === 0) return fileError('the file has a header but no pupil rows');
  if (data.length > MAX_ROWS) return fileError(`the file has ${data.length} rows; at most ${MAX_ROWS} pupils can attend one encounter`);

  const rows: AttendanceCsvRow[] = [];
  const errors: AttendanceCsvError[] = [];
  const firstLine = new Map<string, number>();
  for (const record of data) {
    const line = record.row;
    const reference = (record.fields[column] ?? '').trim();
    if (reference === '')
      errors.push({ line, field: 'reference', code: 'REQUIRED', message: `line ${line}: the pupil reference is blank` });
    else if (reference.length > 50)
      errors.push({
        line,
        field: 'reference',
        code: 'INVALID_TEXT',
        message: `line ${line}: the pupil reference must be at most 50 characters (got ${reference.length})`,
      });
    else if (firstLine.has(reference))
      errors.push({
        line,
        field: 'reference',
        code: 'ALREADY_EXISTS',
        message: `line ${line}: reference ${showValue(reference)} already appears on line ${firstLine.get(reference)}`,
      });
    else {
      firstLine.set(reference, line);
      rows.push({ line, reference });
    }
  }
  return { rows, errors };
}
