import type { PolicyRecord } from './policies.repository';
import type { BenchmarkPolicyType } from './policy.types';

/** A stored policy as GraphQL shows it. */
export function policyView(r: PolicyRecord): BenchmarkPolicyType {
  const p = r.policy;
  return {
    id: r.id,
    key: p.key,
    version: p.version,
    name: p.name,
    description: p.description,
    isDefault: r.isDefault,
    benchmarks: p.benchmarks.map((b) => ({
      ...b,
      activityTypes: [...b.activityTypes],
      formats: [...b.formats],
      requiredCriteria: [...b.requiredCriteria],
      windows: b.windows.map((w) => ({ ...w })),
    })),
  };
}
