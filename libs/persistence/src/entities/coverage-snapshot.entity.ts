import { CoverageCounts } from './coverage-counts';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { TenantOwnedEntity } from './base';

export type CoverageSnapshotKind = 'reporting_date' | 'on_demand';

/** Coverage frozen as of a day, for a whole hub (schoolId null) or one school. Append-only. */
@Entity({ name: 'coverage_snapshots' })
export class CoverageSnapshot extends TenantOwnedEntity {
  @Column({ name: 'school_id', type: 'uuid', nullable: true })
  schoolId!: string | null;

  @Column({ name: 'academic_year', type: 'smallint' })
  academicYear!: number;

  /** YYYY-MM-DD, inside the academic year. */
  @Column({ name: 'as_of', type: 'date' })
  asOf!: string;

  @Column({ name: 'kind', type: 'text' })
  kind!: CoverageSnapshotKind;

  @Column({ name: 'policy_id', type: 'uuid' })
  policyId!: string;

  @Column({ name: 'taken_by_user_id', type: 'uuid', nullable: true })
  takenByUserId!: string | null;
}

/** A snapshot's counts per school, year group and benchmark. */
@Entity({ name: 'coverage_snapshot_counts' })
export class CoverageSnapshotCount extends CoverageCounts {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @PrimaryColumn({ name: 'snapshot_id', type: 'uuid' })
  snapshotId!: string;

  @PrimaryColumn({ name: 'school_id', type: 'uuid' })
  schoolId!: string;

  @PrimaryColumn({ name: 'year_group', type: 'smallint' })
  yearGroup!: number;

  @PrimaryColumn({ name: 'benchmark', type: 'smallint' })
  benchmark!: number;
}

/** A snapshot's pupil-level lines (for reproducible per-school exports). */
@Entity({ name: 'coverage_snapshot_pupils' })
export class CoverageSnapshotPupil {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @PrimaryColumn({ name: 'snapshot_id', type: 'uuid' })
  snapshotId!: string;

  @PrimaryColumn({ name: 'pupil_id', type: 'uuid' })
  pupilId!: string;

  @PrimaryColumn({ name: 'benchmark', type: 'smallint' })
  benchmark!: number;

  @Column({ name: 'school_id', type: 'uuid' })
  schoolId!: string;

  @Column({ name: 'year_group', type: 'smallint' })
  yearGroup!: number;

  @Column({ name: 'priority_rank', type: 'smallint' })
  priorityRank!: number;

  @Column({ name: 'encounters', type: 'integer' })
  encounters!: number;

  @Column({ name: 'met', type: 'boolean' })
  met!: boolean;
}
