import { formatCsv } from './csv';
import { normaliseHeader, parsePupilCsv, type PupilImportOptions } from './pupil-import';

const OPTIONS: PupilImportOptions = { schoolUrn: '100001', lowestYearGroup: 7, highestYearGroup: 11, importDate: '2025-10-15' };
const csv = (...lines: string[]) => lines.join('\r\n') + '\r\n';

describe('parsePupilCsv: headers', () => {
  it('normalises header spellings', () => {
    expect(normaliseHeader(' Date of_Birth ')).toBe('dateofbirth');
    expect(normaliseHeader('NC-Year')).toBe('ncyear');
  });

  it.each([
    ['UPN,DOB'],
    ['Reference,Date of Birth'],
    ['pupil_reference,date_of_birth'],
    ['Admission Number,Year Group'],
    ['REFERENCE,NC Year'],
    ['Pupil Reference,year'],
  ])('accepts header %p', (header) => {
    const r = parsePupilCsv(
      csv(header, header.toLowerCase().includes('birth') || header.includes('DOB') ? 'A1,2013-09-01' : 'A1,7'),
      OPTIONS,
    );
    expect(r.errors).toEqual([]);
    expect(r.rows).toHaveLength(1);
    expect(r.rows[0]).toMatchObject({ reference: 'A1', yearGroup: 7 });
  });

  it('refuses a file without a reference column, on line 1', () => {
    const r = parsePupilCsv(csv('Name,DOB', 'Jo,2013-09-01'), OPTIONS);
    expect(r.rows).toEqual([]);
    expect(r.totalRows).toBe(1);
    expect(r.errors).toEqual([{ line: 1, field: 'reference', code: 'INVALID_CSV', message: expect.stringContaining('UPN') }]);
  });

  it('refuses a file with neither a date of birth nor a year group column', () => {
    const r = parsePupilCsv(csv('UPN,SEN', 'A1,Y'), OPTIONS);
    expect(r.errors).toEqual([{ line: 1, field: 'yearGroup', code: 'INVALID_CSV', message: expect.stringContaining('date of birth') }]);
  });

  it('refuses two columns for the same value, but ORs flag columns', () => {
    expect(parsePupilCsv(csv('UPN,Reference,Year', 'A1,B1,7'), OPTIONS).errors[0]).toMatchObject({
      line: 1,
      field: 'reference',
      code: 'INVALID_CSV',
    });
    const r = parsePupilCsv(csv('UPN,Year,PP,FSM', 'A1,7,N,Y', 'A2,7,N,N', 'A3,7,Y,'), OPTIONS);
    expect(r.errors).toEqual([]);
    expect(r.rows.map((p) => p.disadvantaged)).toEqual([true, false, true]);
  });

  it('reports unknown columns as ignored', () => {
    const r = parsePupilCsv(csv('UPN,Year,Form,Ethnicity', 'A1,7,7K,x'), OPTIONS);
    expect(r.errors).toEqual([]);
    expect(r.ignoredColumns).toEqual(['Form', 'Ethnicity']);
  });

  it('reports an empty file, a header-only file and a broken quote as file errors', () => {
    expect(parsePupilCsv('', OPTIONS).errors[0]).toMatchObject({ line: 1, field: 'file', code: 'INVALID_CSV' });
    expect(parsePupilCsv(csv('UPN,Year'), OPTIONS).errors[0]).toMatchObject({
      line: 1,
      field: 'file',
      message: expect.stringContaining('no pupil rows'),
    });
    expect(parsePupilCsv(csv('UPN,Year', '"A1,7'), OPTIONS).errors[0]).toMatchObject({
      line: 1,
      field: 'file',
      code: 'INVALID_CSV',
      message: expect.stringContaining('line 2'),
    });
  });

  it('refuses more rows than allowed', () => {
    const r = parsePupilCsv(csv('UPN,Year', 'A1,7', 'A2,7', 'A3,7'), { ...OPTIONS, maxRows: 2 });
    expect(r.rows).toEqual([]);
    expect(r.errors[0]).toMatchObject({ field: 'file', message: expect.stringContaining('at most 2') });
  });
});

describe('parsePupilCsv: values', () => {
  const full = 'UPN,Name,DOB,Year Group,School URN,Pupil Premium,SEND,Care Experienced,RONI Score,On roll from,Leaving date';

  it('reads a full row, with a BOM, UK dates and quoted names', () => {
    const text = '\uFEFF' + csv(full, 'A123456,"Bloggs, Jo",01/09/2013,Y7,100001,Yes,n,TRUE,35,02/09/2025,');
    const r = parsePupilCsv(text, OPTIONS);
    expect(r.errors).toEqual([]);
    expect(r.totalRows).toBe(1);
    expect(r.rows[0]).toEqual({
      line: 2,
      reference: 'A123456',
      displayName: 'Bloggs, Jo',
      dateOfBirth: '2013-09-01',
      yearGroup: 7,
      disadvantaged: true,
      send: false,
      careExperienced: true,
      roniScore: 35,
      onRollFrom: '2025-09-02',
      onRollTo: null,
    });
  });

  it.each([
    ['7', 7],
    ['Y8', 8],
    ['Year 9', 9],
    ['year10', 10],
    [' 11 ', 11],
  ])('reads year group %p', (cell, yg) => {
    const r = parsePupilCsv(csv('UPN,Year', `A1,${cell}`), OPTIONS);
    expect(r.rows[0]?.yearGroup).toBe(yg);
  });

  it('derives the year group from the date of birth on the import date', () => {
    const r = parsePupilCsv(csv('UPN,DOB', 'A1,2014-08-31', 'A2,2013-08-31', 'A3,2010-09-01'), OPTIONS);
    expect(r.rows.map((p) => p.yearGroup)).toEqual([7, 8, 10]);
    const later = parsePupilCsv(csv('UPN,DOB', 'A1,2014-08-31'), { ...OPTIONS, importDate: new Date(Date.UTC(2026, 8, 1)) });
    expect(later.rows[0].yearGroup).toBe(8);
  });

  it('accepts every boolean spelling and blank as false', () => {
    const r = parsePupilCsv(
      csv('UPN,Year,SEN', 'A1,7,Y', 'A2,7,yes', 'A3,7,True', 'A4,7,1', 'A5,7,N', 'A6,7,no', 'A7,7,false', 'A8,7,0', 'A9,7,'),
      OPTIONS,
    );
    expect(r.errors).toEqual([]);
    expect(r.rows.map((p) => p.send)).toEqual([true, true, true, true, false, false, false, false, false]);
  });

  it('treats a missing flag column as false and a missing RONI as null', () => {
    const r = parsePupilCsv(csv('UPN,Year', 'A1,7'), OPTIONS);
    expect(r.rows[0]).toMatchObject({
      disadvantaged: false,
      send: false,
      careExperienced: false,
      roniScore: null,
      displayName: null,
      dateOfBirth: null,
    });
  });
});

describe('parsePupilCsv: row errors', () => {
  const lineErrors = (text: string, options = OPTIONS) => parsePupilCsv(text, options).errors.map((e) => [e.line, e.field, e.code]);

  it('reports each bad row by the line a spreadsheet shows, and keeps the good ones', () => {
    const text = csv(
      'UPN,DOB,Year,RONI',
      'A1,2013-09-01,7,10',
      ',2013-09-01,7,',
      'A3,31/02/2013,,',
      'A4,,Y14,',
      'A5,,7,101',
      'A6,2013-09-01,7,',
    );
    const r = parsePupilCsv(text, OPTIONS);
    expect(r.totalRows).toBe(6);
    expect(r.rows.map((p) => p.reference)).toEqual(['A1', 'A6']);
    expect(r.errors.map((e) => [e.line, e.field, e.code])).toEqual([
      [3, 'reference', 'REQUIRED'],
      [4, 'dateOfBirth', 'INVALID_DATE'],
      [5, 'yearGroup', 'INVALID_YEAR_GROUP'],
      [6, 'roniScore', 'INVALID_NUMBER'],
    ]);
    expect(r.errors[1].message).toBe('DOB must be a real date written DD/MM/YYYY or YYYY-MM-DD (got "31/02/2013")');
  });

  it('counts spreadsheet rows, not physical lines, and keeps blank rows in the numbering', () => {
    const text = csv('UPN,Name,Year', 'A1,"two', 'lines",7', '', 'A2,x,99');
    const r = parsePupilCsv(text, OPTIONS);
    expect(r.totalRows).toBe(2);
    // A quoted line break is still one spreadsheet row (line 2); a name holds no line break, though.
    expect(r.errors.map((e) => [e.line, e.code])).toEqual([
      [2, 'INVALID_TEXT'],
      [4, 'INVALID_YEAR_GROUP'],
    ]);
  });

  it('refuses NUL, control and bidirectional characters in any cell, naming the row (issue 14, finding 6)', () => {
    const r = parsePupilCsv(csv('UPN,Name,Year', 'A1\u0000,x,7', 'A2,\u202Eevil,7', 'A3,fine,7'), OPTIONS);
    expect(r.errors.map((e) => [e.line, e.code])).toEqual([
      [2, 'INVALID_TEXT'],
      [3, 'INVALID_TEXT'],
    ]);
    expect(r.errors[0]?.message).toBe('column 1 contains a control character (not allowed in any pupil field)');
    expect(r.rows.map((row) => row.reference)).toEqual(['A3']);
  });

  it('reports a duplicate reference on the later line, naming the first', () => {
    const r = parsePupilCsv(csv('UPN,Year', 'A1,7', 'A2,7', 'A1,8'), OPTIONS);
    expect(r.rows.map((p) => p.line)).toEqual([2, 3]);
    expect(r.errors).toEqual([
      { line: 4, field: 'reference', code: 'ALREADY_EXISTS', message: 'UPN "A1" already appears on line 2', reference: 'A1' },
    ]);
  });

  it('reports a date of birth and year group that disagree', () => {
    const r = parsePupilCsv(csv('UPN,Date of Birth,Year Group', 'A1,2013-09-01,8'), OPTIONS);
    expect(r.errors).toEqual([
      {
        line: 2,
        field: 'yearGroup',
        code: 'INVALID_YEAR_GROUP',
        message: 'Year Group 8 does not match Date of Birth 2013-09-01, which is Year 7 in 2025/26',
        reference: 'A1',
      },
    ]);
  });

  it("reports year groups outside the school's range, given or derived", () => {
    const opts = { ...OPTIONS, lowestYearGroup: 7, highestYearGroup: 11 };
    expect(lineErrors(csv('UPN,DOB,Year', 'A1,,12', 'A2,2008-01-01,', 'A3,2015-01-01,', 'A4,,11'), opts)).toEqual([
      [2, 'yearGroup', 'INVALID_YEAR_GROUP'],
      [3, 'dateOfBirth', 'INVALID_YEAR_GROUP'],
      [4, 'dateOfBirth', 'INVALID_YEAR_GROUP'],
    ]);
    const sixth = parsePupilCsv(csv('UPN,Year', 'A1,12'), { ...OPTIONS, highestYearGroup: 13 });
    expect(sixth.errors).toEqual([]);
  });

  it('needs a date of birth or a year group on each row', () => {
    expect(lineErrors(csv('UPN,DOB,Year', 'A1,,'))).toEqual([[2, 'yearGroup', 'REQUIRED']]);
  });

  it('checks the school URN column against the school', () => {
    expect(lineErrors(csv('UPN,Year,URN', 'A1,7,100001', 'A2,7,100002', 'A3,7,1234', 'A4,7,'))).toEqual([
      [3, 'schoolUrn', 'INVALID_URN'],
      [4, 'schoolUrn', 'INVALID_URN'],
    ]);
  });

  it('refuses unknown booleans listing the allowed ones', () => {
    const r = parsePupilCsv(csv('UPN,Year,CLA', 'A1,7,maybe'), OPTIONS);
    expect(r.errors[0]).toMatchObject({ line: 2, field: 'careExperienced', code: 'INVALID_ENUM_VALUE' });
    expect(r.errors[0].message).toContain('Y, N, Yes, No');
  });

  it('refuses a leaving date before the start date, and over-long values', () => {
    expect(lineErrors(csv('UPN,Year,Start date,Leaving date', 'A1,7,2025-09-01,2025-08-01'))).toEqual([[2, 'onRollTo', 'INVALID_WINDOW']]);
    expect(lineErrors(csv('UPN,Year,Name', `${'R'.repeat(51)},7,x`, `A2,7,${'n'.repeat(201)}`))).toEqual([
      [2, 'reference', 'INVALID_TEXT'],
      [3, 'displayName', 'INVALID_TEXT'],
    ]);
  });

  it('refuses a row with more values than the header (an unquoted comma)', () => {
    expect(lineErrors(csv('UPN,Year,Name', 'A1,7,Bloggs, Jo'))).toEqual([[2, 'row', 'INVALID_CSV']]);
    expect(lineErrors(csv('UPN,Year', 'A1,7,,'))).toEqual([]); // trailing empty cells are harmless
  });

  it('reports several problems of one row together', () => {
    expect(lineErrors(csv('UPN,Year,SEN,RONI', ',Y3,perhaps,-1'))).toEqual([
      [2, 'reference', 'REQUIRED'],
      [2, 'yearGroup', 'INVALID_YEAR_GROUP'],
      [2, 'send', 'INVALID_ENUM_VALUE'],
      [2, 'roniScore', 'INVALID_NUMBER'],
    ]);
  });
});

describe('parsePupilCsv: volume', () => {
  it('reads 10,000 rows with a few bad ones', () => {
    const rows: string[][] = [['UPN', 'Name', 'DOB', 'Year Group', 'PP', 'SEND', 'CLA', 'RONI']];
    for (let k = 0; k < 10_000; k++) {
      const yg = 7 + (k % 5);
      const cohort = 2025 - yg - 5;
      const dob = `${cohort + 1}-0${1 + (k % 8)}-1${k % 10}`;
      rows.push([
        `A${String(100000 + k)}`,
        `Pupil ${k}, Test`,
        k === 5000 ? '2013-02-30' : dob,
        `Y${yg}`,
        k % 4 === 0 ? 'Y' : 'N',
        k % 7 === 0 ? 'Y' : '',
        '',
        String(k % 101),
      ]);
    }
    const r = parsePupilCsv(formatCsv(rows), OPTIONS);
    expect(r.totalRows).toBe(10_000);
    expect(r.errors).toEqual([expect.objectContaining({ line: 5002, field: 'dateOfBirth', code: 'INVALID_DATE' })]);
    expect(r.rows).toHaveLength(9_999);
  });
});
