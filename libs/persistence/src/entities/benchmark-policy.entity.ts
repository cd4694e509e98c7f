import { Column, Entity } from 'typeorm';
import { GlobalEntity, TenantOwnedEntity, type JsonObject } from './base';

/**
 * A benchmark policy version (global, not a tenant's): `definition` is the JSON that
 * `parseBenchmarkPolicy` in @tandem/domain accepts. Immutable once written (the app role may insert
 * new versions only).
 */
@Entity({ name: 'benchmark_policies' })
export class StoredBenchmarkPolicy extends GlobalEntity {
  @Column({ name: 'key', type: 'text' })
  key!: string;

  @Column({ name: 'version', type: 'integer' })
  version!: number;

  @Column({ name: 'name', type: 'text' })
  name!: string;

  @Column({ name: 'definition', type: 'jsonb' })
  definition!: JsonObject;

  /** The policy hubs follow until they choose one (exactly one row). */
  @Column({ name: 'is_default', type: 'boolean', default: false })
  isDefault!: boolean;
}

/** The benchmark policy a hub has chosen (no row: the default policy). */
@Entity({ name: 'ledger_settings' })
export class LedgerSettings extends TenantOwnedEntity {
  @Column({ name: 'policy_id', type: 'uuid' })
  policyId!: string;

  @Column({ name: 'chosen_by_user_id', type: 'uuid', nullable: true })
  chosenByUserId!: string | null;
}
