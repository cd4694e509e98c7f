import { Column, Entity } from 'typeorm';
import { TenantOwnedEntity } from './base';

@Entity({ name: 'clusters' })
export class Cluster extends TenantOwnedEntity {
  @Column({ name: 'name', type: 'text' })
  name!: string;

  @Column({ name: 'archived_at', type: 'timestamptz', nullable: true })
  archivedAt!: Date | null;
}
