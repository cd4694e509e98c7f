import { LedgerSettings, StoredBenchmarkPolicy } from './benchmark-policy.entity';
import { CoverageSnapshot, CoverageSnapshotCount, CoverageSnapshotPupil } from './coverage-snapshot.entity';
import { Encounter, EncounterAttendance, EncounterEmployer } from './encounter.entity';
import { LedgerPupil, LedgerPupilYear, LedgerSchoolCount } from './ledger-rollups.entity';

/** The benchmark ledger's entities (encounters, policies, rollups, snapshots). */
export {
  CoverageSnapshot,
  CoverageSnapshotCount,
  CoverageSnapshotPupil,
  Encounter,
  EncounterAttendance,
  EncounterEmployer,
  LedgerPupil,
  LedgerPupilYear,
  LedgerSchoolCount,
  LedgerSettings,
  StoredBenchmarkPolicy,
};
export type { EncounterStatusValue } from './encounter.entity';
export type { CoverageSnapshotKind } from './coverage-snapshot.entity';

export const LEDGER_ENTITIES = [
  StoredBenchmarkPolicy,
  LedgerSettings,
  Encounter,
  EncounterEmployer,
  EncounterAttendance,
  LedgerPupil,
  LedgerPupilYear,
  LedgerSchoolCount,
  CoverageSnapshot,
  CoverageSnapshotCount,
  CoverageSnapshotPupil,
];
