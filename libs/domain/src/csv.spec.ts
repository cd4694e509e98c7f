import fc from 'fast-check';
import { formatCsv, parseCsv } from './csv';
import { DomainError } from './errors';

const fieldsOf = (text: string) => parseCsv(text).map((r) => r.fields);

describe('parseCsv', () => {
  it('reads plain records with LF, CRLF or CR endings', () => {
    expect(fieldsOf('a,b\n1,2\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(fieldsOf('a,b\r\n1,2\r\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(fieldsOf('a,b\r1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(fieldsOf('a,b\n1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('keeps empty fields, including a trailing one', () => {
    expect(fieldsOf(',a,,\n')).toEqual([['', 'a', '', '']]);
    expect(fieldsOf('a,')).toEqual([['a', '']]);
  });

  it('reads quoted fields with commas, escaped quotes and line breaks', () => {
    expect(fieldsOf('"Smith, Jo","She said ""hi""","two\r\nlines"\n')).toEqual([['Smith, Jo', 'She said "hi"', 'two\r\nlines']]);
    expect(fieldsOf('""\n')).toEqual([['']]);
  });

  it('strips a byte-order mark', () => {
    expect(fieldsOf('\uFEFFUPN,DOB\nA1,2013-09-01')).toEqual([
      ['UPN', 'DOB'],
      ['A1', '2013-09-01'],
    ]);
  });

  it('counts rows as a spreadsheet does, and physical lines separately', () => {
    const recs = parseCsv('h1,h2\n"multi\nline",x\n\nlast,y\n');
    expect(recs.map((r) => [r.row, r.line])).toEqual([
      [1, 1],
      [2, 2],
      [3, 4],
      [4, 5],
    ]);
    expect(recs[2].fields).toEqual(['']); // a blank line is an empty record, so row numbers stay true
  });

  it('is lenient about stray quotes the way spreadsheets are', () => {
    expect(fieldsOf('O"Brien,x\n')).toEqual([['O"Brien', 'x']]);
    expect(fieldsOf('"abc"def,x\n')).toEqual([['abcdef', 'x']]);
  });

  it('fails with INVALID_CSV naming the line of an unterminated quote', () => {
    try {
      parseCsv('a,b\n1,2\n"open,3\n4,5\n');
      throw new Error('expected a throw');
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).code).toBe('INVALID_CSV');
      expect((e as DomainError).message).toContain('line 3');
    }
  });

  it('reads other delimiters and refuses silly ones', () => {
    expect(fieldsOf('a;b')).toEqual([['a;b']]);
    expect(parseCsv('a;"b;c"', ';').map((r) => r.fields)).toEqual([['a', 'b;c']]);
    expect(() => parseCsv('a', '"')).toThrow(TypeError);
  });

  it('returns nothing for empty text', () => {
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv('\uFEFF')).toEqual([]);
  });

  it('round-trips any table through formatCsv (property)', () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', ',', '"', '\r', '\n', 'é', '1', "'"), maxLength: 8 });
    const table = fc.array(fc.array(field, { minLength: 1, maxLength: 6 }), { maxLength: 10 });
    fc.assert(
      fc.property(table, (rows) => {
        expect(fieldsOf(formatCsv(rows))).toEqual(rows);
      }),
    );
  });

  it('row numbers survive quoted line breaks (property)', () => {
    const field = fc.string({ unit: fc.constantFrom('x', '\n', ','), maxLength: 5 });
    fc.assert(
      fc.property(fc.array(fc.array(field, { minLength: 1, maxLength: 3 }), { maxLength: 8 }), (rows) => {
        const recs = parseCsv(formatCsv(rows));
        expect(recs.map((r) => r.row)).toEqual(rows.map((_, k) => k + 1));
      }),
    );
  });
});
