import { Column, Entity, JoinColumn, ManyToOne, Relation } from 'typeorm';
import { TenantOwnedEntity } from './base';
import { Employer } from './employer.entity';
import type { VettingKind, VettingOutcome } from './enums';

@Entity({ name: 'vetting_checks' })
export class VettingCheck extends TenantOwnedEntity {
  @Column({ name: 'employer_id', type: 'uuid' })
  employerId!: string;

  @ManyToOne(() => Employer, { createForeignKeyConstraints: false })
  @JoinColumn({ name: 'employer_id' })
  employer?: Relation<Employer>;

  @Column({ name: 'kind', type: 'text' })
  kind!: VettingKind;

  @Column({ name: 'checked_on', type: 'date' })
  checkedOn!: string;

  @Column({ name: 'expires_on', type: 'date' })
  expiresOn!: string;

  /** 'passed' or 'failed' (hub staff only), or 'declared' (the employer's own word); only a passed check vets. */
  @Column({ name: 'outcome', type: 'text', default: 'passed' })
  outcome!: VettingOutcome;

  @Column({ name: 'document_ref', type: 'text', nullable: true })
  documentRef!: string | null;

  @Column({ name: 'notes', type: 'text', nullable: true })
  notes!: string | null;

  /** Who recorded it (null for rows older than migration 1760000014100) and when. */
  @Column({ name: 'recorded_by_user_id', type: 'uuid', nullable: true })
  recordedByUserId!: string | null;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;

  @Column({ name: 'archived_at', type: 'timestamptz', nullable: true })
  archivedAt!: Date | null;
}
