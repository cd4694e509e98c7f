import { parsePupilCsv } from '@tandem/domain';
import {
  chunks,
  chunkSizeFor,
  fieldsInFile,
  MAX_IMPORT_CSV_BYTES,
  MAX_STORED_IMPORT_ERRORS,
  parseImportCsv,
  planImport,
  storedErrors,
} from './pupil-import-rules';

const OPTIONS = { schoolUrn: '100001', lowestYearGroup: 7, highestYearGroup: 11, importDate: '2026-11-25' };
const csv = (...lines: string[]): string => lines.join('\r\n') + '\r\n';

const problem = (fn: () => unknown): { code: string; field?: string; message: string } => {
  try {
    fn();
  } catch (e) {
    return e as { code: string; field?: string; message: string };
  }
  throw new Error('expected a DomainError');
};

describe('import request', () => {
  it('needs a non-empty file within the size limit, and says how big it was', () => {
    expect(problem(() => parseImportCsv('  '))).toMatchObject({ code: 'REQUIRED', field: 'input.csv' });
    expect(problem(() => parseImportCsv(42))).toMatchObject({ code: 'REQUIRED', field: 'input.csv' });
    const big = problem(() => parseImportCsv('x'.repeat(MAX_IMPORT_CSV_BYTES + 1)));
    expect(big).toMatchObject({ code: 'INVALID_CSV', field: 'input.csv' });
    expect(big.message).toMatch(/10\.0 MB; at most 10\.0 MB/);
    expect(parseImportCsv('UPN,Year\r\nA1,7\r\n')).toBe('UPN,Year\r\nA1,7\r\n');
  });
});

describe('planImport', () => {
  const mixed = parsePupilCsv(csv('UPN,Year', 'A1,7', 'A2,6', 'A3,8'), OPTIONS);

  it('writes nothing in all-or-nothing mode when any row is bad', () => {
    expect(planImport(mixed, 'all_or_nothing')).toEqual({ rows: [], status: 'failed', errors: mixed.errors });
  });

  it('writes the valid rows only when asked', () => {
    const plan = planImport(mixed, 'valid_rows_only');
    expect(plan.status).toBe('succeeded');
    expect(plan.rows.map((r) => r.reference)).toEqual(['A1', 'A3']);
    expect(plan.errors.map((e) => e.line)).toEqual([3]);
  });

  it('fails a file-level problem or a file with no valid row, whatever the mode', () => {
    expect(planImport(parsePupilCsv(csv('Name,Year', 'Jo,7'), OPTIONS), 'valid_rows_only').status).toBe('failed');
    expect(planImport(parsePupilCsv(csv('UPN,Year', 'A1,6'), OPTIONS), 'valid_rows_only')).toMatchObject({ rows: [], status: 'failed' });
  });

  it('writes a clean file in either mode', () => {
    const clean = parsePupilCsv(csv('UPN,Year', 'A1,7'), OPTIONS);
    expect(planImport(clean, 'all_or_nothing')).toMatchObject({ status: 'succeeded', errors: [] });
  });
});

describe('stored errors and chunks', () => {
  it('keeps the first errors in line order, up to the limit', () => {
    const errors = Array.from({ length: MAX_STORED_IMPORT_ERRORS + 5 }, (_, i) => ({
      line: MAX_STORED_IMPORT_ERRORS + 6 - i,
      field: 'yearGroup',
      code: 'INVALID_YEAR_GROUP' as const,
      message: 'x',
    }));
    const kept = storedErrors(errors);
    expect(kept).toHaveLength(MAX_STORED_IMPORT_ERRORS);
    expect(kept[0].line).toBe(2);
    expect(kept.at(-1)?.line).toBe(MAX_STORED_IMPORT_ERRORS + 1);
  });

  it('writes 1,000 rows per statement, or 5% of a bigger file', () => {
    expect([10, 1000, 20_000, 50_000].map(chunkSizeFor)).toEqual([1000, 1000, 1000, 2500]);
  });

  it('splits rows into chunks', () => {
    expect(chunks([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunks([], 2)).toEqual([]);
  });
});

describe('fieldsInFile', () => {
  it('reads the header row only', () => {
    expect([...(fieldsInFile('\uFEFFUPN,Year Group,PP\r\nA1,7,Y\r\n') ?? [])].sort()).toEqual(['disadvantaged', 'reference', 'yearGroup']);
    expect([...(fieldsInFile('Reference,DOB') ?? [])].sort()).toEqual(['dateOfBirth', 'reference']);
  });

  it('gives up (null: treat every field as given) on a header it cannot read alone', () => {
    expect(fieldsInFile('"UPN\nYear",DOB\nA1,2014-09-01')).toBeNull();
  });
});
