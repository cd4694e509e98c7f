import { Module } from '@nestjs/common';
import { registerConstraintMessages } from '@tandem/platform';
import { BookingRecordedFromEncounter } from '../bookings/booking-recorded-from-encounter';
import { BookingsModule } from '../bookings/bookings.module';
import { CoverageRepository } from './coverage.repository';
import { CoverageResolver, CoverageSnapshotResolver } from './coverage.resolver';
import { CoverageService } from './coverage.service';
import { EncounterRepository } from './encounters.repository';
import { EncountersResolver } from './encounters.resolver';
import { ENCOUNTER_RECORDED_LISTENER, EncountersService } from './encounters.service';
import { LedgerAccess } from './ledger-access';
import { LedgerClusterRepository, LedgerEmployerRepository, LedgerPupilRepository, LedgerSchoolRepository } from './ledger-lookups.repository';
import { LedgerSettingsRepository, PolicyRepository } from './policies.repository';
import { PoliciesResolver } from './policies.resolver';
import { PoliciesService } from './policies.service';
import { ReportingSnapshotSchedulers, ReportingSnapshotsProcessor } from './reporting-snapshots.jobs';
import { SnapshotRepository } from './snapshots.repository';

registerConstraintMessages({
  benchmark_policies_key_version_key: { field: 'definition.version', message: 'That policy version exists already: a change is a new version' },
  coverage_snapshots_reporting_key: { field: 'asOf', message: 'The reporting-day snapshot for that day has been taken already' },
});

/** What both the API and the worker need: repositories, scope and the services. */
const LEDGER_CORE = [
  LedgerSchoolRepository,
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
  EncountersService,
  CoverageService,
];

/**
 * The benchmark ledger: encounters and attendance, the meaningful checklist, benchmark policies,
 * coverage per pupil / year group / school / cluster / hub with gap lists, snapshots, CSV exports and
 * employer impact. Delivered bookings arrive as encounters (EncounterFromBooking, provided to bookings);
 * attendance on them marks the booking recorded.
 */
@Module({
  imports: [BookingsModule],
  providers: [
    ...LEDGER_CORE,
    PoliciesResolver,
    EncountersResolver,
    CoverageResolver,
    CoverageSnapshotResolver,
    // Attendance on a booking's encounter marks the booking recorded (same transaction).
    { provide: ENCOUNTER_RECORDED_LISTENER, useClass: BookingRecordedFromEncounter },
  ],
  exports: [EncountersService, CoverageService, PoliciesService],
})
export class LedgerModule {}

/** The worker's part: the nightly reporting-day snapshots (a scheduler per hub and its processor). */
@Module({
  providers: [...LEDGER_CORE, ReportingSnapshotsProcessor, ReportingSnapshotSchedulers],
})
export class LedgerJobsModule {}
