import { MigrationInterface, QueryRunner } from 'typeorm';
import { updatedAtTriggerSql } from './sql-helpers';

/**
 * What log-in needs beyond the initial schema. Both new tables are GLOBAL (no tenant_id, no RLS, like
 * `users`): they are used before a tenant is known, or by a platform admin who acts in none.
 *
 * - `login_failures`: one row per failed log-in attempt for an email (known or not), read to refuse
 *   log-in for a while after too many failures; rows older than a day are pruned as new ones arrive.
 * - `platform_refresh_sessions`: refresh tokens (hash only) of platform admins logged in without a
 *   membership. Tenant `refresh_sessions` need a membership, so these live apart, with the same
 *   rotation chain (`replaced_by_id`). `acting_tenant_id` is the hub the admin chose at log-in, if any.
 * - indexes for the invitation, membership and cluster lists (keyset order and the state filter).
 */
export class AuthSessionsAndThrottle1760000005000 implements MigrationInterface {
  name = 'AuthSessionsAndThrottle1760000005000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
create table login_failures (
  id uuid primary key default gen_random_uuid(),
  email citext not null check (length(email) between 1 and 320),
  failed_at timestamptz not null default now()
);
create index login_failures_email_idx on login_failures (email, failed_at);
create index login_failures_failed_at_idx on login_failures (failed_at);

create table platform_refresh_sessions (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id),
  acting_tenant_id uuid null references tenants (id),
  token_hash text not null check (length(token_hash) between 32 and 128),
  expires_at timestamptz not null,
  revoked_at timestamptz null,
  replaced_by_id uuid null references platform_refresh_sessions (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint platform_refresh_sessions_token_hash_key unique (token_hash)
);
create index platform_refresh_sessions_user_idx on platform_refresh_sessions (user_id);
create index platform_refresh_sessions_acting_tenant_idx on platform_refresh_sessions (acting_tenant_id) where acting_tenant_id is not null;
create index platform_refresh_sessions_replaced_by_idx on platform_refresh_sessions (replaced_by_id) where replaced_by_id is not null;
create index platform_refresh_sessions_expires_idx on platform_refresh_sessions (expires_at);
${updatedAtTriggerSql('platform_refresh_sessions')}

create index invitations_tenant_created_idx on invitations (tenant_id, created_at, id);
create index invitations_tenant_open_idx on invitations (tenant_id, expires_at) where accepted_at is null and revoked_at is null;
create index memberships_tenant_created_idx on memberships (tenant_id, created_at, id);
create index clusters_tenant_created_idx on clusters (tenant_id, created_at, id);
`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
drop index if exists clusters_tenant_created_idx, memberships_tenant_created_idx, invitations_tenant_open_idx, invitations_tenant_created_idx;
drop table if exists platform_refresh_sessions, login_failures;
`);
  }
}
