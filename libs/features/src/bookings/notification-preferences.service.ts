import { Injectable } from '@nestjs/common';
import { DomainError, NOTIFICATION_CATEGORIES, parseEnum, type NotificationCategory, type Principal } from '@tandem/domain';
import { isUuid, SystemDb, Tenant, TenantContext, TenantDb } from '@tandem/persistence';
import { AppConfig, LinkTokens } from '@tandem/platform';
import { requireTenant } from '@tandem/features/shared';
import { NotificationPreferenceRepository } from './bookings.repository';
import { PREFERENCES_LINK_PURPOSE, preferencesSubject } from './mail/booking-urls';

export interface PreferencesView {
  email: string;
  muted: NotificationCategory[];
}

/**
 * What each recipient receives, by email address within a hub. Logged-in users manage their own
 * through GraphQL; anyone (an employer contact without a log-in) through the signed link at the
 * foot of each email, which names the hub and address and is checked with an HMAC.
 */
@Injectable()
export class NotificationPreferencesService {
  constructor(
    private readonly db: TenantDb,
    private readonly rows: NotificationPreferenceRepository,
    private readonly systemDb: SystemDb,
    private readonly links: LinkTokens,
    private readonly config: AppConfig,
  ) {}

  async mine(p: Principal): Promise<PreferencesView> {
    requireTenant(p);
    const email = await this.emailOf(p);
    return this.view(email);
  }

  async updateMine(p: Principal, muted: unknown): Promise<PreferencesView> {
    requireTenant(p);
    const categories = parseCategories(muted, 'input.muted');
    const email = await this.emailOf(p);
    return this.db.transaction(async () => {
      const row = await this.rows.save(email, categories);
      return { email: row.email, muted: row.muted };
    });
  }

  /** The hub's name and the address's settings when the link is genuine; null otherwise. */
  async fromLink(hub: unknown, email: unknown, token: unknown): Promise<(PreferencesView & { hubName: string }) | null> {
    if (!this.genuine(hub, email, token)) return null;
    return TenantContext.run({ tenantId: hub as string, actorUserId: null, correlationId: 'email-preferences' }, () =>
      this.db.transaction(async (em) => {
        const tenant = await em.findOneBy(Tenant, { id: hub as string });
        if (!tenant) return null;
        return { hubName: tenant.name, ...(await this.view(email as string)) };
      }),
    );
  }

  /** Saves from the public page: `receive` lists the categories left switched on. */
  async saveFromLink(
    hub: unknown,
    email: unknown,
    token: unknown,
    receive: unknown,
  ): Promise<(PreferencesView & { hubName: string }) | null> {
    if (!this.genuine(hub, email, token)) return null;
    const on = receive === undefined || receive === null ? [] : Array.isArray(receive) ? receive : [receive];
    const kept = on.filter((v): v is NotificationCategory => (NOTIFICATION_CATEGORIES as readonly unknown[]).includes(v));
    const muted = NOTIFICATION_CATEGORIES.filter((c) => !kept.includes(c));
    return TenantContext.run({ tenantId: hub as string, actorUserId: null, correlationId: 'email-preferences' }, () =>
      this.db.transaction(async (em) => {
        const tenant = await em.findOneBy(Tenant, { id: hub as string });
        if (!tenant) return null;
        const row = await this.rows.save(email as string, muted);
        return { hubName: tenant.name, email: row.email, muted: row.muted };
      }),
    );
  }

  private genuine(hub: unknown, email: unknown, token: unknown): boolean {
    if (typeof hub !== 'string' || !isUuid(hub) || typeof email !== 'string' || email.length > 320) return false;
    return this.links.matches(PREFERENCES_LINK_PURPOSE, preferencesSubject(hub, email), token);
  }

  private async view(email: string): Promise<PreferencesView> {
    const row = await this.rows.byEmail(email);
    return { email: email.trim().toLowerCase(), muted: row?.muted ?? [] };
  }

  private async emailOf(p: Principal): Promise<string> {
    const user = await this.systemDb.findUserById(p.userId);
    if (!user) throw new DomainError('UNAUTHENTICATED', 'You need to log in to do this');
    return user.email.toLowerCase();
  }
}

/** A list (possibly empty) of categories to switch off. */
function parseCategories(value: unknown, field: string): NotificationCategory[] {
  if (!Array.isArray(value))
    throw DomainError.invalid(field, 'INVALID_ENUM_VALUE', `${field} must be a list of: ${NOTIFICATION_CATEGORIES.join(', ')}`);
  const list: unknown[] = value;
  return [...new Set(list.map((v, i) => parseEnum(v, NOTIFICATION_CATEGORIES, `${field}[${i}]`)))];
}
