/**
 * Pupil CSV files as a school MIS exports them, for import tests and the import benchmark:
 * `rows` pupils spread over the year groups, dates of birth consistent with the year group in the
 * current academic year (England), and chosen spreadsheet lines made bad, each in one column only.
 *
 *   const csv = pupilCsv({ rows: 1000, badLines: [57, 420, 999], academicYear: academicYearOf(api.clock.today()) });
 */
import { dateOfBirthRangeForYearGroup, daysBetween, addDays, formatCsv } from '@tandem/domain';

export interface PupilCsvOptions {
  rows: number;
  /** Spreadsheet lines (the header is line 1, the first pupil line 2) to spoil. */
  badLines?: readonly number[];
  /** Year groups to spread pupils over (default 7–11). */
  yearGroups?: readonly [number, number];
  /** Reference prefix, so two files can hold different pupils (default "P"). */
  prefix?: string;
  /** Changes the flags and scores (not the references): a later export of the same pupils. */
  variant?: number;
  /** Leave out the flag columns (PP, SEND, care, RONI): a file that does not speak for them. */
  withoutFlags?: boolean;
  /** The academic year the dates of birth are for (the API's clock decides which one is current). */
  academicYear: number;
}

export const PUPIL_CSV_HEADER = ['UPN', 'DOB', 'Year Group', 'Pupil Premium', 'SEND', 'Care Experienced', 'RONI Score'];

/** What makes each spoiled line bad, in turn: one wrong value per line. */
const SPOILERS: ReadonlyArray<(row: string[]) => void> = [
  (row) => (row[2] = '6'), // year group outside 7–13
  (row) => (row[1] = '31/02/2013'), // no such date
  (row) => (row[6] = '150'), // RONI above 100
  (row) => (row[4] = 'maybe'), // not a Y/N flag
  (row) => (row[0] = ''), // no reference
];

export function pupilCsv(options: PupilCsvOptions): string {
  const { rows, badLines = [], yearGroups = [7, 11], prefix = 'P', variant = 0, withoutFlags = false } = options;
  const { academicYear } = options;
  const bad = new Map(badLines.map((line, k) => [line, SPOILERS[k % SPOILERS.length]]));
  const [low, high] = yearGroups;
  const out: string[][] = [withoutFlags ? PUPIL_CSV_HEADER.slice(0, 3) : PUPIL_CSV_HEADER];
  for (let i = 0; i < rows; i++) {
    const yearGroup = low + (i % (high - low + 1));
    const { from, to } = dateOfBirthRangeForYearGroup(yearGroup, academicYear);
    const dob = addDays(from, (i * 37) % (daysBetween(from, to) + 1));
    const k = i + variant;
    const row = [
      `${prefix}${String(i + 1).padStart(7, '0')}`,
      `${dob.slice(8, 10)}/${dob.slice(5, 7)}/${dob.slice(0, 4)}`,
      `Y${yearGroup}`,
      k % 4 === 0 ? 'Y' : 'N',
      k % 7 === 0 ? 'Y' : 'N',
      k % 50 === 0 ? 'Y' : 'N',
      String((k * 13) % 101),
    ];
    bad.get(i + 2)?.(row);
    out.push(withoutFlags ? row.slice(0, 3) : row);
  }
  return formatCsv(out);
}
