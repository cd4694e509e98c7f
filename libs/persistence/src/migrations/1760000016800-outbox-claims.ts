import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 15, finding 12: two relays read the same pending rows and both added them (2,328 duplicate
 * adds against 1,888 real ones). A relay now claims the rows it will add (`for update skip locked`)
 * for a lease: another relay skips them until the lease ends, which frees the rows of a relay that
 * died between claiming and marking them relayed.
 */
export class OutboxClaims1760000016800 implements MigrationInterface {
  name = 'OutboxClaims1760000016800';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
alter table notification_outbox add column claimed_by text null check (length(claimed_by) <= 100);
alter table notification_outbox add column claimed_until timestamptz null;
`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`alter table notification_outbox drop column claimed_by, drop column claimed_until;`);
  }
}
