import { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantRlsSql, updatedAtTriggerSql } from './sql-helpers';

/**
 * Bookings and what their mail needs:
 *
 * - `bookings`: a school's request meeting one offer session, with the lifecycle state and a
 *   version that every change increments (job ids and calendar SEQUENCE numbers come from it).
 *   At most one live booking holds an offer session (partial unique index).
 * - `booking_transitions`: every change, who made it, when and why (append-only for the app).
 * - `booking_links`: one row per emailed Accept/Decline pair. Tokens are derived from the row id
 *   (LinkTokens) so the worker can rebuild the link; only their hashes are stored. Single use
 *   (`used_at`), expiring, and tied to the slot they were sent about.
 * - `notification_preferences`: what a recipient (by email address) has opted out of.
 * - `booking_settings`: a hub's reminder days, sending hours and nudge timing (one row per hub,
 *   absent = defaults).
 * - `booking_link_tenant()`: the public link page arrives without a tenant; this SECURITY DEFINER
 *   look-up returns only the tenant of a token hash, the page then works inside that tenant.
 */
export class Bookings1760000008000 implements MigrationInterface {
  name = 'Bookings1760000008000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(SQL_UP);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
drop function if exists booking_link_tenant(text);
drop table if exists booking_settings, notification_preferences, booking_links, booking_transitions, bookings;
`);
  }
}

export const BOOKING_TENANT_TABLES = [
  'bookings',
  'booking_transitions',
  'booking_links',
  'notification_preferences',
  'booking_settings',
] as const;

const STATES = `('proposed','accepted_by_school','accepted_by_employer','confirmed','delivered','recorded','declined','cancelled','no_show')`;
const LIVE = `('proposed','accepted_by_school','accepted_by_employer','confirmed')`;
const tenantCol = `tenant_id uuid not null references tenants (id)`;
const timestamps = `
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()`;

const SQL_UP = `
create table bookings (
  id uuid primary key default gen_random_uuid(),
  ${tenantCol},
  request_id uuid not null,
  offer_id uuid not null,
  offer_session_id uuid not null,
  school_id uuid not null,
  employer_id uuid not null,
  contact_id uuid not null,
  year_group smallint not null check (year_group between 7 and 13),
  pupil_count integer not null check (pupil_count > 0),
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  state text not null check (state in ${STATES}),
  version integer not null default 1 check (version >= 1),
  confirmed_version integer null check (confirmed_version is null or confirmed_version between 1 and version),
  delivered_at timestamptz null,
  recorded_at timestamptz null,
  created_by_user_id uuid null references users (id),${timestamps},
  constraint bookings_tenant_id_id_key unique (tenant_id, id),
  constraint bookings_times_check check (ends_at > starts_at),
  constraint bookings_request_fk foreign key (tenant_id, request_id) references requests (tenant_id, id),
  constraint bookings_offer_fk foreign key (tenant_id, offer_id) references offers (tenant_id, id),
  constraint bookings_offer_session_fk foreign key (tenant_id, offer_session_id) references offer_sessions (tenant_id, id),
  constraint bookings_school_fk foreign key (tenant_id, school_id) references schools (tenant_id, id),
  constraint bookings_employer_fk foreign key (tenant_id, employer_id) references employers (tenant_id, id),
  constraint bookings_contact_fk foreign key (tenant_id, contact_id) references employer_contacts (tenant_id, id)
);
create unique index bookings_live_session_key on bookings (tenant_id, offer_session_id) where state in ${LIVE};
create index bookings_offer_session_idx on bookings (tenant_id, offer_session_id);
create index bookings_request_idx on bookings (tenant_id, request_id);
create index bookings_offer_idx on bookings (tenant_id, offer_id);
create index bookings_school_starts_idx on bookings (tenant_id, school_id, starts_at);
create index bookings_employer_starts_idx on bookings (tenant_id, employer_id, starts_at);
create index bookings_contact_idx on bookings (tenant_id, contact_id);
create index bookings_state_starts_idx on bookings (tenant_id, state, starts_at);
create index bookings_starts_idx on bookings (tenant_id, starts_at);
create index bookings_created_by_idx on bookings (created_by_user_id) where created_by_user_id is not null;

create table booking_transitions (
  id uuid primary key default gen_random_uuid(),
  ${tenantCol},
  booking_id uuid not null,
  version integer not null check (version >= 1),
  action text not null check (action in ('create','accept','decline','cancel','reschedule','mark_delivered','mark_no_show','record')),
  from_state text null check (from_state is null or from_state in ${STATES}),
  to_state text not null check (to_state in ${STATES}),
  actor_side text not null check (actor_side in ('school','employer','broker','system')),
  actor_user_id uuid null references users (id),
  actor_contact_id uuid null,
  reason text null check (reason is null or length(reason) between 1 and 1000),
  proposed_alternative text null check (proposed_alternative is null or length(proposed_alternative) between 1 and 500),
  offer_session_id uuid not null,
  previous_offer_session_id uuid null,${timestamps},
  constraint booking_transitions_tenant_id_id_key unique (tenant_id, id),
  constraint booking_transitions_version_key unique (tenant_id, booking_id, version),
  constraint booking_transitions_create_check check ((action = 'create') = (from_state is null)),
  constraint booking_transitions_booking_fk foreign key (tenant_id, booking_id) references bookings (tenant_id, id),
  constraint booking_transitions_contact_fk foreign key (tenant_id, actor_contact_id) references employer_contacts (tenant_id, id),
  constraint booking_transitions_session_fk foreign key (tenant_id, offer_session_id) references offer_sessions (tenant_id, id),
  constraint booking_transitions_previous_session_fk foreign key (tenant_id, previous_offer_session_id) references offer_sessions (tenant_id, id)
);
create index booking_transitions_actor_user_idx on booking_transitions (actor_user_id) where actor_user_id is not null;
create index booking_transitions_actor_contact_idx on booking_transitions (tenant_id, actor_contact_id) where actor_contact_id is not null;
create index booking_transitions_session_idx on booking_transitions (tenant_id, offer_session_id);
create index booking_transitions_previous_session_idx on booking_transitions (tenant_id, previous_offer_session_id) where previous_offer_session_id is not null;
-- History is never rewritten.
revoke update, delete, truncate on booking_transitions from tandem_app;

create table booking_links (
  id uuid primary key default gen_random_uuid(),
  ${tenantCol},
  booking_id uuid not null,
  offer_session_id uuid not null,
  contact_id uuid not null,
  accept_token_hash text not null check (length(accept_token_hash) between 32 and 128),
  decline_token_hash text not null check (length(decline_token_hash) between 32 and 128),
  expires_at timestamptz not null,
  used_at timestamptz null,
  used_action text null check (used_action is null or used_action in ('accept','decline')),${timestamps},
  constraint booking_links_tenant_id_id_key unique (tenant_id, id),
  constraint booking_links_accept_token_key unique (accept_token_hash),
  constraint booking_links_decline_token_key unique (decline_token_hash),
  constraint booking_links_used_check check ((used_at is null) = (used_action is null)),
  constraint booking_links_booking_fk foreign key (tenant_id, booking_id) references bookings (tenant_id, id),
  constraint booking_links_session_fk foreign key (tenant_id, offer_session_id) references offer_sessions (tenant_id, id),
  constraint booking_links_contact_fk foreign key (tenant_id, contact_id) references employer_contacts (tenant_id, id)
);
create index booking_links_booking_idx on booking_links (tenant_id, booking_id, created_at);
create index booking_links_session_idx on booking_links (tenant_id, offer_session_id);
create index booking_links_contact_idx on booking_links (tenant_id, contact_id);

create table notification_preferences (
  id uuid primary key default gen_random_uuid(),
  ${tenantCol},
  email citext not null check (email ~ '^[^@[:space:]]+@[^@[:space:]]+$' and length(email) <= 320),
  muted text[] not null default '{}' check (
    array_position(muted, null) is null and muted <@ array['reminders','follow_ups','nudges','check_ins']::text[]),${timestamps},
  constraint notification_preferences_tenant_id_id_key unique (tenant_id, id),
  constraint notification_preferences_email_key unique (tenant_id, email)
);

create table booking_settings (
  id uuid primary key default gen_random_uuid(),
  ${tenantCol},
  reminder_days_before smallint[] not null default '{7,1}' check (
    cardinality(reminder_days_before) <= 5 and array_position(reminder_days_before, null) is null
    and 1 <= all (reminder_days_before) and 60 >= all (reminder_days_before)),
  send_from time not null default '08:00',
  send_until time not null default '20:00',
  send_on_weekends boolean not null default false,
  unanswered_after_days smallint not null default 5 check (unanswered_after_days between 1 and 60),
  link_validity_days smallint not null default 14 check (link_validity_days between 1 and 60),
  follow_up_hours_after smallint not null default 2 check (follow_up_hours_after between 0 and 72),${timestamps},
  constraint booking_settings_tenant_id_id_key unique (tenant_id, id),
  constraint booking_settings_tenant_key unique (tenant_id),
  constraint booking_settings_hours_check check (send_until > send_from)
);

${['bookings', 'booking_links', 'notification_preferences', 'booking_settings'].map(updatedAtTriggerSql).join('\n')}
${['bookings', 'booking_transitions', 'booking_links', 'notification_preferences', 'booking_settings'].map(tenantRlsSql).join('\n')}

create function booking_link_tenant(p_token_hash text) returns uuid
  language sql stable security definer
  set search_path = pg_catalog, public, pg_temp
  as $$
    select l.tenant_id from public.booking_links l
     where l.accept_token_hash = p_token_hash or l.decline_token_hash = p_token_hash
     limit 1
  $$;
revoke all on function booking_link_tenant(text) from public;
grant execute on function booking_link_tenant(text) to tandem_app;
`;
