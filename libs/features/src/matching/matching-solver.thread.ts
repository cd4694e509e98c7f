/**
 * The inside of the matching solver's thread (started by MatchingSolverThread): solves each input
 * it is sent, posting its progress on the way and then the result, or the error as plain data (a
 * DomainError keeps its code, field and details; anything else becomes INTERNAL with its message).
 */
import { parentPort } from 'node:worker_threads';
import { DomainError, solveMatching, type LinearSolver, type MatchingProgress } from '@tandem/domain';
import { loadLinearSolver } from './linear-solver';
import type { SolveReply, SolveRequest } from './matching-solver-thread';

/**
 * HiGHS, loaded once as the thread starts and kept. Should it fail to load, solves go on without it
 * (the subgradient solver: the same rules, slower on big hubs and proving less).
 */
const linearSolver: Promise<LinearSolver | undefined> = loadLinearSolver().catch((e: unknown) => {
  console.error(`matching solver thread: HiGHS did not load, solving without it: ${e instanceof Error ? e.message : String(e)}`);
  return undefined;
});

// Requests are answered in the order they came: each waits on the same loaded solver.
parentPort?.on('message', (request: SolveRequest) => void linearSolver.then((solver) => answer(request, solver)));

function answer(request: SolveRequest, linearSolver: LinearSolver | undefined): void {
  let reply: SolveReply;
  try {
    const onProgress = (progress: MatchingProgress) => parentPort?.postMessage({ id: request.id, progress } satisfies SolveReply);
    reply = { id: request.id, result: solveMatching(request.input, { ...request.options, onProgress, linearSolver }) };
  } catch (e) {
    reply =
      e instanceof DomainError
        ? { id: request.id, error: { code: e.code, message: e.message, field: e.field, details: e.details } }
        : { id: request.id, error: { code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) } };
  }
  parentPort?.postMessage(reply);
}
