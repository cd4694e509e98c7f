import { academicYearLabel, academicYearOf, academicYearStart, yearGroupFromDateOfBirth } from './academic-year';
import { parseFlexibleDate, type CalendarDate } from './calendar-date';
import { parseCsv, type CsvRecord } from './csv';
import { DomainError, type ErrorCode } from './errors';
import { parseUrn, parseYearGroupLoose, showValue } from './validation';

/**
 * Reading a pupil list as a school MIS (SIMS, Arbor, Bromcom…) exports it: tolerant headers, UK
 * dates, "Y7" year groups, Y/N flags. Pure: text in, valid rows and per-row problems out. Whether to
 * write "everything valid" or "nothing" is the caller's choice.
 */

export const PUPIL_IMPORT_FIELDS = [
  'reference',
  'dateOfBirth',
  'yearGroup',
  'schoolUrn',
  'disadvantaged',
  'send',
  'careExperienced',
  'roniScore',
  'displayName',
  'onRollFrom',
  'onRollTo',
] as const;
export type PupilImportField = (typeof PUPIL_IMPORT_FIELDS)[number];

/** Header spellings, compared after lower-casing and dropping spaces, underscores, hyphens and dots. */
const HEADER_ALIASES: Readonly<Record<PupilImportField, readonly string[]>> = {
  reference: ['reference', 'ref', 'upn', 'pupilreference', 'pupilref', 'admissionnumber', 'admissionno', 'adno'],
  dateOfBirth: ['dob', 'dateofbirth', 'birthdate'],
  yearGroup: ['year', 'yeargroup', 'ncyear', 'yr'],
  schoolUrn: ['schoolurn', 'urn', 'schoolreference'],
  disadvantaged: ['pupilpremium', 'pp', 'fsm', 'disadvantaged'],
  send: ['send', 'sen'],
  careExperienced: ['careexperienced', 'cla', 'lac'],
  roniScore: ['roni', 'roniscore'],
  displayName: ['name', 'displayname'],
  onRollFrom: ['onrollfrom', 'startdate'],
  onRollTo: ['leavingdate', 'onrollto', 'leavedate'],
};

const FIELD_BY_HEADER: ReadonlyMap<string, PupilImportField> = new Map(
  PUPIL_IMPORT_FIELDS.flatMap((f) => HEADER_ALIASES[f].map((alias) => [alias, f] as const)),
);

/** Flags may come from several columns (e.g. both "PP" and "FSM"); they are OR-ed. */
const FLAG_FIELDS: ReadonlySet<PupilImportField> = new Set(['disadvantaged', 'send', 'careExperienced']);

export function normaliseHeader(header: string): string {
  return header.toLowerCase().replace(/[\s_.-]+/g, '');
}

/** C0/C1 controls, DEL, line separators and bidirectional controls. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE_CELL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/**
 * The fields a header row provides (["UPN", "DOB", "FSM"] → reference, dateOfBirth, disadvantaged),
 * so a re-import can leave alone what the file does not speak for.
 */
export function pupilImportFieldsOf(header: readonly string[]): Set<PupilImportField> {
  const fields = new Set<PupilImportField>();
  for (const raw of header) {
    const field = FIELD_BY_HEADER.get(normaliseHeader(raw));
    if (field) fields.add(field);
  }
  return fields;
}

export interface PupilImportOptions {
  /** The school the pupils are imported into: a schoolUrn column, if present, must match it. */
  readonly schoolUrn: string;
  readonly lowestYearGroup: number;
  readonly highestYearGroup: number;
  /** The day of the import: its academic year turns dates of birth into year groups. */
  readonly importDate: CalendarDate | Date;
  /** Refuse larger files outright (default 50,000 rows). */
  readonly maxRows?: number;
}

export interface ValidPupilRow {
  /** The row number a spreadsheet shows (header = 1). */
  readonly line: number;
  readonly reference: string;
  readonly displayName: string | null;
  readonly dateOfBirth: CalendarDate | null;
  /** As given, or derived from the date of birth for the import date's academic year. */
  readonly yearGroup: number;
  readonly disadvantaged: boolean;
  readonly send: boolean;
  readonly careExperienced: boolean;
  readonly roniScore: number | null;
  readonly onRollFrom: CalendarDate | null;
  readonly onRollTo: CalendarDate | null;
}

export interface PupilImportError {
  /** The row number a spreadsheet shows (header = 1); file-level problems are on line 1. */
  readonly line: number;
  /** A PupilImportField, or 'file' / 'row' for problems with the file or a row's shape. */
  readonly field: string;
  readonly code: ErrorCode;
  readonly message: string;
  /** The row's reference cell, when it has one: erasing that pupil later redacts all of its row's problems. */
  readonly reference?: string;
}

export interface PupilImportResult {
  readonly rows: ValidPupilRow[];
  readonly errors: PupilImportError[];
  /** Data rows in the file (blank rows not counted). */
  readonly totalRows: number;
  /** Headers that matched no known column and were ignored, as written in the file. */
  readonly ignoredColumns: string[];
}

const BOOLEAN_TRUE = new Set(['y', 'yes', 'true', '1']);
const BOOLEAN_FALSE = new Set(['n', 'no', 'false', '0', '']);
const DEFAULT_MAX_ROWS = 50_000;

class RowProblem extends Error {
  constructor(
    readonly field: PupilImportField | 'row',
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function parsePupilCsv(text: string, options: PupilImportOptions): PupilImportResult {
  const { lowestYearGroup: low, highestYearGroup: high } = options;
  if (!Number.isInteger(low) || !Number.isInteger(high) || low > high)
    throw new TypeError('lowestYearGroup and highestYearGroup must be whole numbers, lowest first');
  const schoolUrn = parseUrn(options.schoolUrn, 'schoolUrn');
  const academicYear = academicYearOf(options.importDate);
  const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;

  const fileError = (field: string, code: ErrorCode, message: string, totalRows = 0, ignoredColumns: string[] = []): PupilImportResult => ({
    rows: [],
    errors: [{ line: 1, field, code, message }],
    totalRows,
    ignoredColumns,
  });

  let records: CsvRecord[];
  try {
    records = parseCsv(text);
  } catch (e) {
    if (e instanceof DomainError) return fileError('file', e.code, e.message);
    throw e;
  }
  const isBlankRecord = (r: CsvRecord) => r.fields.every((f) => f.trim() === '');
  const header = records[0];
  if (!header || isBlankRecord(header))
    return fileError('file', 'INVALID_CSV', 'the file is empty: the first line must be a header such as "UPN,DOB,Year Group"');
  const dataRecords = records.slice(1).filter((r) => !isBlankRecord(r));
  const totalRows = dataRecords.length;

  // ── header → columns ──
  const columns = new Map<PupilImportField, number[]>();
  const labels = new Map<PupilImportField, string>();
  const ignoredColumns: string[] = [];
  header.fields.forEach((raw, index) => {
    const field = FIELD_BY_HEADER.get(normaliseHeader(raw));
    if (!field) {
      if (raw.trim() !== '') ignoredColumns.push(raw.trim());
      return;
    }
    columns.set(field, [...(columns.get(field) ?? []), index]);
    if (!labels.has(field)) labels.set(field, raw.trim());
  });
  // Two columns for one value (other than flags) would be a guess at which to believe: refuse.
  for (const [field, idx] of columns) {
    if (idx.length > 1 && !FLAG_FIELDS.has(field)) {
      const names = idx.map((k) => `"${header.fields[k].trim()}"`).join(' and ');
      return fileError(field, 'INVALID_CSV', `columns ${names} both give ${field}: keep one`, totalRows, ignoredColumns);
    }
  }
  if (!columns.has('reference')) {
    return fileError(
      'reference',
      'INVALID_CSV',
      'the header has no pupil reference column (expected one of "UPN", "Reference", "Pupil Reference", "Admission Number")',
      totalRows,
      ignoredColumns,
    );
  }
  if (!columns.has('dateOfBirth') && !columns.has('yearGroup')) {
    return fileError(
      'yearGroup',
      'INVALID_CSV',
      'the header needs a date of birth column ("DOB", "Date of Birth") or a year group column ("Year", "Year Group", "NC Year")',
      totalRows,
      ignoredColumns,
    );
  }
  if (totalRows === 0) return fileError('file', 'INVALID_CSV', 'the file has a header but no pupil rows', 0, ignoredColumns);
  if (totalRows > maxRows)
    return fileError(
      'file',
      'INVALID_CSV',
      `the file has ${totalRows} pupil rows; at most ${maxRows} can be imported at once`,
      totalRows,
      ignoredColumns,
    );

  const label = (f: PupilImportField) => labels.get(f) ?? f;
  const headerWidth = header.fields.length;

  // ── rows ──
  const rows: ValidPupilRow[] = [];
  const errors: PupilImportError[] = [];
  const firstLineOf = new Map<string, number>();

  for (const record of dataRecords) {
    const line = record.row;
    const problems: RowProblem[] = [];
    const value = (f: PupilImportField): string => {
      const idx = columns.get(f);
      return idx ? (record.fields[idx[0]] ?? '').trim() : '';
    };
    const attempt = <T>(fn: () => T): T | undefined => {
      try {
        return fn();
      } catch (e) {
        if (e instanceof RowProblem) {
          problems.push(e);
          return undefined;
        }
        if (e instanceof DomainError) {
          problems.push(new RowProblem((e.field as PupilImportField) ?? 'row', e.code, e.message));
          return undefined;
        }
        throw e;
      }
    };

    // Every cell is one line of plain text: no NUL, control or bidirectional character gets in.
    const dirty = record.fields.findIndex((f) => UNSAFE_CELL.test(f));
    if (dirty >= 0)
      problems.push(
        new RowProblem('row', 'INVALID_TEXT', `column ${dirty + 1} contains a control character (not allowed in any pupil field)`),
      );
    if (record.fields.length > headerWidth && record.fields.slice(headerWidth).some((f) => f.trim() !== '')) {
      problems.push(
        new RowProblem(
          'row',
          'INVALID_CSV',
          `row has ${record.fields.length} values but the header has ${headerWidth} columns (is a comma missing its quotes?)`,
        ),
      );
    }

    // reference
    const reference = attempt(() => {
      const ref = value('reference');
      if (ref === '') throw new RowProblem('reference', 'REQUIRED', `${label('reference')} is required`);
      if (ref.length > 50)
        throw new RowProblem('reference', 'INVALID_TEXT', `${label('reference')} must be at most 50 characters (got ${ref.length})`);
      const first = firstLineOf.get(ref);
      if (first !== undefined)
        throw new RowProblem('reference', 'ALREADY_EXISTS', `${label('reference')} ${showValue(ref)} already appears on line ${first}`);
      firstLineOf.set(ref, line);
      return ref;
    });

    // school URN (optional column; blank cells allowed)
    if (columns.has('schoolUrn') && value('schoolUrn') !== '') {
      attempt(() => {
        const urn = value('schoolUrn');
        if (!/^\d{6}$/.test(urn))
          throw new RowProblem('schoolUrn', 'INVALID_URN', `${label('schoolUrn')} must be 6 digits (got ${showValue(urn)})`);
        if (urn !== schoolUrn)
          throw new RowProblem('schoolUrn', 'INVALID_URN', `${label('schoolUrn')} ${urn} is not this school's URN (${schoolUrn})`);
      });
    }

    const date = (f: PupilImportField): CalendarDate | null | undefined =>
      attempt(() => {
        const raw = value(f);
        if (raw === '') return null;
        const parsed = parseFlexibleDate(raw);
        if (parsed === null)
          throw new RowProblem(
            f,
            'INVALID_DATE',
            `${label(f)} must be a real date written DD/MM/YYYY or YYYY-MM-DD (got ${showValue(raw)})`,
          );
        return parsed;
      });

    const dateOfBirth = date('dateOfBirth');
    const givenYear = attempt(() => {
      const raw = value('yearGroup');
      if (raw === '') return null;
      try {
        return parseYearGroupLoose(raw, label('yearGroup'));
      } catch {
        throw new RowProblem(
          'yearGroup',
          'INVALID_YEAR_GROUP',
          `${label('yearGroup')} must be a year group from 7 to 13, e.g. 7, "Y7" or "Year 7" (got ${showValue(raw)})`,
        );
      }
    });

    const yearGroup = attempt((): number | undefined => {
      if (dateOfBirth === undefined || givenYear === undefined) return undefined; // already reported
      if (dateOfBirth === null && givenYear === null) {
        throw new RowProblem('yearGroup', 'REQUIRED', `each pupil needs a date of birth or a year group (both are blank)`);
      }
      const fromDob = dateOfBirth === null ? null : yearGroupFromDateOfBirth(dateOfBirth, academicYearStart(academicYear));
      if (fromDob !== null && givenYear !== null && fromDob !== givenYear) {
        throw new RowProblem(
          'yearGroup',
          'INVALID_YEAR_GROUP',
          `${label('yearGroup')} ${givenYear} does not match ${label('dateOfBirth')} ${dateOfBirth}, which is ${describeYear(fromDob)} in ${academicYearLabel(academicYear)}`,
        );
      }
      const yg = (givenYear ?? fromDob) as number;
      if (yg < low || yg > high) {
        const field: PupilImportField = givenYear !== null ? 'yearGroup' : 'dateOfBirth';
        const why =
          givenYear !== null
            ? `${label('yearGroup')} ${yg}`
            : `${label('dateOfBirth')} ${dateOfBirth} puts the pupil in ${describeYear(yg)} in ${academicYearLabel(academicYear)}, which`;
        throw new RowProblem(field, 'INVALID_YEAR_GROUP', `${why} is outside this school's years (${low}–${high})`);
      }
      return yg;
    });

    const flag = (f: PupilImportField): boolean | undefined =>
      attempt(() => {
        let result = false;
        for (const idx of columns.get(f) ?? []) {
          const raw = (record.fields[idx] ?? '').trim();
          const v = raw.toLowerCase();
          if (BOOLEAN_TRUE.has(v)) result = true;
          else if (!BOOLEAN_FALSE.has(v)) {
            throw new RowProblem(
              f,
              'INVALID_ENUM_VALUE',
              `${header.fields[idx].trim()} must be one of Y, N, Yes, No, True, False, 1, 0 or blank (got ${showValue(raw)})`,
            );
          }
        }
        return result;
      });
    const disadvantaged = flag('disadvantaged');
    const send = flag('send');
    const careExperienced = flag('careExperienced');

    const roniScore = attempt(() => {
      const raw = value('roniScore');
      if (raw === '') return null;
      if (!/^\d{1,3}$/.test(raw) || Number(raw) > 100)
        throw new RowProblem(
          'roniScore',
          'INVALID_NUMBER',
          `${label('roniScore')} must be a whole number from 0 to 100 (got ${showValue(raw)})`,
        );
      return Number(raw);
    });

    const displayName = attempt(() => {
      const raw = value('displayName');
      if (raw === '') return null;
      if (raw.length > 200)
        throw new RowProblem('displayName', 'INVALID_TEXT', `${label('displayName')} must be at most 200 characters (got ${raw.length})`);
      return raw;
    });

    const onRollFrom = date('onRollFrom');
    const onRollTo = date('onRollTo');
    if (onRollFrom && onRollTo && onRollTo < onRollFrom) {
      problems.push(
        new RowProblem('onRollTo', 'INVALID_WINDOW', `${label('onRollTo')} ${onRollTo} is before ${label('onRollFrom')} ${onRollFrom}`),
      );
    }

    if (problems.length > 0) {
      const ref = value('reference');
      for (const p of problems) errors.push({ line, field: p.field, code: p.code, message: p.message, ...(ref ? { reference: ref } : {}) });
      continue;
    }
    rows.push({
      line,
      reference: reference as string,
      displayName: displayName ?? null,
      dateOfBirth: dateOfBirth ?? null,
      yearGroup: yearGroup as number,
      disadvantaged: disadvantaged === true,
      send: send === true,
      careExperienced: careExperienced === true,
      roniScore: roniScore ?? null,
      onRollFrom: onRollFrom ?? null,
      onRollTo: onRollTo ?? null,
    });
  }

  return { rows, errors, totalRows, ignoredColumns };
}

function describeYear(yearGroup: number): string {
  return yearGroup === 0 ? 'Reception' : yearGroup < 0 ? 'below school age' : `Year ${yearGroup}`;
}
