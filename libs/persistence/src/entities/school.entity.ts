import { Column, Entity, JoinColumn, ManyToOne, Relation } from 'typeorm';
import { decimalTransformer, TenantOwnedEntity } from './base';
import { Cluster } from './cluster.entity';
import type { SchoolPhase } from './enums';

@Entity({ name: 'schools' })
export class School extends TenantOwnedEntity {
  @Column({ name: 'cluster_id', type: 'uuid', nullable: true })
  clusterId!: string | null;

  @ManyToOne(() => Cluster, { nullable: true, createForeignKeyConstraints: false })
  @JoinColumn({ name: 'cluster_id' })
  cluster?: Relation<Cluster> | null;

  /** DfE unique reference number: exactly 6 digits. */
  @Column({ name: 'urn', type: 'char', length: 6 })
  urn!: string;

  @Column({ name: 'name', type: 'text' })
  name!: string;

  @Column({ name: 'postcode', type: 'text', nullable: true })
  postcode!: string | null;

  @Column({ name: 'latitude', type: 'numeric', precision: 9, scale: 6, nullable: true, transformer: decimalTransformer })
  latitude!: number | null;

  @Column({ name: 'longitude', type: 'numeric', precision: 9, scale: 6, nullable: true, transformer: decimalTransformer })
  longitude!: number | null;

  @Column({ name: 'phase', type: 'text' })
  phase!: SchoolPhase;

  @Column({ name: 'lowest_year_group', type: 'smallint', default: 7 })
  lowestYearGroup!: number;

  @Column({ name: 'highest_year_group', type: 'smallint', default: 11 })
  highestYearGroup!: number;

  @Column({ name: 'archived_at', type: 'timestamptz', nullable: true })
  archivedAt!: Date | null;
}
