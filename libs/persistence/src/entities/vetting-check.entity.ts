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

  /** 'passed' or 'failed' (migration 1760000003000); only a passed check vets. */
  @Column({ name: 'outcome', type: 'text', default: 'passed' })
  outcome!: VettingOutcome;

  @Column({ name: 'document_ref', type: 'text', nullable: true })
  documentRef!: string | null;

  @Column({ name: 'notes', type: 'text', nullable: true })
  notes!: string | null;

  @Column({ name: 'archived_at', type: 'timestamptz', nullable: true })
  archivedAt!: Date | null;
}
