import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Vetting is what lets an employer meet pupils in person, so who said so matters (issue 14, finding
 * 10: an employer recorded "passed" for itself). A check now says who recorded it and when, and an
 * employer's own word is a `declared` outcome (evidence for the hub to review), which never vets.
 * Older rows keep a null recorder: unknown.
 */
export class VettingRecordedBy1760000014100 implements MigrationInterface {
  name = 'VettingRecordedBy1760000014100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
alter table vetting_checks add column recorded_by_user_id uuid null references users (id);
alter table vetting_checks add column recorded_at timestamptz null;
update vetting_checks set recorded_at = created_at;
alter table vetting_checks alter column recorded_at set not null;
alter table vetting_checks alter column recorded_at set default app_now();
alter table vetting_checks drop constraint vetting_checks_outcome_check;
alter table vetting_checks add constraint vetting_checks_outcome_check check (outcome in ('passed', 'failed', 'declared'));
`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
delete from vetting_checks where outcome = 'declared';
alter table vetting_checks drop constraint vetting_checks_outcome_check;
alter table vetting_checks add constraint vetting_checks_outcome_check check (outcome in ('passed', 'failed'));
alter table vetting_checks drop column recorded_at;
alter table vetting_checks drop column recorded_by_user_id;
`);
  }
}
