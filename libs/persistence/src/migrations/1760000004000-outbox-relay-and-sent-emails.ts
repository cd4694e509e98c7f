import { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantRlsSql } from './sql-helpers';

/**
 * The mail path's two halves that need the database:
 *
 * - `outbox_pending_tenants()`: the relay runs without a tenant (it serves them all), so RLS shows it
 *   no outbox rows. This SECURITY DEFINER look-up returns only *which* tenants have pending rows;
 *   the relay then claims each tenant's rows inside that tenant's context, under RLS as usual.
 * - `sent_emails`: the send log. One row per (job, recipient) once the SMTP server accepted the
 *   message, so a retry after a successful send (worker killed before acking the job, Redis
 *   restarted, relay re-delivering) finds the row and does not send again.
 */
export class OutboxRelayAndSentEmails1760000004000 implements MigrationInterface {
  name = 'OutboxRelayAndSentEmails1760000004000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
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
create index notification_outbox_tenant_pending_idx on notification_outbox (tenant_id, created_at) where status = 'pending';

create table sent_emails (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants (id),
  job_key text not null check (length(job_key) between 1 and 300),
  kind text not null check (length(kind) between 1 and 100),
  recipient citext not null check (length(recipient) between 3 and 320),
  message_id text not null check (length(message_id) between 1 and 500),
  subject text not null check (length(subject) <= 1000),
  sent_at timestamptz not null default now(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint sent_emails_tenant_id_id_key unique (tenant_id, id),
  constraint sent_emails_job_recipient_key unique (tenant_id, job_key, recipient)
);
create index sent_emails_tenant_kind_idx on sent_emails (tenant_id, kind, sent_at);
revoke update, delete, truncate on sent_emails from tandem_app;
${tenantRlsSql('sent_emails')}
`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
drop table if exists sent_emails;
drop index if exists notification_outbox_tenant_pending_idx;
drop function if exists outbox_pending_tenants(integer);
`);
  }
}
