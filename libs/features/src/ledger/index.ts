export * from './ledger.module';
export { EncountersService } from './encounters.service';
export { CoverageService } from './coverage.service';
export { PoliciesService } from './policies.service';
export { ReportingSnapshotSchedulers, ReportingSnapshotsProcessor, REPORTING_SNAPSHOT_PATTERN } from './reporting-snapshots.jobs';
export { BookingEncounterBridgeModule, EncounterFromBooking } from './encounter-from-booking';
