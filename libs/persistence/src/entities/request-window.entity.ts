import { Column, Entity, JoinColumn, ManyToOne, Relation } from 'typeorm';
import { TenantOwnedEntity } from './base';
import { EncounterRequest } from './encounter-request.entity';

@Entity({ name: 'request_windows' })
export class RequestWindow extends TenantOwnedEntity {
  @Column({ name: 'request_id', type: 'uuid' })
  requestId!: string;

  @ManyToOne(() => EncounterRequest, (r) => r.windows, { createForeignKeyConstraints: false })
  @JoinColumn({ name: 'request_id' })
  request?: Relation<EncounterRequest>;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt!: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt!: Date;
}
