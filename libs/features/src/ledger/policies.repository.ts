import { Injectable } from '@nestjs/common';
import { parseBenchmarkPolicy, type BenchmarkPolicy } from '@tandem/domain';
import { LedgerSettings, StoredBenchmarkPolicy, TenantContext, TenantDb, TenantRepository } from '@tandem/persistence';
import { DataSource } from 'typeorm';

/** A stored policy with its definition read back through the schema. */
export interface PolicyRecord {
  id: string;
  isDefault: boolean;
  policy: BenchmarkPolicy;
}

export function toPolicyRecord(row: StoredBenchmarkPolicy): PolicyRecord {
  return { id: row.id, isDefault: row.isDefault, policy: parseBenchmarkPolicy(row.definition) };
}

/** Benchmark policies are global rows (no tenant): read and added through the app-role pool. */
@Injectable()
export class PolicyRepository {
  constructor(private readonly dataSource: DataSource) {}

  async all(): Promise<PolicyRecord[]> {
    const rows = await this.dataSource.getRepository(StoredBenchmarkPolicy).find({ order: { key: 'ASC', version: 'DESC' } });
    return rows.map(toPolicyRecord);
  }

  async byId(id: string): Promise<PolicyRecord | null> {
    const row = await this.dataSource.getRepository(StoredBenchmarkPolicy).findOneBy({ id });
    return row ? toPolicyRecord(row) : null;
  }

  /** That version, or the latest version of the key when `version` is null. */
  async byKey(key: string, version: number | null): Promise<PolicyRecord | null> {
    const row = await this.dataSource
      .getRepository(StoredBenchmarkPolicy)
      .findOne({ where: version === null ? { key } : { key, version }, order: { version: 'DESC' } });
    return row ? toPolicyRecord(row) : null;
  }

  async insert(policy: BenchmarkPolicy): Promise<PolicyRecord> {
    const repo = this.dataSource.getRepository(StoredBenchmarkPolicy);
    const result = await repo.insert({
      key: policy.key,
      version: policy.version,
      name: policy.name,
      definition: policy as never,
      isDefault: false,
    });
    return toPolicyRecord(await repo.findOneByOrFail({ id: (result.identifiers[0] as { id: string }).id }));
  }
}

/** The hub's choice of policy (its own small table; no row means the default policy). */
@Injectable()
export class LedgerSettingsRepository extends TenantRepository<LedgerSettings> {
  constructor(db: TenantDb) {
    super(db, LedgerSettings, 'settings');
  }

  /** The id of the policy the hub follows, as the database decides it (the same function triggers use). */
  hubPolicyId(): Promise<string> {
    return this.tx(async (em) => {
      const [row]: Array<{ id: string }> = await em.query('select ledger_policy_id($1) as id', [TenantContext.tenantId()]);
      if (!row?.id) throw new Error('no benchmark policy: the default policy row is missing');
      return row.id;
    });
  }

  /** Chooses a policy; the database then recomputes the hub's ledger in this transaction. */
  choose(policyId: string, userId: string | null): Promise<void> {
    return this.tx(async (em) => {
      await em.query(
        `insert into ledger_settings (tenant_id, policy_id, chosen_by_user_id) values ($1, $2, $3)
         on conflict (tenant_id) do update set policy_id = excluded.policy_id, chosen_by_user_id = excluded.chosen_by_user_id`,
        [TenantContext.tenantId(), policyId, userId],
      );
    });
  }
}
