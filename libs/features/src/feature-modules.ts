import type { Type } from '@nestjs/common';
import { EmployersModule } from './employers';
import { NotificationsJobsModule } from './notifications';
import { OffersModule } from './offers';
import { RequestsModule } from './requests';

/**
 * Every feature module the API serves, in one list so the API, the worker and the tenant-isolation
 * test all see the same set. A feature adds its module here.
 */
export const API_FEATURE_MODULES: Type[] = [
  EmployersModule,
  OffersModule,
  RequestsModule,
];

/** Feature modules the worker loads (processors, relays). */
export const WORKER_FEATURE_MODULES: Type[] = [NotificationsJobsModule];
