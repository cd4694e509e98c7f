import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One clock, down to PostgreSQL. Every transaction the app opens sets `app.now` to the product's
 * clock (TenantDb, SystemDb); `app_now()` reads it, falling back to `now()` where nothing set it
 * (a psql session, a migration). Every column default, the `updated_at` trigger and the ledger's
 * "today in London" now ask `app_now()`, so a test that sets the clock to 31 August 23:59 sees the
 * database agree with the API about which academic year it is.
 *
 * The outbox relay now moves a row only once it is due by that clock (`outbox_pending_tenants`
 * takes the instant), instead of handing BullMQ a delay measured on the machine's clock.
 */
export class OneClock1760000012000 implements MigrationInterface {
  name = 'OneClock1760000012000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
create function app_now() returns timestamptz
  language sql stable
  as $$ select coalesce(nullif(current_setting('app.now', true), '')::timestamptz, now()) $$;
grant execute on function app_now() to tandem_app;

create or replace function set_updated_at() returns trigger
  language plpgsql
  as $$ begin new.updated_at := app_now(); return new; end $$;

create or replace function ledger_london_today() returns date
  language sql stable
  as $$ select (app_now() at time zone 'Europe/London')::date $$;

do $$
declare c record;
begin
  for c in
    select col.table_name, col.column_name
      from information_schema.columns col
      join pg_tables t on t.schemaname = col.table_schema and t.tablename = col.table_name
     where col.table_schema = 'public' and col.column_default = 'now()' and t.tableowner = current_user
  loop
    execute format('alter table %I alter column %I set default app_now()', c.table_name, c.column_name);
  end loop;
end $$;

alter table pupils alter column on_roll_from set default ((app_now() at time zone 'Europe/London')::date);

drop function outbox_pending_tenants(integer, bigint);
create function outbox_pending_tenants(p_limit integer, p_now timestamptz)
  returns table (tenant_id uuid)
  language sql stable security definer
  set search_path = pg_catalog, public, pg_temp
  as $$
    select o.tenant_id from public.notification_outbox o
     where o.status = 'pending' and o.available_at <= p_now
     group by o.tenant_id
     order by min(o.available_at)
     limit greatest(p_limit, 1)
  $$;
revoke all on function outbox_pending_tenants(integer, timestamptz) from public;
grant execute on function outbox_pending_tenants(integer, timestamptz) to tandem_app;
`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
drop function outbox_pending_tenants(integer, timestamptz);
create function outbox_pending_tenants(p_limit integer, p_horizon_ms bigint)
  returns table (tenant_id uuid)
  language sql stable security definer
  set search_path = pg_catalog, public, pg_temp
  as $$
    select o.tenant_id from public.notification_outbox o
     where o.status = 'pending'
       and (p_horizon_ms is null or o.available_at <= now() + p_horizon_ms * interval '1 millisecond')
     group by o.tenant_id
     order by min(o.created_at)
     limit greatest(p_limit, 1)
  $$;
revoke all on function outbox_pending_tenants(integer, bigint) from public;
grant execute on function outbox_pending_tenants(integer, bigint) to tandem_app;

alter table pupils alter column on_roll_from set default current_date;
do $$
declare c record;
begin
  for c in
    select col.table_name, col.column_name
      from information_schema.columns col
      join pg_tables t on t.schemaname = col.table_schema and t.tablename = col.table_name
     where col.table_schema = 'public' and col.column_default = 'app_now()' and t.tableowner = current_user
  loop
    execute format('alter table %I alter column %I set default now()', c.table_name, c.column_name);
  end loop;
end $$;
create or replace function ledger_london_today() returns date
  language sql stable
  as $$ select (now() at time zone 'Europe/London')::date $$;
create or replace function set_updated_at() returns trigger
  language plpgsql
  as $$ begin new.updated_at := now(); return new; end $$;
drop function app_now();
`);
  }
}
