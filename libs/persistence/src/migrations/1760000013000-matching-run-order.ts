import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * "Which matching run started later" is answered by a sequence, not by comparing timestamps: two
 * runs requested in the same instant (a frozen test clock, or two API pods whose clocks disagree)
 * must still have one order, the order PostgreSQL handed out their numbers in.
 */
export class MatchingRunOrder1760000013000 implements MigrationInterface {
  name = 'MatchingRunOrder1760000013000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
alter table matching_runs add column seq bigint generated always as identity;
create index matching_runs_tenant_seq_idx on matching_runs (tenant_id, seq);
`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`alter table matching_runs drop column seq;`);
  }
}
