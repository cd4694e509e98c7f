import { Injectable } from '@nestjs/common';
import {
  applyBookingSettingsPatch,
  canManageTenant,
  DEFAULT_BOOKING_SETTINGS,
  reachFor,
  type BookingSettings,
  type Principal,
} from '@tandem/domain';
import { AuditLog, TenantDb, type BookingSettingsRow } from '@tandem/persistence';
import { mustBeAllowed, requireTenant } from '@tandem/features/shared';
import { BookingSettingsRepository } from './bookings.repository';

/** The hub's booking-mail rules (reminder days, sending hours, nudge timing, link lifetime). */
@Injectable()
export class BookingSettingsService {
  constructor(
    private readonly db: TenantDb,
    private readonly rows: BookingSettingsRepository,
  ) {}

  /** The current tenant's settings (defaults when the hub never changed them). */
  async current(): Promise<BookingSettings> {
    const row = await this.rows.current();
    return row ? fromRow(row) : DEFAULT_BOOKING_SETTINGS;
  }

  /** Hub admins and coordinators read them (coordinators work by them). */
  async get(p: Principal): Promise<BookingSettings> {
    requireTenant(p);
    mustBeAllowed(canManageTenant(p, p.tenantId ?? undefined) || reachFor(p, 'runMatching') !== 'none', "see the hub's booking settings");
    return this.current();
  }

  /** Hub admins change them; only the fields given change. */
  async update(p: Principal, input: Record<string, unknown>): Promise<BookingSettings> {
    requireTenant(p);
    mustBeAllowed(canManageTenant(p, p.tenantId ?? undefined), "change the hub's booking settings");
    return this.db.transaction(async (em) => {
      const next = applyBookingSettingsPatch(await this.current(), input);
      const row = await this.rows.save({
        reminderDaysBefore: [...next.reminderDaysBefore],
        sendFrom: next.sendFrom,
        sendUntil: next.sendUntil,
        sendOnWeekends: next.sendOnWeekends,
        unansweredAfterDays: next.unansweredAfterDays,
        linkValidityDays: next.linkValidityDays,
        followUpHoursAfter: next.followUpHoursAfter,
      });
      await AuditLog.record(em, {
        action: 'booking_settings.updated',
        entityType: 'booking_settings',
        entityId: row.id,
        detail: { fields: Object.keys(input) },
      });
      return fromRow(row);
    });
  }
}

export function fromRow(row: BookingSettingsRow): BookingSettings {
  return {
    reminderDaysBefore: [...row.reminderDaysBefore].map(Number).sort((a, b) => b - a),
    sendFrom: row.sendFrom.slice(0, 5),
    sendUntil: row.sendUntil.slice(0, 5),
    sendOnWeekends: row.sendOnWeekends,
    unansweredAfterDays: row.unansweredAfterDays,
    linkValidityDays: row.linkValidityDays,
    followUpHoursAfter: row.followUpHoursAfter,
  };
}
