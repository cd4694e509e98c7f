import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  applyHubSettings,
  canCreateTenant,
  canManageTenant,
  collect,
  DomainError,
  parseHubSettingsPatch,
  parseText,
  readHubSettings,
  type HubSettings,
  type Principal,
} from '@tandem/domain';
import { AuditLog, SystemDb, Tenant, TenantContext, TenantDb, type TenantSummary } from '@tandem/persistence';

import { mustBeAllowed, requireTenant } from '@tandem/features/shared';
import { parseCreateHubInput } from './hub-rules';
import { InvitationsService } from './invitations.service';

/** Hubs (tenants): created by platform admins with their first hub admin invited; run by hub admins. */
@Injectable()
export class HubsService {
  constructor(
    private readonly db: TenantDb,
    private readonly systemDb: SystemDb,
    private readonly invitations: InvitationsService,
  ) {}

  /**
   * Creates the hub and invites its first hub admin, in one transaction inside the new tenant (so
   * the tenant row, the invitation, its email and the audit entries appear together or not at all).
   */
  async create(p: Principal, input: Record<string, unknown>): Promise<Tenant> {
    mustBeAllowed(canCreateTenant(p), 'create hubs');
    const fields = parseCreateHubInput(input);
    if (await this.systemDb.tenantBySlug(fields.slug))
      throw new DomainError('ALREADY_EXISTS', 'input.slug is already used by another hub', 'input.slug');
    const tenantId = randomUUID();
    return TenantContext.run({ tenantId, actorUserId: p.userId }, () =>
      this.db.transaction(async (em) => {
        await em.insert(Tenant, { id: tenantId, name: fields.name, slug: fields.slug, settings: {} });
        await AuditLog.record(em, { action: 'hub.created', entityType: 'tenant', entityId: tenantId, detail: { slug: fields.slug } });
        await this.invitations.create(
          em,
          p.userId,
          { email: fields.firstAdminEmail, role: 'hub_admin', clusterId: null, schoolId: null, employerId: null },
          'invitation.created',
        );
        return em.findOneByOrFail(Tenant, { id: tenantId });
      }),
    );
  }

  /** Every hub (platform admins only), by name. */
  async list(p: Principal, includeArchived: boolean): Promise<TenantSummary[]> {
    mustBeAllowed(canCreateTenant(p), 'list every hub');
    const hubs = await this.systemDb.listTenants();
    return includeArchived ? hubs : hubs.filter((h) => !h.archivedAt);
  }

  /** The hub the caller acts in. */
  async current(p: Principal): Promise<Tenant> {
    const tenantId = requireTenant(p);
    const tenant = await this.db.transaction((em) => em.findOneBy(Tenant, { id: tenantId }));
    if (!tenant) throw DomainError.notFound('Hub', 'x-tenant-id');
    return tenant;
  }

  /** A hub's settings (read inside it: RLS shows a tenant row only to itself). */
  settingsOf(tenantId: string): Promise<HubSettings> {
    return TenantContext.run({ tenantId, actorUserId: null }, () =>
      this.db.transaction(async (em) => readHubSettings((await em.findOneBy(Tenant, { id: tenantId }))?.settings)),
    );
  }

  /** Hub admins rename the hub and change its settings; everyone in it may read them. */
  async update(p: Principal, input: { name?: unknown; settings?: Record<string, unknown> | null }): Promise<Tenant> {
    const tenant = await this.current(p);
    mustBeAllowed(canManageTenant(p, tenant.id), "change this hub's name or settings");
    const c = collect();
    const name = input.name == null ? undefined : c.run(() => parseText(input.name, 'input.name', 200, 'name'));
    const patch = input.settings ? c.run(() => parseHubSettingsPatch({ ...input.settings }, 'input.settings')) : undefined;
    c.throwIfAny();
    const changes: Partial<Pick<Tenant, 'name' | 'settings'>> = {};
    if (name !== undefined && name !== tenant.name) changes.name = name;
    if (patch && Object.keys(patch).length) changes.settings = { ...applyHubSettings(readHubSettings(tenant.settings), patch) };
    if (!Object.keys(changes).length) return tenant;
    return this.db.transaction(async (em) => {
      await em.update(Tenant, { id: tenant.id }, changes);
      await AuditLog.record(em, {
        action: 'hub.updated',
        entityType: 'tenant',
        entityId: tenant.id,
        detail: { fields: Object.keys(changes), settings: patch ? Object.keys(patch) : [] },
      });
      return em.findOneByOrFail(Tenant, { id: tenant.id });
    });
  }
}
