import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A delivered booking becomes exactly one encounter in the ledger: `encounters.booking_id` now
 * references bookings (it was left without a foreign key until bookings existed) and is unique, so a
 * retried "delivered" cannot log the encounter twice.
 */
export class BookingEncounters1760000009000 implements MigrationInterface {
  name = 'BookingEncounters1760000009000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
drop index encounters_booking_idx;
create unique index encounters_booking_key on encounters (tenant_id, booking_id) where booking_id is not null;
alter table encounters add constraint encounters_booking_fk foreign key (tenant_id, booking_id) references bookings (tenant_id, id);
`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
alter table encounters drop constraint encounters_booking_fk;
drop index encounters_booking_key;
create index encounters_booking_idx on encounters (tenant_id, booking_id) where booking_id is not null;
`);
  }
}
