import type { EntityManager } from 'typeorm';
import { AuditLog } from './audit-log';
import { TenantContext } from './tenant-context';

/** The per-request cap on audited reads (issue 14, finding 4: one request read and audited 50,000 pupils). */
describe('AuditLog read budget', () => {
  const written: unknown[][] = [];
  const em = { query: async (_sql: string, params: unknown[]) => void written.push(params) } as unknown as EntityManager;
  const reads = (n: number) => Array.from({ length: n }, (_, i) => ({ action: 'pupil.listed', entityType: 'pupil', entityId: `p${i}` }));

  it('counts reads down across calls of one request and refuses the one that would overdraw it, writing nothing for it', async () => {
    const budget = { remaining: 5 };
    await TenantContext.run({ tenantId: 't1', actorUserId: 'u1', readBudget: budget }, async () => {
      await AuditLog.recordMany(em, reads(3));
      await expect(AuditLog.recordMany(em, reads(3))).rejects.toMatchObject({ code: 'QUERY_TOO_COMPLEX' });
      await AuditLog.record(em, { action: 'pupil.updated', entityType: 'pupil', entityId: 'p1' }); // not a read
      await AuditLog.recordMany(em, reads(2));
    });
    expect(budget.remaining).toBe(0);
    expect(written).toHaveLength(3);
  });

  it('does not cap work without a request budget (jobs)', async () => {
    await TenantContext.run({ tenantId: 't1', actorUserId: null }, () => AuditLog.recordMany(em, reads(10_000)));
  });
});
