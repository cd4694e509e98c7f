import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Employers and vetting, as the product needs them:
 * - a vetting check records its outcome (a failed check is kept for the record but never vets);
 * - a check may be valid only on the day it was made (`expires_on >= checked_on`);
 * - an employer may agree to 0 requests a month (paused), so the contact-fatigue limit allows 0.
 * No new table: RLS policies and grants of the initial migration still apply.
 */
export class VettingOutcome1760000003000 implements MigrationInterface {
  name = 'VettingOutcome1760000003000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
alter table vetting_checks add column outcome text not null default 'passed'
  constraint vetting_checks_outcome_check check (outcome in ('passed','failed'));
alter table vetting_checks drop constraint vetting_checks_dates_check;
alter table vetting_checks add constraint vetting_checks_dates_check check (expires_on >= checked_on);
alter table employers drop constraint employers_max_requests_per_month_check;
alter table employers add constraint employers_max_requests_per_month_check check (max_requests_per_month >= 0);
`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
alter table employers drop constraint employers_max_requests_per_month_check;
alter table employers add constraint employers_max_requests_per_month_check check (max_requests_per_month > 0);
alter table vetting_checks drop constraint vetting_checks_dates_check;
alter table vetting_checks add constraint vetting_checks_dates_check check (expires_on > checked_on);
alter table vetting_checks drop column outcome;
`);
  }
}
