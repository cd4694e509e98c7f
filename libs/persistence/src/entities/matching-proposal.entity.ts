import { Column, Entity } from 'typeorm';
import { decimalTransformer, TenantOwnedEntity, type JsonObject } from './base';

export type MatchingProposalStatusValue = 'proposed' | 'accepted' | 'rejected' | 'superseded';

/** A reason as stored: a code with its parameters (for a UI to translate) and the English sentence. */
export interface StoredMatchingReason {
  code: string;
  params: JsonObject;
  text: string;
}

/**
 * A booking a matching run proposes: a request meeting an offer session, what it is worth and why,
 * and its fate (accepted → the booking it became; rejected; superseded by a later run).
 */
@Entity({ name: 'matching_proposals' })
export class MatchingProposal extends TenantOwnedEntity {
  @Column({ name: 'run_id', type: 'uuid' })
  runId!: string;

  @Column({ name: 'request_id', type: 'uuid' })
  requestId!: string;

  @Column({ name: 'offer_session_id', type: 'uuid' })
  offerSessionId!: string;

  @Column({ name: 'offer_id', type: 'uuid' })
  offerId!: string;

  @Column({ name: 'school_id', type: 'uuid' })
  schoolId!: string;

  @Column({ name: 'employer_id', type: 'uuid' })
  employerId!: string;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt!: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt!: Date;

  @Column({ name: 'benchmark', type: 'smallint' })
  benchmark!: 5 | 6;

  @Column({ name: 'pupils', type: 'integer' })
  pupils!: number;

  @Column({ name: 'gap_pupils_closed', type: 'integer' })
  gapPupilsClosed!: number;

  /** Great-circle km between school and employer; null for virtual sessions. */
  @Column({ name: 'distance_km', type: 'numeric', precision: 7, scale: 1, nullable: true, transformer: decimalTransformer })
  distanceKm!: number | null;

  @Column({ name: 'points', type: 'integer' })
  points!: number;

  /** Requests the employer could still take that month once this run's proposals are counted; null = no limit. */
  @Column({ name: 'employer_month_remaining', type: 'integer', nullable: true })
  employerMonthRemaining!: number | null;

  @Column({ name: 'offer_sessions_remaining', type: 'integer' })
  offerSessionsRemaining!: number;

  @Column({ name: 'reasons', type: 'jsonb' })
  reasons!: StoredMatchingReason[];

  @Column({ name: 'summary', type: 'text' })
  summary!: string;

  @Column({ name: 'status', type: 'text', default: 'proposed' })
  status!: MatchingProposalStatusValue;

  @Column({ name: 'booking_id', type: 'uuid', nullable: true })
  bookingId!: string | null;

  @Column({ name: 'decided_by_user_id', type: 'uuid', nullable: true })
  decidedByUserId!: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;
}
