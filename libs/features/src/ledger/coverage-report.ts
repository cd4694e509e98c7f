import { BENCHMARKS, coveragePercentage, formatCsv, priorityGroupsOf, type Benchmark } from '@tandem/domain';

/**
 * Pure shaping of coverage counts: rows of (group, year group, benchmark, counters) from the rollups
 * or a snapshot become the figures a dashboard shows, and CSV exports. No I/O.
 */

export interface Counters {
  pupils: number;
  met: number;
  priorityPupils: number;
  priorityMet: number;
  disadvantagedPupils: number;
  disadvantagedMet: number;
}

export interface CountRow extends Counters {
  /** The school or cluster the row belongs to (null: no cluster), or null when not grouped. */
  groupId: string | null;
  groupName: string;
  urn: string | null;
  yearGroup: number;
  benchmark: number;
}

export interface Figure extends Counters {
  benchmark: number;
  gap: number;
  percentage: number | null;
}

export interface FoldedCoverage {
  figures: Figure[];
  byYearGroup: Array<{ yearGroup: number; figures: Figure[] }>;
  groups: Array<{
    id: string | null;
    name: string;
    urn: string | null;
    figures: Figure[];
    byYearGroup: Array<{ yearGroup: number; figures: Figure[] }>;
  }>;
}

const zero = (): Counters => ({ pupils: 0, met: 0, priorityPupils: 0, priorityMet: 0, disadvantagedPupils: 0, disadvantagedMet: 0 });

function add(into: Counters, row: Counters): void {
  into.pupils += row.pupils;
  into.met += row.met;
  into.priorityPupils += row.priorityPupils;
  into.priorityMet += row.priorityMet;
  into.disadvantagedPupils += row.disadvantagedPupils;
  into.disadvantagedMet += row.disadvantagedMet;
}

/** One figure per benchmark (5 then 6), zeros where there are no rows. */
function figuresOf(rows: readonly CountRow[]): Figure[] {
  return BENCHMARKS.map((benchmark: Benchmark) => {
    const c = zero();
    for (const r of rows) if (r.benchmark === benchmark) add(c, r);
    return { benchmark, ...c, gap: c.pupils - c.met, percentage: coveragePercentage(c.met, c.pupils) };
  });
}

function byYearGroup(rows: readonly CountRow[]): Array<{ yearGroup: number; figures: Figure[] }> {
  const years = [...new Set(rows.map((r) => r.yearGroup))].sort((a, b) => a - b);
  return years.map((yearGroup) => ({ yearGroup, figures: figuresOf(rows.filter((r) => r.yearGroup === yearGroup)) }));
}

export function foldCoverage(rows: readonly CountRow[]): FoldedCoverage {
  const groupKeys = new Map<string, { id: string | null; name: string; urn: string | null }>();
  for (const r of rows) groupKeys.set(String(r.groupId), { id: r.groupId, name: r.groupName, urn: r.urn });
  const groups = [...groupKeys.values()]
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB') || String(a.id).localeCompare(String(b.id)))
    .map((g) => {
      const own = rows.filter((r) => r.groupId === g.id);
      return { ...g, figures: figuresOf(own), byYearGroup: byYearGroup(own) };
    });
  return {
    figures: figuresOf(rows),
    byYearGroup: byYearGroup(rows),
    groups,
  };
}

/** Text a spreadsheet would run as a formula is prefixed with ' (CSV injection). */
export function safeCell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

const percent = (met: number, pupils: number): string => {
  const p = coveragePercentage(met, pupils);
  return p === null ? '' : p.toFixed(1);
};

/** A line per school, year group and benchmark (no pupil data). */
export function schoolsCsv(rows: ReadonlyArray<CountRow & { clusterName: string | null }>): string {
  const sorted = [...rows].sort(
    (a, b) =>
      a.groupName.localeCompare(b.groupName, 'en-GB') ||
      String(a.urn).localeCompare(String(b.urn)) ||
      a.yearGroup - b.yearGroup ||
      a.benchmark - b.benchmark,
  );
  return formatCsv([
    [
      'URN',
      'School',
      'Cluster',
      'Year group',
      'Benchmark',
      'Pupils',
      'Met',
      'Percentage',
      'Priority pupils',
      'Priority met',
      'Disadvantaged pupils',
      'Disadvantaged met',
    ],
    ...sorted.map((r) => [
      r.urn ?? '',
      safeCell(r.groupName),
      safeCell(r.clusterName ?? ''),
      String(r.yearGroup),
      String(r.benchmark),
      String(r.pupils),
      String(r.met),
      percent(r.met, r.pupils),
      String(r.priorityPupils),
      String(r.priorityMet),
      String(r.disadvantagedPupils),
      String(r.disadvantagedMet),
    ]),
  ]);
}

export interface PupilLine {
  reference: string;
  yearGroup: number;
  priorityRank: number;
  benchmark: number;
  met: boolean;
  encounters: number;
}

/** A line per pupil with both benchmarks side by side (the school's own record). */
export function pupilsCsv(lines: readonly PupilLine[]): string {
  const byPupil = new Map<string, { reference: string; yearGroup: number; priorityRank: number; bm: Map<number, PupilLine> }>();
  for (const l of lines) {
    const key = `${l.reference}|${l.yearGroup}`;
    let p = byPupil.get(key);
    if (!p) {
      p = { reference: l.reference, yearGroup: l.yearGroup, priorityRank: l.priorityRank, bm: new Map() };
      byPupil.set(key, p);
    }
    p.bm.set(l.benchmark, l);
  }
  const cells = (l: PupilLine | undefined): string[] => (l ? [l.met ? 'met' : 'not met', String(l.encounters)] : ['', '']);
  const sorted = [...byPupil.values()].sort(
    (a, b) => a.yearGroup - b.yearGroup || (a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : 0),
  );
  return formatCsv([
    ['Reference', 'Year group', 'Priority groups', 'BM5', 'BM5 encounters', 'BM6', 'BM6 encounters in window'],
    ...sorted.map((p) => [
      safeCell(p.reference),
      String(p.yearGroup),
      priorityGroupsOf(p.priorityRank).join(' '),
      ...cells(p.bm.get(5)),
      ...cells(p.bm.get(6)),
    ]),
  ]);
}
