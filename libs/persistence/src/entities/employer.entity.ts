import { Column, Entity } from 'typeorm';
import { decimalTransformer, TenantOwnedEntity } from './base';
import type { EmployerSizeBand } from './enums';

@Entity({ name: 'employers' })
export class Employer extends TenantOwnedEntity {
  @Column({ name: 'name', type: 'text' })
  name!: string;

  @Column({ name: 'sector', type: 'text', nullable: true })
  sector!: string | null;

  @Column({ name: 'size_band', type: 'text' })
  sizeBand!: EmployerSizeBand;

  @Column({ name: 'postcode', type: 'text', nullable: true })
  postcode!: string | null;

  @Column({ name: 'latitude', type: 'numeric', precision: 9, scale: 6, nullable: true, transformer: decimalTransformer })
  latitude!: number | null;

  @Column({ name: 'longitude', type: 'numeric', precision: 9, scale: 6, nullable: true, transformer: decimalTransformer })
  longitude!: number | null;

  @Column({ name: 'website', type: 'text', nullable: true })
  website!: string | null;

  /** Contact-fatigue limit: how many requests a month the employer agreed to. */
  @Column({ name: 'max_requests_per_month', type: 'integer', nullable: true })
  maxRequestsPerMonth!: number | null;

  @Column({ name: 'archived_at', type: 'timestamptz', nullable: true })
  archivedAt!: Date | null;
}
