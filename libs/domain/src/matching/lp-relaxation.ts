import type { Highs } from 'highs';
import type { MatchingProblem } from './problem';

/** A loaded HiGHS runtime (the caller loads it: loading is asynchronous, solving is not). */
export type LinearSolver = Highs;

/** A row over pair columns only (every row but the fairness rows), Σ coefficient·x ≤ bound. */
export interface PairRow {
  readonly columns: Int32Array;
  /** null: every coefficient is 1. */
  readonly coefficients: Int32Array | null;
  readonly bound: number;
}

export interface LpSolution {
  /** Optimal value of the relaxation, in points: an upper bound on every assignment. */
  readonly value: number;
  /** x by pair, in [0, 1]. */
  readonly x: Float64Array;
  /** Reduced cost by pair (points; ≤ 0 for a pair at 0 in a maximisation). */
  readonly reducedCost: Float64Array;
  /** Σ coefficient·x of each row of `pairRows`, in its order. */
  readonly pairRowActivity: Float64Array;
}

/**
 * The LP relaxation of a matching problem, solved by HiGHS's dual simplex: one pair per request and
 * per session, offers' sessions left, the fairness penalties as columns that cost more the more a
 * school gets, plus every other constraint that can bind, x in [0, 1]. Its value is an upper bound
 * on every assignment. Cuts are added as rows and branching changes bounds; each re-solve starts
 * from the last basis.
 */
export class LpRelaxation {
  private readonly model: ReturnType<Highs['createModel']>;
  private rowCount = 0;
  private readonly columnCount: number;
  /** The rows over pair columns only (for {0,½}-cuts), and their LP row numbers. */
  readonly pairRows: PairRow[] = [];
  private readonly pairRowIndex: number[] = [];

  constructor(
    private readonly highs: LinearSolver,
    private readonly problem: MatchingProblem,
    side: readonly { readonly pairs: ArrayLike<number>; readonly bound: number }[],
  ) {
    const { pairCount, pairsStart, pairsOfSession, pairRequest, instance, fairness, constraints } = problem;
    const cost: number[] = Array.from(problem.pairPoints);
    const upper: number[] = new Array<number>(pairCount).fill(1);
    const starts: number[] = [0];
    const indices: number[] = [];
    const values: number[] = [];
    const rowUpper: number[] = [];
    const row = (columns: ArrayLike<number>, bound: number, coefficient: (i: number) => number = () => 1) => {
      for (let i = 0; i < columns.length; i++) {
        indices.push(columns[i]);
        values.push(coefficient(i));
      }
      starts.push(indices.length);
      rowUpper.push(bound);
      return rowUpper.length - 1;
    };
    const pairRow = (columns: ArrayLike<number>, bound: number) => {
      const index = row(columns, bound);
      this.pairRows.push({ columns: Int32Array.from(columns), coefficients: null, bound });
      this.pairRowIndex.push(index);
      return index;
    };
    for (let r = 0; r < instance.requests.length; r++) {
      const n = pairsStart[r + 1] - pairsStart[r];
      if (n > 1)
        pairRow(
          Int32Array.from({ length: n }, (_, i) => pairsStart[r] + i),
          1,
        );
    }
    for (const pairs of pairsOfSession) if (pairs.length > 1) pairRow(pairs, 1);
    for (const c of constraints) if (c.kind === 'offer_sessions' && c.pairs.length > c.bound) pairRow(c.pairs, Math.max(0, c.bound));
    for (const c of side) pairRow(c.pairs, c.bound);
    // fairness: a school's k-th proposal costs p_k (growing with k), so Σ x − Σ y_k ≤ (free ones)
    // with y_k ∈ [0, 1] costing p_k fills the cheapest y first: exactly the penalty
    const pairsOfSchool: number[][] = instance.schools.map(() => []);
    for (let p = 0; p < pairCount; p++) pairsOfSchool[instance.requests[pairRequest[p]].school].push(p);
    pairsOfSchool.forEach((pairs, school) => {
      const penalties = Array.from(fairness[school]).filter((penalty) => penalty > 0);
      const free = fairness[school].length - penalties.length;
      if (pairs.length <= free) return;
      const columns = [...pairs];
      for (const penalty of penalties) {
        columns.push(cost.length);
        cost.push(-penalty);
        upper.push(1);
      }
      row(columns, free, (i) => (i < pairs.length ? 1 : -1));
    });
    this.rowCount = rowUpper.length;
    this.columnCount = cost.length;
    this.model = highs.createModel({
      numCols: cost.length,
      numRows: rowUpper.length,
      sense: highs.constants.objectiveSense.maximize,
      colCost: Float64Array.from(cost),
      colLower: new Float64Array(cost.length),
      colUpper: Float64Array.from(upper),
      rowLower: new Float64Array(rowUpper.length).fill(-highs.infinity),
      rowUpper: Float64Array.from(rowUpper),
      matrix: {
        format: 'csr',
        numRows: rowUpper.length,
        numCols: cost.length,
        starts: Int32Array.from(starts),
        indices: Int32Array.from(indices),
        values: Float64Array.from(values),
      },
    });
    // Presolve off: measured faster here (the network rows leave it little to remove, and re-solves
    // after cuts and branching start from the last basis anyway).
    this.model.options.set({ output_flag: false, presolve: 'off' });
  }

  /** Solve, or re-solve from the last basis after cuts or bound changes. */
  solve(): { status: 'optimal'; solution: LpSolution } | { status: 'infeasible' | 'unknown' } {
    this.model.run();
    const status = this.model.getModelStatus();
    const { modelStatus } = this.highs.constants;
    if (status === modelStatus.infeasible) return { status: 'infeasible' };
    if (status !== modelStatus.optimal) return { status: 'unknown' };
    const solution = this.model.getSolution();
    const x = solution.colValue.slice(0, this.problem.pairCount);
    const reducedCost = solution.colDual.slice(0, this.problem.pairCount);
    const pairRowActivity = Float64Array.from(this.pairRowIndex, (r) => solution.rowValue[r]);
    return {
      status: 'optimal',
      solution: { value: Number(this.model.info.get('objective_function_value')), x, reducedCost, pairRowActivity },
    };
  }

  /**
   * A wall-clock limit on the next solves (only when the caller set one: it makes the answer depend
   * on the machine; by default HiGHS runs to its answer, the same on every machine).
   */
  setTimeLimit(seconds: number): void {
    this.model.options.set({ time_limit: seconds });
  }

  /** Bounds on one pair's x (branching: [1, 1] forces it, [0, 0] rules it out, [0, 1] frees it). */
  setPairBounds(pair: number, lower: number, upper: number): void {
    this.model.changeColBounds(pair, lower, upper);
  }

  /**
   * Finish as a MIP (HiGHS's branch-and-cut) over the pairs in `open`, every other pair's x fixed
   * at 0, starting from the assignment `start`. Returns HiGHS's best assignment and its proven
   * bound, or null when it reports neither.
   */
  solveAsMip(
    open: ArrayLike<number>,
    start: ArrayLike<number>,
    maxNodes: number,
  ): { pairs: number[]; bound: number; optimal: boolean; nodes: number } | null {
    const { pairCount } = this.problem;
    const { variableType, modelStatus } = this.highs.constants;
    const keep = new Uint8Array(pairCount);
    for (let i = 0; i < open.length; i++) keep[open[i]] = 1;
    for (let p = 0; p < pairCount; p++) if (!keep[p]) this.model.changeColBounds(p, 0, 0);
    this.model.changeColsIntegrality({ kind: 'range', from: 0, to: pairCount - 1 }, new Int32Array(pairCount).fill(variableType.integer));
    const colValue = new Float64Array(this.columnCount);
    for (let i = 0; i < start.length; i++) colValue[start[i]] = 1;
    this.model.setSolution({ colValue });
    this.model.options.set({ mip_rel_gap: 0, mip_abs_gap: 0.5, mip_max_nodes: maxNodes });
    this.model.run();
    const status = this.model.getModelStatus();
    const bound = Number(this.model.info.get('mip_dual_bound'));
    if (!Number.isFinite(bound)) return null;
    const x = this.model.getSolution().colValue;
    const pairs: number[] = [];
    for (let p = 0; p < pairCount; p++) if (x[p] > 0.5) pairs.push(p);
    return { pairs, bound, optimal: status === modelStatus.optimal, nodes: Number(this.model.info.get('mip_node_count')) };
  }

  /** Add cuts as rows, Σ coefficient·x over `pairs` ≤ bound (coefficients 1 when left out). */
  addRows(cuts: readonly { readonly pairs: ArrayLike<number>; readonly coefficients?: ArrayLike<number>; readonly bound: number }[]): void {
    if (cuts.length === 0) return;
    const starts: number[] = [0];
    const indices: number[] = [];
    const values: number[] = [];
    for (const cut of cuts) {
      for (let i = 0; i < cut.pairs.length; i++) {
        indices.push(cut.pairs[i]);
        values.push(cut.coefficients?.[i] ?? 1);
      }
      starts.push(indices.length);
      this.pairRows.push({
        columns: Int32Array.from(cut.pairs),
        coefficients: cut.coefficients ? Int32Array.from(cut.coefficients) : null,
        bound: cut.bound,
      });
      this.pairRowIndex.push(this.rowCount++);
    }
    this.model.addRows({
      lower: new Float64Array(cuts.length).fill(-this.highs.infinity),
      upper: Float64Array.from(cuts, (c) => c.bound),
      matrix: {
        format: 'csr',
        numRows: cuts.length,
        numCols: this.columnCount,
        starts: Int32Array.from(starts),
        indices: Int32Array.from(indices),
        values: Float64Array.from(values),
      },
    });
  }

  dispose(): void {
    this.model.dispose();
  }
}
