import { Injectable } from '@nestjs/common';
import {
  canManageBenchmarkPolicies,
  canManageTenant,
  DomainError,
  isBlank,
  parseBenchmarkPolicy,
  parseIntegerInRange,
  parseText,
  showValue,
  type Principal,
} from '@tandem/domain';
import { AuditLog, TenantDb } from '@tandem/persistence';
import { mustBeAllowed, requireTenant } from '@tandem/features/shared';
import { LedgerSettingsRepository, PolicyRepository, type PolicyRecord } from './policies.repository';

/** Benchmark policies (global data) and the one each hub follows. */
@Injectable()
export class PoliciesService {
  /** Policy rows never change once written, so a policy read once can be kept. */
  private readonly cache = new Map<string, PolicyRecord>();

  constructor(
    private readonly db: TenantDb,
    private readonly policies: PolicyRepository,
    private readonly settings: LedgerSettingsRepository,
  ) {}

  list(): Promise<PolicyRecord[]> {
    return this.policies.all();
  }

  async byId(id: string): Promise<PolicyRecord> {
    const cached = this.cache.get(id);
    if (cached) return cached;
    const found = await this.policies.byId(id);
    if (!found) throw new Error(`benchmark policy ${id} vanished`);
    this.cache.set(id, found);
    return found;
  }

  /** The policy the caller's hub follows (its choice, else the default). */
  async forHub(p: Principal): Promise<PolicyRecord> {
    requireTenant(p);
    return this.byId(await this.settings.hubPolicyId());
  }

  /** A hub admin chooses the hub's policy; the hub's ledger is recomputed in the same transaction. */
  async choose(p: Principal, input: { policyKey?: unknown; version?: unknown }): Promise<PolicyRecord> {
    const tenantId = requireTenant(p);
    mustBeAllowed(canManageTenant(p, tenantId), "choose the hub's benchmark policy");
    const key = parseText(input.policyKey, 'input.policyKey', 64);
    const version = isBlank(input.version) ? null : parseIntegerInRange(input.version, 'input.version', 1, 10_000);
    const found = await this.policies.byKey(key, version);
    if (!found) {
      throw new DomainError(
        'NOT_FOUND',
        `No benchmark policy ${showValue(key)}${version === null ? '' : ` version ${version}`}: see benchmarkPolicies for the ones there are`,
        'input.policyKey',
      );
    }
    return this.db.transaction(async (em) => {
      await this.settings.choose(found.id, p.userId);
      await AuditLog.record(em, {
        action: 'ledger.policy_chosen',
        entityType: 'benchmark_policy',
        entityId: found.id,
        detail: { key: found.policy.key, version: found.policy.version },
      });
      return found;
    });
  }

  /** A platform admin adds a policy (a new key, or a new version of one): data, checked by the schema. */
  async add(p: Principal, definition: unknown): Promise<PolicyRecord> {
    mustBeAllowed(canManageBenchmarkPolicies(p), 'add benchmark policies');
    let value: unknown;
    try {
      value = typeof definition === 'string' ? JSON.parse(definition) : definition;
    } catch {
      throw DomainError.invalid('definition', 'INVALID_TEXT', 'definition must be a JSON object (the text is not valid JSON)');
    }
    const policy = parseBenchmarkPolicy(value, 'definition');
    if (await this.policies.byKey(policy.key, policy.version)) {
      throw new DomainError(
        'ALREADY_EXISTS',
        `Benchmark policy ${policy.key} version ${policy.version} exists already: a change is a new version`,
        'definition.version',
      );
    }
    return this.policies.insert(policy);
  }
}
