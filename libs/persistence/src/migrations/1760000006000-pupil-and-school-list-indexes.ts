import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the school and pupil lists' filters (no new tables, so no RLS changes):
 *
 * - pupils are listed per school in reference order (the unique key (tenant_id, school_id, reference)
 *   serves that and the import's upsert); a reference search is a case-insensitive prefix;
 * - the targeting flags and the at-risk filter are partial indexes: they hold only the pupils that
 *   carry the flag (a minority), so they stay small and cost the import little;
 * - leavers: most pupils have no leaving date, so a partial index on those that do;
 * - schools are filtered by phase within a hub.
 */
export class PupilAndSchoolListIndexes1760000006000 implements MigrationInterface {
  name = 'PupilAndSchoolListIndexes1760000006000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
create index pupils_school_reference_lower_idx on pupils (tenant_id, school_id, lower(reference) text_pattern_ops);
create index pupils_school_disadvantaged_idx on pupils (tenant_id, school_id, year_group) where disadvantaged;
create index pupils_school_send_idx on pupils (tenant_id, school_id, year_group) where send;
create index pupils_school_care_experienced_idx on pupils (tenant_id, school_id, year_group) where care_experienced;
create index pupils_school_roni_idx on pupils (tenant_id, school_id, roni_score) where roni_score is not null;
create index pupils_school_left_idx on pupils (tenant_id, school_id, on_roll_to) where on_roll_to is not null;
create index schools_tenant_phase_idx on schools (tenant_id, phase);
`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
drop index if exists pupils_school_reference_lower_idx, pupils_school_disadvantaged_idx, pupils_school_send_idx,
  pupils_school_care_experienced_idx, pupils_school_roni_idx, pupils_school_left_idx, schools_tenant_phase_idx;
`);
  }
}
