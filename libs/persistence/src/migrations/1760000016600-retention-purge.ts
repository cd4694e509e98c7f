import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Retention (issue 15, finding 10): `purge_expired_rows(what, keep_days, batch)` deletes at most
 * `batch` rows of one kind that are older than `keep_days` by the product's clock (`app_now()`), and
 * returns how many it deleted. The worker's daily purge calls it in a loop, one short transaction per
 * batch (docs/operations.md, "Retention").
 *
 * SECURITY DEFINER (owned by tandem_owner): the app role may not delete the audit log, the send log
 * or sessions itself (revoked), and purging spans every hub. The function takes no SQL, only a kind
 * from a fixed list, and refuses a period under each kind's floor, so the app role can never remove
 * a younger audit row than a year (nor send-log rows younger than a year, which keep a re-queued email
 * from going out twice).
 *
 * BRIN indexes on the append-only time columns (tiny, cheap to maintain) keep each batch an index
 * range scan instead of a full scan of a table that grows by millions of rows.
 */
export class RetentionPurge1760000016600 implements MigrationInterface {
  name = 'RetentionPurge1760000016600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
create index audit_log_created_brin on audit_log using brin (created_at);
create index sent_emails_sent_brin on sent_emails using brin (sent_at);
create index notification_outbox_done_idx on notification_outbox (updated_at) where status <> 'pending';
create index auth_sessions_ended_idx on auth_sessions (coalesce(revoked_at, expires_at));
create index password_resets_expires_idx on password_resets (expires_at);

create function purge_expired_rows(p_what text, p_keep_days integer, p_batch integer) returns integer
  language plpgsql volatile security definer
  set search_path = pg_catalog, public, pg_temp
  as $$
declare
  floor_days integer := case p_what
    when 'audit_log' then 365 when 'sent_emails' then 366 when 'outbox' then 1
    when 'auth_sessions' then 1 when 'auth_throttle' then 1 when 'password_resets' then 1 end;
  cutoff timestamptz;
  n integer;
  ids uuid[];
begin
  if floor_days is null then
    raise exception 'purge_expired_rows: unknown kind %', p_what using errcode = '22023';
  end if;
  if p_keep_days is null or p_keep_days < floor_days then
    raise exception 'purge_expired_rows: % must be kept at least % days (got %)', p_what, floor_days, p_keep_days using errcode = '22023';
  end if;
  if p_batch is null or p_batch < 1 or p_batch > 100000 then
    raise exception 'purge_expired_rows: batch must be 1 to 100000 (got %)', p_batch using errcode = '22023';
  end if;
  cutoff := app_now() - make_interval(days => p_keep_days);
  case p_what
    when 'audit_log' then
      delete from public.audit_log where id = any (array(
        select id from public.audit_log where created_at < cutoff limit p_batch));
    when 'sent_emails' then
      delete from public.sent_emails where id = any (array(
        select id from public.sent_emails where sent_at < cutoff limit p_batch));
    when 'outbox' then
      -- Relayed (or given up) rows only: a pending row is work still to do, however old.
      delete from public.notification_outbox where id = any (array(
        select id from public.notification_outbox where status <> 'pending' and updated_at < cutoff limit p_batch));
    when 'auth_sessions' then
      -- Ended (logged out, revoked) or expired sessions, with their refresh tokens (same chain).
      ids := array(select id from public.auth_sessions where coalesce(revoked_at, expires_at) < cutoff limit p_batch);
      delete from public.refresh_sessions where auth_session_id = any (ids);
      delete from public.platform_refresh_sessions where auth_session_id = any (ids);
      delete from public.auth_sessions where id = any (ids);
    when 'auth_throttle' then
      delete from public.auth_throttle where bucket = any (array(
        select bucket from public.auth_throttle where window_started_at < cutoff limit p_batch));
    when 'password_resets' then
      delete from public.password_resets where id = any (array(
        select id from public.password_resets where expires_at < cutoff limit p_batch));
  end case;
  get diagnostics n = row_count;
  return n;
end $$;
revoke all on function purge_expired_rows(text, integer, integer) from public;
grant execute on function purge_expired_rows(text, integer, integer) to tandem_app;
`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
drop function if exists purge_expired_rows(text, integer, integer);
drop index if exists password_resets_expires_idx;
drop index if exists auth_sessions_ended_idx;
drop index if exists notification_outbox_done_idx;
drop index if exists sent_emails_sent_brin;
drop index if exists audit_log_created_brin;
`);
  }
}
