import { AsyncResource } from 'node:async_hooks';
import { totalmem } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { Inject, Injectable, Logger, Optional, type OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@tandem/platform';
import {
  DomainError,
  type ErrorCode,
  type FieldProblem,
  type MatchingOptions,
  type MatchingProgress,
  type MatchingResult,
} from '@tandem/domain';

/** What crosses to the thread: plain data only (no callbacks; the thread loads its own LP solver). */
export type ThreadMatchingOptions = Omit<MatchingOptions, 'onProgress' | 'linearSolver'>;

export interface SolveRequest {
  id: number;
  input: unknown;
  options: ThreadMatchingOptions;
}

export type SolveReply =
  | { id: number; progress: MatchingProgress }
  | { id: number; result: MatchingResult; withLinearSolver: boolean }
  | { id: number; error: { code: ErrorCode; message: string; field?: string; details?: readonly FieldProblem[] } }
  | { linearSolverUnavailable: string };

/** What the thread starts with (`workerData`). */
export interface SolverThreadData {
  /** Where HiGHS's WebAssembly is, when not in the package (tests: a missing file). */
  readonly linearSolverWasm?: string;
}

export const MATCHING_SOLVER_THREAD_DATA = Symbol('MATCHING_SOLVER_THREAD_DATA');

/**
 * Times the exact solver was not at hand, since the process started. The hook for metrics: an
 * exporter (prom-client) reads these, e.g. in a counter's collect(). Each is also logged as an error.
 *   linearSolverLoadFailures: HiGHS failed to load on a solver thread;
 *   heuristicSolves: solves answered without it (the heuristic, not proven optimal).
 */
export const matchingSolverCounters = { linearSolverLoadFailures: 0, heuristicSolves: 0 };

/**
 * The thread's entry beside this file. From the sources (development, tests) the thread installs the
 * project's TypeScript loader first (what `node -r ./scripts/register.js` runs); the production build
 * (`npm run build`) is plain JavaScript with its aliases resolved and needs none.
 */
const FROM_SOURCES = __filename.endsWith('.ts');
const REGISTER = join(__dirname, '..', '..', '..', '..', 'scripts', 'register.js');
const ENTRY = join(__dirname, `matching-solver.thread${FROM_SOURCES ? '.ts' : '.js'}`);
const THREAD_SOURCE = `${FROM_SOURCES ? `require(${JSON.stringify(REGISTER)}); ` : ''}require(${JSON.stringify(ENTRY)});`;
/** The most the thread's heap may take (the largest benchmarked hub needs far less). */
const MAX_THREAD_HEAP_MB = 4096;

/**
 * The thread's own heap limit, so a hub too big to solve fails its run (the thread dies, the run is
 * retried then failed) instead of the container being OOM-killed with every job in it (issue 15: 4 GB
 * inside a 768 Mi container). `setting` (MATCHING_THREAD_HEAP_MB) wins; otherwise half the memory the
 * process may use (its cgroup limit in a container, else the machine's), at most 4096 MB and at
 * least 64: the other half is the worker's own heap, buffers and the thread's code.
 */
export function matchingThreadHeapMb(setting: number, constrainedBytes: number | undefined, totalBytes: number): number {
  if (setting > 0) return setting;
  const limit = constrainedBytes && constrainedBytes > 0 && constrainedBytes < totalBytes ? constrainedBytes : totalBytes;
  return Math.max(64, Math.min(MAX_THREAD_HEAP_MB, Math.floor(limit / 1024 / 1024 / 2)));
}

/**
 * Runs `solveMatching` on a worker thread. A large hub takes tens of seconds of CPU; on the worker's
 * main thread that would stop its event loop for as long, so BullMQ could not renew the job's lock
 * (the run would be taken for stalled and started again elsewhere) and mail, imports and the outbox
 * relay would stand still. One thread, started on first use and kept (the next run finds the
 * solver compiled and warm); solves queue up in order. If the thread dies, the solves waiting on it
 * fail (their jobs are retried) and the next solve starts a new thread.
 */
@Injectable()
export class MatchingSolverThread implements OnApplicationShutdown {
  private readonly logger = new Logger(MatchingSolverThread.name);
  private thread: Worker | null = null;
  private nextId = 1;
  private readonly waiting = new Map<
    number,
    { resolve: (r: MatchingResult) => void; reject: (e: Error) => void; onProgress?: (p: MatchingProgress) => void }
  >();
  readonly heapMb: number;

  constructor(
    @Optional() @Inject(MATCHING_SOLVER_THREAD_DATA) private readonly threadData: SolverThreadData = {},
    @Optional() config?: AppConfig,
  ) {
    this.heapMb = matchingThreadHeapMb(config?.matchingThreadHeapMb ?? 0, process.constrainedMemory?.(), totalmem());
  }

  /** Solves on the thread; `onProgress` hears how it goes (see MatchingOptions.onProgress). */
  solve(input: unknown, options: ThreadMatchingOptions, onProgress?: (progress: MatchingProgress) => void): Promise<MatchingResult> {
    const thread = this.thread ?? this.start();
    thread.ref(); // busy: keep the process up until the answer comes
    const id = this.nextId++;
    return new Promise<MatchingResult>((resolve, reject) => {
      // Progress arrives on the thread's message events, which run in the async context of whoever
      // started the thread: bind it to this caller's, so its TenantContext (and RLS) is the run's own.
      this.waiting.set(id, { resolve, reject, onProgress: onProgress && AsyncResource.bind(onProgress) });
      thread.postMessage({ id, input, options } satisfies SolveRequest);
    });
  }

  /** After the worker has drained (beforeApplicationShutdown): a run still solving finishes first. */
  async onApplicationShutdown(): Promise<void> {
    const thread = this.thread;
    this.thread = null;
    await thread?.terminate();
    this.failWaiting(new Error('the matching solver thread was stopped'));
  }

  private start(): Worker {
    // Started without the parent's flags: from the sources it installs the TypeScript loader itself, under jest too.
    const thread = new Worker(THREAD_SOURCE, {
      eval: true,
      execArgv: [],
      workerData: this.threadData,
      resourceLimits: { maxOldGenerationSizeMb: this.heapMb },
    });
    thread.unref(); // an idle solver thread never keeps the process alive
    thread.on('message', (reply: SolveReply) => {
      if ('linearSolverUnavailable' in reply) {
        matchingSolverCounters.linearSolverLoadFailures++;
        this.logger.error(
          `HiGHS did not load on the matching solver thread (${reply.linearSolverUnavailable}): runs are answered by the heuristic, not proven optimal, until the thread restarts`,
        );
        return;
      }
      const waiter = this.waiting.get(reply.id);
      if (!waiter) return;
      if ('progress' in reply) {
        waiter.onProgress?.(reply.progress);
        return;
      }
      this.waiting.delete(reply.id);
      if (this.waiting.size === 0) thread.unref();
      if ('result' in reply) {
        if (!reply.withLinearSolver) {
          matchingSolverCounters.heuristicSolves++;
          this.logger.error(`matching solved without HiGHS: ${reply.result.unproven?.message ?? 'the heuristic met its bound'}`);
        }
        waiter.resolve(reply.result);
      } else waiter.reject(new DomainError(reply.error.code, reply.error.message, reply.error.field, reply.error.details));
    });
    const lost = (why: string) => {
      if (this.thread !== thread) return;
      this.thread = null;
      this.logger.warn(`matching solver thread ended: ${why}`);
      this.failWaiting(new Error(`the matching solver thread ended (${why})`));
    };
    thread.on('error', (e) => lost(e.message));
    thread.on('exit', (code) => lost(`exit code ${code}`));
    this.thread = thread;
    return thread;
  }

  private failWaiting(error: Error): void {
    for (const waiter of this.waiting.values()) waiter.reject(error);
    this.waiting.clear();
  }
}
