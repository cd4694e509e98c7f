/**
 * The heat map's arithmetic: one cell per school × year group × benchmark (coverage %), schools
 * ordered worst first, and a colour scale that a person reads at a glance (red = far behind,
 * green = met) while the number in the cell carries the meaning for those who cannot tell colours.
 */

export interface Figure {
  benchmark: number;
  met: number;
  pupils: number;
  /** 0–100, one decimal; null when there is nobody to count. */
  percentage: number | null;
  gap: number;
}

export interface HeatRow {
  id: string;
  name: string;
  /** yearGroup → benchmark → figure */
  cells: Map<number, Map<number, Figure>>;
  /** The school's overall figures per benchmark. */
  totals: Map<number, Figure>;
}

export interface CoverageLike {
  figures: readonly Figure[];
  byYearGroup: readonly { yearGroup: number; figures: readonly Figure[] }[];
}

export function heatRow(id: string, name: string, coverage: CoverageLike): HeatRow {
  const cells = new Map<number, Map<number, Figure>>();
  for (const y of coverage.byYearGroup) cells.set(y.yearGroup, new Map(y.figures.map((f) => [f.benchmark, f])));
  return { id, name, cells, totals: new Map(coverage.figures.map((f) => [f.benchmark, f])) };
}

/** met / pupils over the given benchmarks; null when nobody is counted. */
export function combinedRatio(row: HeatRow, benchmarks: readonly number[]): number | null {
  let met = 0;
  let pupils = 0;
  for (const b of benchmarks) {
    const f = row.totals.get(b);
    if (f) {
      met += f.met;
      pupils += f.pupils;
    }
  }
  return pupils > 0 ? met / pupils : null;
}

/**
 * Worst first: lowest combined coverage over the shown benchmarks; a larger gap (more pupils still
 * waiting) breaks ties; schools with nobody counted go last; then by name, so the order is stable.
 */
export function orderWorstFirst(rows: readonly HeatRow[], benchmarks: readonly number[]): HeatRow[] {
  const gap = (r: HeatRow) => benchmarks.reduce((n, b) => n + (r.totals.get(b)?.gap ?? 0), 0);
  return [...rows].sort((a, b) => {
    const ra = combinedRatio(a, benchmarks);
    const rb = combinedRatio(b, benchmarks);
    if (ra === null || rb === null) {
      if (ra !== rb) return ra === null ? 1 : -1;
    } else if (ra !== rb) return ra - rb;
    return gap(b) - gap(a) || a.name.localeCompare(b.name, 'en-GB');
  });
}

/** Year groups present in any row, ascending. */
export function yearGroupsOf(rows: readonly HeatRow[]): number[] {
  return [...new Set(rows.flatMap((r) => [...r.cells.keys()]))].sort((a, b) => a - b);
}

export const HEAT_BANDS = [
  { upTo: 25, background: '#b91c1c', color: '#ffffff', label: 'under 25%' },
  { upTo: 50, background: '#f97316', color: '#1f2937', label: '25–49%' },
  { upTo: 75, background: '#fde047', color: '#1f2937', label: '50–74%' },
  { upTo: 100, background: '#86efac', color: '#14532d', label: '75–99%' },
  { upTo: Infinity, background: '#15803d', color: '#ffffff', label: 'everyone' },
] as const;

/** Colours for a coverage percentage (contrast ≥ 4.5:1 for the number printed on it). */
export function heatColour(percentage: number | null | undefined): { background: string; color: string } {
  if (percentage === null || percentage === undefined) return { background: '#f3f4f6', color: '#4b5563' };
  if (percentage >= 100) return { background: '#15803d', color: '#ffffff' };
  const band = HEAT_BANDS.find((b) => percentage < b.upTo) ?? HEAT_BANDS[HEAT_BANDS.length - 1];
  return { background: band.background, color: band.color };
}

/** The cell's text: "46%" (never 100% unless everyone), "—" when nobody is counted. */
export function cellText(f: Figure | undefined): string {
  if (!f || f.pupils === 0 || f.percentage === null) return '—';
  if (f.met < f.pupils && f.percentage >= 99.5) return '99%';
  return `${Math.round(f.percentage)}%`;
}
