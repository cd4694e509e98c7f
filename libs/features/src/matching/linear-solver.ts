import highsLoader from 'highs';
import type { LinearSolver } from '@tandem/domain';

/**
 * HiGHS's WebAssembly, loaded (asynchronously; solving with it is synchronous). The matching solver
 * uses it for the LP relaxation and to finish its branch-and-bound (see MatchingOptions.linearSolver).
 * `wasmPath` replaces the package's own `highs.wasm` (the tests point it at a missing file to see
 * what happens when HiGHS cannot load).
 */
export function loadLinearSolver(wasmPath?: string): Promise<LinearSolver> {
  return wasmPath === undefined ? highsLoader() : highsLoader({ locateFile: () => wasmPath });
}
