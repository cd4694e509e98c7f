import { Module } from '@nestjs/common';
import { MaintenanceProcessor, RetentionScheduler } from './retention.jobs';
import { RetentionService } from './retention.service';

/** The worker's part: the daily retention purge (one scheduler for the system, its processor). */
@Module({
  providers: [RetentionService, MaintenanceProcessor, RetentionScheduler],
  exports: [RetentionService],
})
export class RetentionJobsModule {}
