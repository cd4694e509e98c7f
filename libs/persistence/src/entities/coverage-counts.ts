import { Column } from 'typeorm';

/**
 * The six counts kept per school × year group × benchmark, live (ledger_school_counts) and frozen
 * (coverage_snapshot_counts): pupils and met, for everyone, priority pupils and disadvantaged pupils.
 */
export abstract class CoverageCounts {
  @Column({ name: 'pupils', type: 'integer' })
  pupils!: number;

  @Column({ name: 'met', type: 'integer' })
  met!: number;

  @Column({ name: 'priority_pupils', type: 'integer' })
  priorityPupils!: number;

  @Column({ name: 'priority_met', type: 'integer' })
  priorityMet!: number;

  @Column({ name: 'disadvantaged_pupils', type: 'integer' })
  disadvantagedPupils!: number;

  @Column({ name: 'disadvantaged_met', type: 'integer' })
  disadvantagedMet!: number;
}
