import { Module } from '@nestjs/common';

import { BookingsModule } from '@tandem/features/bookings';
import { BookingEncounterBridgeModule } from './encounter-from-booking';
import { CoverageRepository } from './coverage.repository';
import { CoverageResolver, CoverageSnapshotResolver } from './coverage.resolver';
import { CoverageService } from './coverage.service';
import { EncounterRepository } from './encounters.repository';
import { EncountersResolver } from './encounters.resolver';
import { EncountersService } from './encounters.service';
import { LedgerAccess } from './ledger-access';
import { SchoolRepository } from '@tandem/features/schools';
import { LedgerClusterRepository, LedgerEmployerRepository, LedgerPupilRepository } from './ledger-lookups.repository';
import { LedgerSettingsRepository, PolicyRepository } from './policies.repository';
import { PoliciesResolver } from './policies.resolver';
import { PoliciesService } from './policies.service';
import { ReportingSnapshotSchedulers, ReportingSnapshotsProcessor } from './reporting-snapshots.jobs';
import { SnapshotRepository } from './snapshots.repository';

/** What both the API and the worker need: repositories, scope and the services. */
const LEDGER_CORE = [
  SchoolRepository,
  LedgerClusterRepository,
  LedgerPupilRepository,
  LedgerEmployerRepository,
  EncounterRepository,
  PolicyRepository,
  LedgerSettingsRepository,
  CoverageRepository,
  SnapshotRepository,
  LedgerAccess,
  PoliciesService,
  CoverageService,
];

/**
 * The benchmark ledger: encounters and attendance, the meaningful checklist, benchmark policies,
 * coverage per pupil / year group / school / cluster / hub with gap lists, snapshots, CSV exports and
 * employer impact. Delivered bookings arrive as encounters (the bridge module provides bookings'
 * required BOOKING_DELIVERED_LISTENER, in the same transaction); attendance on them marks the booking
 * recorded (EncountersService calls BookingsService.markRecorded, in the same transaction).
 */
@Module({
  imports: [BookingsModule, BookingEncounterBridgeModule],
  providers: [...LEDGER_CORE, EncountersService, PoliciesResolver, EncountersResolver, CoverageResolver, CoverageSnapshotResolver],
  exports: [EncountersService, CoverageService, PoliciesService],
})
export class LedgerModule {}

/** The worker's part: the nightly reporting-day snapshots (a scheduler per hub and its processor). */
@Module({
  providers: [...LEDGER_CORE, ReportingSnapshotsProcessor, ReportingSnapshotSchedulers],
})
export class LedgerJobsModule {}
