import { CoverageCounts } from './coverage-counts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/*
 * The ledger's maintained rollups. The database writes them (triggers, see the 1760000007000
 * migration); the application only reads them. Mapped so reads can be typed and the schema check
 * covers them.
 */

/** A pupil as the ledger sees them: the academic year they are in Year 7, roll dates, gap-list rank. */
@Entity({ name: 'ledger_pupils' })
export class LedgerPupil {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @PrimaryColumn({ name: 'pupil_id', type: 'uuid' })
  pupilId!: string;

  @Column({ name: 'school_id', type: 'uuid' })
  schoolId!: string;

  @Column({ name: 'entry_year', type: 'smallint' })
  entryYear!: number;

  @Column({ name: 'on_roll_from', type: 'date' })
  onRollFrom!: string;

  @Column({ name: 'on_roll_to', type: 'date', nullable: true })
  onRollTo!: string | null;

  @Column({ name: 'priority_rank', type: 'smallint' })
  priorityRank!: number;

  @Column({ name: 'reference', type: 'text' })
  reference!: string;
}

/** One pupil, academic year and benchmark: the policy window and the counted encounters in it. */
@Entity({ name: 'ledger_pupil_years' })
export class LedgerPupilYear {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @PrimaryColumn({ name: 'pupil_id', type: 'uuid' })
  pupilId!: string;

  @PrimaryColumn({ name: 'academic_year', type: 'smallint' })
  academicYear!: number;

  @PrimaryColumn({ name: 'benchmark', type: 'smallint' })
  benchmark!: number;

  @Column({ name: 'school_id', type: 'uuid' })
  schoolId!: string;

  @Column({ name: 'year_group', type: 'smallint' })
  yearGroup!: number;

  @Column({ name: 'window_index', type: 'smallint' })
  windowIndex!: number;

  @Column({ name: 'minimum', type: 'smallint' })
  minimum!: number;

  @Column({ name: 'encounter_dates', type: 'date', array: true })
  encounterDates!: string[];

  @Column({ name: 'met_on', type: 'date', nullable: true })
  metOn!: string | null;

  @Column({ name: 'met', type: 'boolean' })
  met!: boolean;

  @Column({ name: 'on_roll_from', type: 'date' })
  onRollFrom!: string;

  @Column({ name: 'on_roll_to', type: 'date', nullable: true })
  onRollTo!: string | null;

  @Column({ name: 'priority_rank', type: 'smallint' })
  priorityRank!: number;

  @Column({ name: 'reference', type: 'text' })
  reference!: string;
}

/** Pupils and met per school, academic year, year group and benchmark: what dashboards add up. */
@Entity({ name: 'ledger_school_counts' })
export class LedgerSchoolCount extends CoverageCounts {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @PrimaryColumn({ name: 'academic_year', type: 'smallint' })
  academicYear!: number;

  @PrimaryColumn({ name: 'school_id', type: 'uuid' })
  schoolId!: string;

  @PrimaryColumn({ name: 'year_group', type: 'smallint' })
  yearGroup!: number;

  @PrimaryColumn({ name: 'benchmark', type: 'smallint' })
  benchmark!: number;
}
