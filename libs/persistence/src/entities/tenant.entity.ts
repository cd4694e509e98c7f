import { Column, Entity } from 'typeorm';
import { GlobalEntity, JsonObject } from './base';

/** A Careers Hub. RLS: a session sees only the tenant in `app.tenant_id`. */
@Entity({ name: 'tenants' })
export class Tenant extends GlobalEntity {
  @Column({ name: 'name', type: 'text' })
  name!: string;

  @Column({ name: 'slug', type: 'text' })
  slug!: string;

  @Column({ name: 'settings', type: 'jsonb', default: () => "'{}'" })
  settings!: JsonObject;

  @Column({ name: 'archived_at', type: 'timestamptz', nullable: true })
  archivedAt!: Date | null;
}
