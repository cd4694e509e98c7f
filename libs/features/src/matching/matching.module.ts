import { Module } from '@nestjs/common';
import { BookingsModule } from '@tandem/features/bookings';
import { HubsModule } from '@tandem/features/hubs';
import { MatchingRunProcessor } from './matching-run.processor';
import { MatchingRunRunner } from './matching-run.runner';
import { MatchingSolverThread } from './matching-solver-thread';
import { MatchingProposalRepository, MatchingRunRepository, MatchingUnmatchedRepository } from './matching-runs.repository';
import { MatchingSnapshotRepository } from './matching-snapshot.repository';
import { MatchingResolver } from './matching.resolver';
import { MatchingService } from './matching.service';

/**
 * Matching in the API: start a run (the worker solves it), read runs with their proposals and
 * unmatched requests, accept (→ bookings through BookingsService.propose) or reject proposals.
 */
@Module({
  imports: [BookingsModule, HubsModule],
  providers: [MatchingRunRepository, MatchingProposalRepository, MatchingUnmatchedRepository, MatchingService, MatchingResolver],
})
export class MatchingModule {}

/** Matching in the worker: the `matching` queue's processor and the run it drives (no resolvers). */
@Module({
  providers: [
    MatchingRunRepository,
    MatchingProposalRepository,
    MatchingSnapshotRepository,
    MatchingSolverThread,
    MatchingRunRunner,
    MatchingRunProcessor,
  ],
  exports: [MatchingRunRunner],
})
export class MatchingJobsModule {}
