import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reporting snapshots are frozen: the app role may not update them. Erasure is the one exception
 * (issue 14, finding 9): a snapshot's pupil line keeps a priority rank made of the disadvantaged,
 * SEND and care-experienced flags. This function, and only it, clears that rank for one pupil in
 * the caller's own hub; the snapshot's counts, as reported, stay.
 */
export class EraseSnapshotPriority1760000014200 implements MigrationInterface {
  name = 'EraseSnapshotPriority1760000014200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
create function erase_pupil_snapshot_priority(p_pupil_id uuid) returns integer
  language sql volatile security definer
  set search_path = pg_catalog, public, pg_temp
  as $$
    with cleared as (
      update public.coverage_snapshot_pupils set priority_rank = 0
       where pupil_id = p_pupil_id and tenant_id = public.app_current_tenant() and priority_rank <> 0
         and exists (select 1 from public.pupils p where p.id = p_pupil_id and p.tenant_id = public.app_current_tenant() and p.erased_at is not null)
      returning 1
    )
    select count(*)::int from cleared
  $$;
revoke all on function erase_pupil_snapshot_priority(uuid) from public;
grant execute on function erase_pupil_snapshot_priority(uuid) to tandem_app;
`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop function if exists erase_pupil_snapshot_priority(uuid);`);
  }
}
