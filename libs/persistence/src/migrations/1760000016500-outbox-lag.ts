import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * On-call's view of the outbox (issue 15): how late the relay is, across every hub, without giving
 * the app role a way round RLS. Returns only the oldest due instant and how many rows are due,
 * counted up to a cap so a scrape stays cheap however far behind the relay is (the partial index
 * on pending rows' `available_at` serves both).
 */
export class OutboxLag1760000016500 implements MigrationInterface {
  name = 'OutboxLag1760000016500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
create function outbox_lag(p_now timestamptz, p_cap integer)
  returns table (oldest_due timestamptz, due_rows integer)
  language sql stable security definer
  set search_path = pg_catalog, public, pg_temp
  as $$
    select (select min(o.available_at) from public.notification_outbox o
             where o.status = 'pending' and o.available_at <= p_now),
           (select count(*)::integer from (select 1 from public.notification_outbox o
             where o.status = 'pending' and o.available_at <= p_now limit greatest(p_cap, 1)) due)
  $$;
revoke all on function outbox_lag(timestamptz, integer) from public;
grant execute on function outbox_lag(timestamptz, integer) to tandem_app;
`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('drop function outbox_lag(timestamptz, integer)');
  }
}
