/**
 * The inside of the matching solver's thread (started by MatchingSolverThread): solves each input
 * it is sent, posting its progress on the way and then the result, or the error as plain data (a
 * DomainError keeps its code, field and details; anything else becomes INTERNAL with its message).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { DomainError, solveMatching, type LinearSolver, type MatchingProgress } from '@tandem/domain';
import { loadLinearSolver } from './linear-solver';
import type { SolveReply, SolveRequest, SolverThreadData } from './matching-solver-thread';

/**
 * HiGHS, loaded once as the thread starts and kept. Should it fail to load, the parent is told (it
 * logs an error and counts it) and solves go on without it: the heuristic, every rule kept but not
 * proven optimal (`MatchingResult.unproven`).
 */
const linearSolver: Promise<LinearSolver | undefined> = loadLinearSolver(
  (workerData as SolverThreadData | undefined)?.linearSolverWasm,
).catch((e: unknown) => {
  parentPort?.postMessage({ linearSolverUnavailable: e instanceof Error ? e.message : String(e) } satisfies SolveReply);
  return undefined;
});

// Requests are answered in the order they came: each waits on the same loaded solver.
parentPort?.on('message', (request: SolveRequest) => void linearSolver.then((solver) => answer(request, solver)));

function answer(request: SolveRequest, linearSolver: LinearSolver | undefined): void {
  let reply: SolveReply;
  try {
    const onProgress = (progress: MatchingProgress) => parentPort?.postMessage({ id: request.id, progress } satisfies SolveReply);
    reply = {
      id: request.id,
      result: solveMatching(request.input, { ...request.options, onProgress, linearSolver }),
      withLinearSolver: linearSolver !== undefined,
    };
  } catch (e) {
    reply =
      e instanceof DomainError
        ? { id: request.id, error: { code: e.code, message: e.message, field: e.field, details: e.details } }
        : { id: request.id, error: { code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) } };
  }
  parentPort?.postMessage(reply);
}
