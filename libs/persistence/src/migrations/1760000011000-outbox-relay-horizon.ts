import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The relay looks only at rows due within its horizon: `outbox_pending_tenants` gains the horizon,
 * so a hub whose only pending rows are reminders weeks ahead is not visited on every poll. Those
 * rows wait in PostgreSQL (durable, backed up) instead of as weeks-long delayed jobs in Redis.
 * A null horizon keeps the old meaning: every pending row.
 */
export class OutboxRelayHorizon1760000011000 implements MigrationInterface {
  name = 'OutboxRelayHorizon1760000011000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
drop function outbox_pending_tenants(integer);
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
`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
drop function outbox_pending_tenants(integer, bigint);
create function outbox_pending_tenants(p_limit integer)
  returns table (tenant_id uuid)
  language sql stable security definer
  set search_path = pg_catalog, public, pg_temp
  as $$
    select o.tenant_id from public.notification_outbox o
     where o.status = 'pending'
     group by o.tenant_id
     order by min(o.created_at)
     limit greatest(p_limit, 1)
  $$;
revoke all on function outbox_pending_tenants(integer) from public;
grant execute on function outbox_pending_tenants(integer) to tandem_app;
`);
  }
}
