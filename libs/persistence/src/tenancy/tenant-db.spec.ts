import { DomainError, ManualClock } from '@tandem/domain';
import type { DataSource } from 'typeorm';
import { TenantContext } from './tenant-context';
import { TenantDb } from './tenant-db';
import { stampTenant } from './tenant-repository';

describe('TenantDb without a database', () => {
  it('refuses to open a transaction without a tenant context, before touching the DataSource', async () => {
    const transaction = jest.fn();
    const db = new TenantDb({ transaction } as unknown as DataSource, new ManualClock('2026-11-17T10:00:00Z'));
    await expect(db.transaction(async () => 1)).rejects.toMatchObject({ code: 'TENANT_CONTEXT_MISSING' });
    expect(transaction).not.toHaveBeenCalled();
  });

  it('has no current manager outside a transaction', () => {
    expect(TenantDb.currentManager()).toBeUndefined();
  });
});

describe('stampTenant', () => {
  const tenantId = '0c0280ef-379a-4614-b6d9-7f0a7f0826f6';
  it('takes the tenant from the context', () => {
    expect(TenantContext.run({ tenantId, actorUserId: null }, () => stampTenant())).toBe(tenantId);
    expect(TenantContext.run({ tenantId, actorUserId: null }, () => stampTenant(tenantId))).toBe(tenantId);
  });
  it('refuses another tenant id', () => {
    expect(() => TenantContext.run({ tenantId, actorUserId: null }, () => stampTenant('11111111-1111-4111-8111-111111111111'))).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
  });
  it('throws without a context', () => {
    expect(() => stampTenant()).toThrow(expect.objectContaining({ code: 'TENANT_CONTEXT_MISSING' }));
  });
});

describe('TenantContext.refuse', () => {
  const tenantId = '0c0280ef-379a-4614-b6d9-7f0a7f0826f6';
  const refusal = new DomainError('FORBIDDEN', 'Choose a hub first');
  it('turns reaching for tenant data into the given user-facing error, and hides itself from peek()', async () => {
    expect(() => TenantContext.refuse(refusal, () => TenantContext.current())).toThrow(refusal);
    expect(TenantContext.refuse(refusal, () => TenantContext.peek())).toBeUndefined();
    const db = new TenantDb({ transaction: jest.fn() } as unknown as DataSource, new ManualClock('2026-11-17T10:00:00Z'));
    await expect(TenantContext.refuse(refusal, () => db.transaction(async () => 1))).rejects.toBe(refusal);
  });
  it('still lets a nested run choose a tenant (e.g. creating a hub)', () => {
    expect(TenantContext.refuse(refusal, () => TenantContext.run({ tenantId, actorUserId: null }, () => TenantContext.tenantId()))).toBe(
      tenantId,
    );
  });
});
