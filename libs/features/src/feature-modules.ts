import type { Type } from '@nestjs/common';
import { AuthModule } from './auth';
import { BookingsJobsModule, BookingsModule } from './bookings';
import { EmployersModule } from './employers';
import { HubsModule } from './hubs';
import { LedgerJobsModule, LedgerModule } from './ledger';
import { MatchingJobsModule, MatchingModule } from './matching';
import { NotificationsJobsModule } from './notifications';
import { OffersModule } from './offers';
import { PupilImportJobsModule, PupilsModule } from './pupils';
import { RecoveryJobsModule } from './recovery';
import { RequestsModule } from './requests';
import { RetentionJobsModule } from './retention';
import { SchoolsModule } from './schools';

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
export const WORKER_FEATURE_MODULES: Type[] = [NotificationsJobsModule, PupilImportJobsModule, BookingsJobsModule, LedgerJobsModule, MatchingJobsModule, RecoveryJobsModule, RetentionJobsModule];
