/**
 * The inside of the matching solver's thread (started by MatchingSolverThread): solves each input
 * it is sent, posting its progress on the way and then the result, or the error as plain data (a
 * DomainError keeps its code, field and details; anything else becomes INTERNAL with its message).
 */
import { parentPort } from 'node:worker_threads';
import { DomainError, solveMatching, type MatchingProgress } from '@tandem/domain';
import type { SolveReply, SolveRequest } from './matching-solver-thread';

parentPort?.on('message', (request: SolveRequest) => {
  let reply: SolveReply;
  try {
    const onProgress = (progress: MatchingProgress) => parentPort?.postMessage({ id: request.id, progress } satisfies SolveReply);
    reply = { id: request.id, result: solveMatching(request.input, { ...request.options, onProgress }) };
  } catch (e) {
    reply =
      e instanceof DomainError
        ? { id: request.id, error: { code: e.code, message: e.message, field: e.field, details: e.details } }
        : { id: request.id, error: { code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) } };
  }
  parentPort?.postMessage(reply);
});
