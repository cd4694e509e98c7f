export * from './matching.module';
export { MatchingService } from './matching.service';
export { MatchingRunRunner, type MatchingRunResult } from './matching-run.runner';
export { MatchingSolverThread, matchingSolverCounters } from './matching-solver-thread';
export { buildMatchingInput, type MatchingSnapshot } from './matching-input';
export * from './matching.types';
