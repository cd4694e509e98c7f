import { Column, Entity } from 'typeorm';
import { decimalTransformer, TenantOwnedEntity, type JsonObject } from './base';

export type MatchingRunStatusValue = 'queued' | 'running' | 'succeeded' | 'failed';
export type MatchingRunPhaseValue = 'queued' | 'loading' | 'solving' | 'saving' | 'done';

/**
 * One run of the matching solver over a cluster (or the whole hub when `clusterId` is null): who
 * asked, its progress while the worker runs it, the weights used, and the outcome (objective, proven
 * bound, relative gap, optimal) or a plain-words error.
 */
@Entity({ name: 'matching_runs' })
export class MatchingRun extends TenantOwnedEntity {
  /** The order runs were requested in (an identity, so ties in time cannot reorder them); a bigint, as a string. */
  @Column({ name: 'seq', type: 'bigint', insert: false, update: false })
  readonly seq!: string;

  @Column({ name: 'cluster_id', type: 'uuid', nullable: true })
  clusterId!: string | null;

  @Column({ name: 'requested_by_user_id', type: 'uuid', nullable: true })
  requestedByUserId!: string | null;

  @Column({ name: 'status', type: 'text', default: 'queued' })
  status!: MatchingRunStatusValue;

  @Column({ name: 'phase', type: 'text', default: 'queued' })
  phase!: MatchingRunPhaseValue;

  @Column({ name: 'progress', type: 'smallint', default: 0 })
  progress!: number;

  /** The MatchingWeights the run used (the hub's, or the run's own override). */
  @Column({ name: 'weights', type: 'jsonb' })
  weights!: JsonObject;

  @Column({ name: 'max_work', type: 'bigint', transformer: decimalTransformer })
  maxWork!: number;

  @Column({ name: 'max_branch_nodes', type: 'integer' })
  maxBranchNodes!: number;

  @Column({ name: 'objective', type: 'bigint', nullable: true, transformer: decimalTransformer })
  objective!: number | null;

  @Column({ name: 'bound', type: 'bigint', nullable: true, transformer: decimalTransformer })
  bound!: number | null;

  @Column({ name: 'relative_gap', type: 'double precision', nullable: true })
  relativeGap!: number | null;

  @Column({ name: 'optimal', type: 'boolean', nullable: true })
  optimal!: boolean | null;

  @Column({ name: 'requests_considered', type: 'integer', nullable: true })
  requestsConsidered!: number | null;

  @Column({ name: 'sessions_considered', type: 'integer', nullable: true })
  sessionsConsidered!: number | null;

  @Column({ name: 'candidate_pairs', type: 'integer', nullable: true })
  candidatePairs!: number | null;

  @Column({ name: 'proposal_count', type: 'integer', nullable: true })
  proposalCount!: number | null;

  @Column({ name: 'unmatched_count', type: 'integer', nullable: true })
  unmatchedCount!: number | null;

  @Column({ name: 'pupils_covered', type: 'integer', nullable: true })
  pupilsCovered!: number | null;

  @Column({ name: 'gap_pupils_covered', type: 'integer', nullable: true })
  gapPupilsCovered!: number | null;

  @Column({ name: 'load_ms', type: 'integer', nullable: true })
  loadMs!: number | null;

  @Column({ name: 'solve_ms', type: 'integer', nullable: true })
  solveMs!: number | null;

  @Column({ name: 'error_code', type: 'text', nullable: true })
  errorCode!: string | null;

  @Column({ name: 'error_message', type: 'text', nullable: true })
  errorMessage!: string | null;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;
}
