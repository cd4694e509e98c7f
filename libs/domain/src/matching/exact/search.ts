import type { LinearSolver, LpRelaxation, LpSolution } from '../lp-relaxation';
import type { MatchingProgress } from '../model';
import { objectiveOf, type MatchingProblem } from '../problem';
import { Repairer } from '../repair';

/** Tolerance on LP values. */
export const EPSILON = 1e-6;
/**
 * Added to every LP value used as a bound: HiGHS solves in floating point, to tolerances of about
 * 1e-7 per unit, which over thousands of units stays far below this (objectives are whole points).
 */
export const LP_TOLERANCE = 0.01;

export interface ExactOptions {
  readonly linearSolver: LinearSolver;
  /** Branch nodes, the dive's and HiGHS's together. */
  readonly maxBranchNodes: number;
  /** Rounds of cuts on the LP root (default: root.ts's LP_CUT_ROUNDS; tests set 0). */
  readonly cutRounds?: number;
  readonly timeLimitMs?: number;
  readonly onProgress?: (progress: MatchingProgress) => void;
}

/**
 * What the stages of the exact solve share (root.ts, dive.ts, finish.ts): the best assignment so
 * far (the incumbent), the best bound so far, the node count, the clock, and the observer.
 */
export class ExactSearch {
  private readonly repairer: Repairer;
  incumbent: Int32Array = new Int32Array(0);
  incumbentValue = 0;
  branchNodes = 0;
  private bestBound = Infinity;

  constructor(
    readonly problem: MatchingProblem,
    readonly options: ExactOptions,
    private readonly startedAt: number,
  ) {
    this.repairer = new Repairer(problem);
  }

  /** A set of pairs, repaired into a feasible one: kept when it beats the best so far (ties keep the first found). */
  offer(pairs: readonly number[]): void {
    const repaired = this.repairer.repair(pairs);
    const value = objectiveOf(this.problem, repaired);
    if (value > this.incumbentValue) {
      this.incumbentValue = value;
      this.incumbent = Int32Array.from(repaired);
    }
  }

  /**
   * An assignment from an LP solution: its pairs at one half or more, repaired. An integral LP
   * solution keeps every rule already (all are rows of the LP or implied by them); repairing it
   * anyway costs one pass and means a floating-point slip in HiGHS can never hand over a broken rule.
   */
  offerRounded({ x }: LpSolution): void {
    const half: number[] = [];
    x.forEach((v, p) => {
      if (v >= 0.5 - EPSILON) half.push(p);
    });
    this.offer(half);
  }

  /** Objectives are whole points: a bound below z + 1 proves that nothing beats the incumbent z. */
  proves(bound: number): boolean {
    return bound < this.incumbentValue + 1;
  }

  /** Tell the observer the stage reached (`share` of the solve), the incumbent and the best bound so far. */
  report(bound: number, share: number): void {
    this.bestBound = Math.min(this.bestBound, bound);
    this.options.onProgress?.({ work: 0, maxWork: 0, objective: this.incumbentValue, bound: this.bestBound, share });
  }

  outOfTime(): boolean {
    return this.options.timeLimitMs !== undefined && performance.now() - this.startedAt > this.options.timeLimitMs;
  }

  /** HiGHS gets what is left of `timeLimitMs`, when one is set (by default it runs to its answer: deterministic). */
  limitLpTime(lp: LpRelaxation): void {
    const { timeLimitMs } = this.options;
    if (timeLimitMs !== undefined) lp.setTimeLimit(Math.max(0.001, (timeLimitMs - (performance.now() - this.startedAt)) / 1000));
  }

  solveLp(lp: LpRelaxation): ReturnType<LpRelaxation['solve']> {
    this.limitLpTime(lp);
    return lp.solve();
  }
}
