import type { Type } from '@nestjs/common';
import { AuthModule } from '@tandem/features/auth';
import { BookingsJobsModule, BookingsModule } from '@tandem/features/bookings';
import { EmployersModule } from '@tandem/features/employers';
import { HubsModule } from '@tandem/features/hubs';
import { LedgerJobsModule, LedgerModule } from '@tandem/features/ledger';
import { MatchingJobsModule, MatchingModule } from '@tandem/features/matching';
import { NotificationsJobsModule } from '@tandem/features/notifications';
import { OffersModule } from '@tandem/features/offers';
import { PupilImportJobsModule, PupilsModule } from '@tandem/features/pupils';
import { RecoveryJobsModule } from '@tandem/features/recovery';
import { RequestsModule } from '@tandem/features/requests';
import { RetentionJobsModule } from '@tandem/features/retention';
import { SchoolsModule } from '@tandem/features/schools';

/**
 * Every feature module the API serves, in one list so the API, the worker and the tenant-isolation
 * test all see the same set. A feature adds its module here.
 */
export const API_FEATURE_MODULES: Type[] = [
  EmployersModule,
  OffersModule,
  RequestsModule,
  SchoolsModule,
  PupilsModule,
  AuthModule,
  HubsModule,
  BookingsModule,
  LedgerModule,
  MatchingModule,
];

/** Feature modules the worker loads (processors, relays). */
export const WORKER_FEATURE_MODULES: Type[] = [
  NotificationsJobsModule,
  PupilImportJobsModule,
  BookingsJobsModule,
  LedgerJobsModule,
  MatchingJobsModule,
  RecoveryJobsModule,
  RetentionJobsModule,
];
