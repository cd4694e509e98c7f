import { Column, Entity } from 'typeorm';
import { TenantOwnedEntity } from './base';
import type { StoredMatchingReason } from './matching-proposal.entity';

/** A request a matching run left out, with what stopped it. */
@Entity({ name: 'matching_unmatched_requests' })
export class MatchingUnmatchedRequest extends TenantOwnedEntity {
  @Column({ name: 'run_id', type: 'uuid' })
  runId!: string;

  @Column({ name: 'request_id', type: 'uuid' })
  requestId!: string;

  @Column({ name: 'school_id', type: 'uuid' })
  schoolId!: string;

  @Column({ name: 'reasons', type: 'jsonb' })
  reasons!: StoredMatchingReason[];

  @Column({ name: 'summary', type: 'text' })
  summary!: string;
}
