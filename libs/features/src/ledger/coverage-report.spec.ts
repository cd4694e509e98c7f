import { parseCsv } from '@tandem/domain';
import { foldCoverage, pupilsCsv, safeCell, schoolsCsv, type CountRow } from './coverage-report';

const row = (over: Partial<CountRow>): CountRow => ({
  groupId: 's1',
  groupName: 'Northfield',
  urn: '100001',
  yearGroup: 7,
  benchmark: 5,
  pupils: 10,
  met: 4,
  priorityPupils: 3,
  priorityMet: 1,
  disadvantagedPupils: 2,
  disadvantagedMet: 1,
  ...over,
});

describe('foldCoverage', () => {
  it('adds up per benchmark, per year group and per group, with percentages and gaps', () => {
    const folded = foldCoverage([
      row({}),
      row({ yearGroup: 8, met: 10 }),
      row({ groupId: 's2', groupName: 'Aire', urn: '100002', benchmark: 6, met: 0 }),
    ]);
    expect(folded.figures).toEqual([
      {
        benchmark: 5,
        pupils: 20,
        met: 14,
        gap: 6,
        percentage: 70,
        priorityPupils: 6,
        priorityMet: 2,
        disadvantagedPupils: 4,
        disadvantagedMet: 2,
      },
      {
        benchmark: 6,
        pupils: 10,
        met: 0,
        gap: 10,
        percentage: 0,
        priorityPupils: 3,
        priorityMet: 1,
        disadvantagedPupils: 2,
        disadvantagedMet: 1,
      },
    ]);
    expect(folded.byYearGroup.map((y) => [y.yearGroup, y.figures.map((f) => f.pupils)])).toEqual([
      [7, [10, 10]],
      [8, [10, 0]],
    ]);
    expect(folded.groups.map((g) => g.name)).toEqual(['Aire', 'Northfield']);
    expect(folded.groups[0].figures[0]).toMatchObject({ pupils: 0, percentage: null });
    // Each school's own year groups: the heat map's rows, from the same counts.
    expect(folded.groups.map((g) => [g.name, g.byYearGroup.map((y) => [y.yearGroup, y.figures.map((f) => f.met)])])).toEqual([
      ['Aire', [[7, [0, 0]]]],
      [
        'Northfield',
        [
          [7, [4, 0]],
          [8, [10, 0]],
        ],
      ],
    ]);
  });
  it('gives zero figures for nothing', () => {
    expect(foldCoverage([]).figures.map((f) => [f.benchmark, f.pupils, f.percentage])).toEqual([
      [5, 0, null],
      [6, 0, null],
    ]);
  });
});

describe('CSV exports', () => {
  it('writes a line per school, year group and benchmark', () => {
    const csv = schoolsCsv([
      { ...row({}), clusterName: 'North' },
      { ...row({ groupName: '=HYPERLINK("x")', benchmark: 6 }), clusterName: null },
    ]);
    const records = parseCsv(csv).map((r) => r.fields);
    expect(records[0].slice(0, 8)).toEqual(['URN', 'School', 'Cluster', 'Year group', 'Benchmark', 'Pupils', 'Met', 'Percentage']);
    expect(records.slice(1).map((r) => r.slice(0, 8))).toEqual([
      ['100001', '\'=HYPERLINK("x")', '', '7', '6', '10', '4', '40.0'],
      ['100001', 'Northfield', 'North', '7', '5', '10', '4', '40.0'],
    ]);
  });
  it('writes a line per pupil with both benchmarks', () => {
    const csv = pupilsCsv([
      { reference: 'B2', yearGroup: 9, priorityRank: 8, benchmark: 5, met: true, encounters: 2 },
      { reference: 'B2', yearGroup: 9, priorityRank: 8, benchmark: 6, met: false, encounters: 0 },
      { reference: 'A1', yearGroup: 9, priorityRank: 0, benchmark: 5, met: false, encounters: 0 },
    ]);
    expect(parseCsv(csv).map((r) => r.fields)).toEqual([
      ['Reference', 'Year group', 'Priority groups', 'BM5', 'BM5 encounters', 'BM6', 'BM6 encounters in window'],
      ['A1', '9', '', 'not met', '0', '', ''],
      ['B2', '9', 'disadvantaged', 'met', '2', 'not met', '0'],
    ]);
  });
  it('defuses formulas', () => {
    expect(safeCell('+1')).toBe("'+1");
    expect(safeCell('UPN1')).toBe('UPN1');
  });
});
