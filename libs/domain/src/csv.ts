import { DomainError } from './errors';

/**
 * A small RFC 4180 CSV reader and writer: comma-separated fields, double-quoted fields that may hold
 * commas, quotes (written "") and line breaks, records ended by CRLF, LF or a lone CR, an optional
 * UTF-8 byte-order mark. Lenient where spreadsheets are: text after a closing quote is kept, a quote
 * inside an unquoted field is kept as it is. An unterminated quote is the one fatal error.
 */

export interface CsvRecord {
  readonly fields: string[];
  /** 1-based record number: the row number a spreadsheet shows (the header is row 1). */
  readonly row: number;
  /** 1-based physical line the record starts on (differs from `row` after a quoted line break). */
  readonly line: number;
}

const QUOTE = 34; // "
const CR = 13;
const LF = 10;

function countLineBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === LF) n++;
    else if (c === CR && text.charCodeAt(k + 1) !== LF) n++;
  }
  return n;
}

export function parseCsv(text: string, delimiter = ','): CsvRecord[] {
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\r' || delimiter === '\n')
    throw new TypeError('delimiter must be one character other than a quote or line break');
  const delim = delimiter.charCodeAt(0);
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  const records: CsvRecord[] = [];

  const endOfField = (from: number): number => {
    let j = from;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === delim || c === LF || c === CR) break;
      j++;
    }
    return j;
  };

  while (i < n) {
    const startLine = line;
    const fields: string[] = [];
    for (;;) {
      let field: string;
      if (text.charCodeAt(i) === QUOTE) {
        const openedOn = line;
        i++;
        let value = '';
        for (;;) {
          const q = text.indexOf('"', i);
          if (q === -1) {
            throw new DomainError('INVALID_CSV', `the quoted value starting on line ${openedOn} is never closed (a " is missing)`, 'file');
          }
          line += countLineBreaks(text, i, q);
          value += text.slice(i, q);
          if (text.charCodeAt(q + 1) === QUOTE) {
            value += '"';
            i = q + 2;
          } else {
            i = q + 1;
            break;
          }
        }
        const j = endOfField(i);
        field = value + text.slice(i, j);
        i = j;
      } else {
        const j = endOfField(i);
        field = text.slice(i, j);
        i = j;
      }
      fields.push(field);
      if (i < n && text.charCodeAt(i) === delim) {
        i++;
        continue;
      }
      if (text.charCodeAt(i) === CR) i++;
      if (text.charCodeAt(i) === LF) i++;
      line++;
      break;
    }
    records.push({ fields, row: records.length + 1, line: startLine });
  }
  return records;
}

/** Quote a field when it must be (delimiter, quote, CR or LF in it). */
export function formatCsvField(value: string, delimiter = ','): string {
  return value.includes(delimiter) || /["\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Write records as CSV, each ended by CRLF (so `parseCsv(formatCsv(rows))` gives the rows back). */
export function formatCsv(rows: readonly (readonly string[])[], delimiter = ','): string {
  return rows.map((r) => `${r.map((f) => formatCsvField(f, delimiter)).join(delimiter)}\r\n`).join('');
}
