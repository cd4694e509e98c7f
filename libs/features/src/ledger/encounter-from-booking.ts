import { Global, Injectable, Module } from '@nestjs/common';
import { AuditLog, type Booking } from '@tandem/persistence';
import type { EntityManager } from 'typeorm';
import { BOOKING_DELIVERED_LISTENER, type BookingDeliveredListener } from '@tandem/features/bookings';
import { londonDateOf } from '@tandem/domain';

/**
 * A delivered booking enters the ledger as an encounter (delivered, no attendance yet): the school
 * then records who took part and the meaningful checklist on it, which marks the booking recorded.
 * Runs inside the transaction that marks the booking delivered; one encounter per booking (unique
 * index), so a repeated "delivered" adds nothing.
 */
@Injectable()
export class EncounterFromBooking implements BookingDeliveredListener {
  async onBookingDelivered(em: EntityManager, booking: Booking): Promise<void> {
    const rows: Array<{ id: string }> = await em.query(
      `insert into encounters (tenant_id, school_id, booking_id, occurred_on, activity_type, format, title, year_groups, duration_minutes, status)
       select b.tenant_id, b.school_id, b.id, $3::date, o.activity_type, o.format, o.title, array[b.year_group]::smallint[],
              greatest(1, round(extract(epoch from (b.ends_at - b.starts_at)) / 60))::int, 'delivered'
         from bookings b join offers o on o.tenant_id = b.tenant_id and o.id = b.offer_id
        where b.tenant_id = $1 and b.id = $2
       on conflict (tenant_id, booking_id) where booking_id is not null do nothing
       returning id`,
      [booking.tenantId, booking.id, londonDateOf(booking.startsAt)],
    );
    const encounterId = rows[0]?.id;
    if (!encounterId) return;
    await em.query(`insert into encounter_employers (tenant_id, encounter_id, employer_id, volunteers) values ($1, $2, $3, 1)`, [
      booking.tenantId,
      encounterId,
      booking.employerId,
    ]);
    await AuditLog.record(em, {
      action: 'encounter.logged',
      entityType: 'encounter',
      entityId: encounterId,
      detail: { fromBookingId: booking.id },
    });
  }
}

/**
 * The one bridge from bookings into the ledger (the other way, attendance marking a booking recorded,
 * is the ledger calling BookingsService.markRecorded directly). Global so that BookingsService, in
 * whichever module imports bookings, finds its required BOOKING_DELIVERED_LISTENER; an app without the
 * ledger then fails at boot instead of skipping encounters.
 */
@Global()
@Module({ providers: [{ provide: BOOKING_DELIVERED_LISTENER, useClass: EncounterFromBooking }], exports: [BOOKING_DELIVERED_LISTENER] })
export class BookingEncounterBridgeModule {}
