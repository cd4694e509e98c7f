import { parseAttendanceCsv } from './attendance-csv';

describe('parseAttendanceCsv', () => {
  it('reads references from a tolerant header, ignoring other columns and blank rows', () => {
    expect(parseAttendanceCsv('Name,UPN\r\nAmy,A001\n\n"Ben, B",B002\n')).toEqual({
      rows: [
        { line: 2, reference: 'A001' },
        { line: 4, reference: 'B002' },
      ],
      errors: [],
    });
  });
  it('numbers each bad line: blank, too long, repeated', () => {
    const { rows, errors } = parseAttendanceCsv(`Reference,Name\nA1,Amy\n ,Ben\n${'x'.repeat(51)},Cy\nA1,Amy again\n`);
    expect(rows).toEqual([{ line: 2, reference: 'A1' }]);
    expect(errors.map((e) => [e.line, e.code])).toEqual([
      [3, 'REQUIRED'],
      [4, 'INVALID_TEXT'],
      [5, 'ALREADY_EXISTS'],
    ]);
    expect(errors[2].message).toBe('line 5: reference "A1" already appears on line 2');
  });
  it('refuses files without a reference column, without rows, or with a broken quote', () => {
    expect(parseAttendanceCsv('Name\nAmy').errors[0]).toMatchObject({ line: 1, field: 'file', code: 'INVALID_CSV' });
    expect(parseAttendanceCsv('UPN\n').errors[0].message).toMatch(/no pupil rows/);
    expect(parseAttendanceCsv('').errors[0].message).toMatch(/empty/);
    expect(parseAttendanceCsv('UPN,Ref\nA,B').errors[0].message).toMatch(/2 pupil reference columns/);
    expect(parseAttendanceCsv('UPN\n"A1').errors[0]).toMatchObject({ code: 'INVALID_CSV', field: 'file' });
  });
});
