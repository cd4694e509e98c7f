import { compareFigures } from './restore-drill';

describe('restore drill comparison', () => {
  it('finds equal figures equal, and counts a figure that differs or is missing on one side as a mismatch', () => {
    const source = new Map<string, string | number>([
      ['table pupils', 8],
      ['table audit_log', 20],
      ['hub a: ledger', '8/0/0/0'],
    ]);
    expect(compareFigures(source, new Map(source)).mismatches).toEqual([]);
    const restored = new Map<string, string | number>([
      ['table pupils', 7],
      ['hub a: ledger', '8/0/0/0'],
    ]);
    expect(compareFigures(source, restored).mismatches).toEqual([
      { what: 'table pupils', source: '8', restored: '7' },
      { what: 'table audit_log', source: '20', restored: 'missing' },
    ]);
  });
});
