import highsLoader from 'highs';
import type { LinearSolver } from '@tandem/domain';

/**
 * HiGHS's WebAssembly, loaded (asynchronously; solving with it is synchronous). The matching solver
 * uses it for the LP relaxation and to finish its branch-and-bound (see MatchingOptions.linearSolver).
 */
export function loadLinearSolver(): Promise<LinearSolver> {
  return highsLoader();
}
