import { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantRlsSql, updatedAtTriggerSql } from './sql-helpers';

/** Tenant tables this migration adds (RLS below; rls.int-spec.ts checks them). */
export const SECURITY_TENANT_TABLES = ['password_resets'] as const;

/**
 * Security (issue 14):
 *
 * - `auth_sessions` (GLOBAL, like `users`; its hub column is `acting_tenant_id`, not a tenant key):
 *   one row per log-in. Access tokens name it (`ses`) and the
 *   API checks it on every request (one primary-key read), so ending a session ends its access on the
 *   next request, not when the 15-minute token expires. Refresh rows point at it; rotation keeps it.
 *   Triggers end sessions whatever code path makes the change: a membership's role, scope, user or
 *   archive; a user disabled or no longer platform admin; a hub archived.
 * - `auth_throttle` (GLOBAL): one counter per bucket (an account or a source address, both hashed),
 *   raised by one atomic upsert before any password is checked, so parallel attempts cannot pass
 *   the limit. Replaces `login_failures` (one row per failure, counted then inserted: racy).
 * - `password_resets` (tenant table: the email goes out through the hub the user belongs to, by the
 *   outbox like every email): a link token's hash, its expiry and when it was used.
 */
export class SessionsThrottleResets1760000014000 implements MigrationInterface {
  name = 'SessionsThrottleResets1760000014000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
create table auth_sessions (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id),
  acting_tenant_id uuid null references tenants (id),
  membership_id uuid null references memberships (id),
  expires_at timestamptz not null,
  revoked_at timestamptz null,
  revoked_reason text null check (revoked_reason in ('logout', 'membership_changed', 'account_changed', 'hub_archived',
    'password_changed', 'password_reset', 'refresh_token_reused', 'expired')),
  created_at timestamptz not null default app_now(),
  updated_at timestamptz not null default app_now(),
  check ((revoked_at is null) = (revoked_reason is null))
);
create index auth_sessions_user_live_idx on auth_sessions (user_id) where revoked_at is null;
create index auth_sessions_membership_live_idx on auth_sessions (membership_id) where revoked_at is null and membership_id is not null;
create index auth_sessions_tenant_live_idx on auth_sessions (acting_tenant_id) where revoked_at is null and acting_tenant_id is not null;
${updatedAtTriggerSql('auth_sessions')}
revoke delete, truncate on auth_sessions from tandem_app;

alter table refresh_sessions add column auth_session_id uuid null references auth_sessions (id);
alter table platform_refresh_sessions add column auth_session_id uuid null references auth_sessions (id);
create index refresh_sessions_auth_session_idx on refresh_sessions (auth_session_id) where auth_session_id is not null;
create index platform_refresh_sessions_auth_session_idx on platform_refresh_sessions (auth_session_id) where auth_session_id is not null;

create function end_sessions_of_membership() returns trigger
  language plpgsql
  as $$ begin
    update auth_sessions set revoked_at = app_now(), revoked_reason = 'membership_changed'
     where membership_id = old.id and revoked_at is null;
    return null;
  end $$;
create trigger end_sessions_on_membership_change
  after update of role, cluster_id, school_id, employer_id, user_id, archived_at on memberships
  for each row
  when ((old.role, old.cluster_id, old.school_id, old.employer_id, old.user_id, old.archived_at)
        is distinct from (new.role, new.cluster_id, new.school_id, new.employer_id, new.user_id, new.archived_at))
  execute function end_sessions_of_membership();
create trigger end_sessions_on_membership_delete after delete on memberships
  for each row execute function end_sessions_of_membership();

create function end_sessions_of_user() returns trigger
  language plpgsql
  as $$ begin
    update auth_sessions set revoked_at = app_now(), revoked_reason = 'account_changed'
     where user_id = new.id and revoked_at is null;
    return null;
  end $$;
create trigger end_sessions_on_user_change
  after update of disabled_at, is_platform_admin, email on users
  for each row
  when ((old.disabled_at is null) is distinct from (new.disabled_at is null)
        or old.is_platform_admin is distinct from new.is_platform_admin
        or old.email is distinct from new.email)
  execute function end_sessions_of_user();

create function end_sessions_of_tenant() returns trigger
  language plpgsql
  as $$ begin
    update auth_sessions set revoked_at = app_now(), revoked_reason = 'hub_archived'
     where acting_tenant_id = new.id and revoked_at is null;
    return null;
  end $$;
create trigger end_sessions_on_tenant_archive
  after update of archived_at on tenants
  for each row when (old.archived_at is null and new.archived_at is not null)
  execute function end_sessions_of_tenant();

drop table login_failures;
create table auth_throttle (
  bucket text primary key check (length(bucket) between 8 and 100),
  attempts integer not null check (attempts >= 0),
  window_started_at timestamptz not null
);
create index auth_throttle_window_idx on auth_throttle (window_started_at);

create table password_resets (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants (id),
  user_id uuid not null references users (id),
  token_hash text not null check (length(token_hash) between 32 and 128),
  expires_at timestamptz not null,
  used_at timestamptz null,
  created_at timestamptz not null default app_now(),
  updated_at timestamptz not null default app_now(),
  constraint password_resets_token_hash_key unique (token_hash)
);
create index password_resets_user_idx on password_resets (tenant_id, user_id, created_at);
${tenantRlsSql('password_resets')}
${updatedAtTriggerSql('password_resets')}

create function auth_tenant_of_password_reset(p_token_hash text) returns uuid
  language sql stable security definer
  set search_path = pg_catalog, public, pg_temp
  as $$ select r.tenant_id from public.password_resets r where r.token_hash = p_token_hash $$;
revoke all on function auth_tenant_of_password_reset(text) from public;
grant execute on function auth_tenant_of_password_reset(text) to tandem_app;
`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
drop function if exists auth_tenant_of_password_reset(text);
drop table if exists password_resets, auth_throttle;
create table login_failures (
  id uuid primary key default gen_random_uuid(),
  email citext not null check (length(email) between 1 and 320),
  failed_at timestamptz not null default app_now()
);
create index login_failures_email_idx on login_failures (email, failed_at);
create index login_failures_failed_at_idx on login_failures (failed_at);
drop trigger if exists end_sessions_on_tenant_archive on tenants;
drop trigger if exists end_sessions_on_user_change on users;
drop trigger if exists end_sessions_on_membership_delete on memberships;
drop trigger if exists end_sessions_on_membership_change on memberships;
drop function if exists end_sessions_of_tenant(), end_sessions_of_user(), end_sessions_of_membership();
alter table platform_refresh_sessions drop column if exists auth_session_id;
alter table refresh_sessions drop column if exists auth_session_id;
drop table if exists auth_sessions;
`);
  }
}
