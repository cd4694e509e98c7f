import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The first schema: every table, constraint, index, RLS policy and the SECURITY DEFINER look-ups.
 * Runs as `tandem_owner` (see bootstrap.ts for roles, extensions and default privileges).
 *
 * Conventions used throughout:
 * - tenant tables carry `tenant_id uuid not null references tenants` and `unique (tenant_id, id)` so
 *   that children reference them with a composite FK `(tenant_id, x_id) → (tenant_id, id)`: a row
 *   can never point into another tenant, whatever the application does.
 * - enumerations are text + CHECK; values mirror @tandem/domain.
 * - RLS enabled + forced on every table with a tenant_id, policy `tenant_id = app_current_tenant()`.
 */
export class InitialSchema1760000000000 implements MigrationInterface {
  name = 'InitialSchema1760000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(SQL_UP);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(SQL_DOWN);
  }
}

export const TENANT_TABLES = [
  'memberships',
  'invitations',
  'refresh_sessions',
  'clusters',
  'schools',
  'pupils',
  'employers',
  'employer_contacts',
  'vetting_checks',
  'offers',
  'offer_availability_windows',
  'offer_sessions',
  'requests',
  'request_windows',
  'audit_log',
  'notification_outbox',
  'import_jobs',
] as const;

const YEAR = 'between 7 and 13';
const ACTIVITY_TYPES = `('careers_talk','employer_panel','cv_workshop','mock_interviews','enterprise_challenge','mentoring','virtual_workplace_tour','workplace_visit','work_shadowing','insight_day','work_experience')`;
const FORMATS = `('in_person_workplace','in_person_school','virtual')`;
const ROLES = `('hub_admin','coordinator','school_staff','employer_contact')`;
const timestamps = `
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()`;
const tenantCol = `tenant_id uuid not null references tenants (id)`;

const rls = TENANT_TABLES.map(
  (t) => `
alter table ${t} enable row level security;
alter table ${t} force row level security;
create policy tenant_isolation on ${t} using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant());`,
).join('\n');

const updatedAtTriggers = ['tenants', 'users', ...TENANT_TABLES.filter((t) => t !== 'audit_log')]
  .map((t) => `create trigger set_updated_at before update on ${t} for each row execute function set_updated_at();`)
  .join('\n');

const SQL_UP = `
-- The migrations table is created by TypeORM before this runs; the app must not touch it.
revoke all on schema_migrations from tandem_app;
do $$ begin
  if exists (select 1 from pg_class where relname = 'schema_migrations_id_seq') then
    execute 'revoke all on sequence schema_migrations_id_seq from tandem_app';
  end if;
end $$;

create function app_current_tenant() returns uuid
  language sql stable parallel safe
  as $$ select nullif(current_setting('app.tenant_id', true), '')::uuid $$;
grant execute on function app_current_tenant() to tandem_app;

create function set_updated_at() returns trigger
  language plpgsql
  as $$ begin new.updated_at := now(); return new; end $$;

-- ── global ───────────────────────────────────────────────────────────────────
create table tenants (
  id uuid primary key default gen_random_uuid(),
  name text not null check (length(btrim(name)) between 1 and 200),
  slug text not null check (slug ~ '^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$'),
  settings jsonb not null default '{}'::jsonb check (jsonb_typeof(settings) = 'object'),
  archived_at timestamptz null,${timestamps},
  constraint tenants_slug_key unique (slug)
);
alter table tenants enable row level security;
alter table tenants force row level security;
create policy tenant_isolation on tenants using (id = app_current_tenant()) with check (id = app_current_tenant());

create table users (
  id uuid primary key default gen_random_uuid(),
  email citext not null check (email ~ '^[^@[:space:]]+@[^@[:space:]]+$' and length(email) <= 320),
  password_hash text null,
  display_name text null check (display_name is null or length(display_name) <= 200),
  is_platform_admin boolean not null default false,
  disabled_at timestamptz null,
  last_login_at timestamptz null,${timestamps},
  constraint users_email_key unique (email)
);

-- ── tenant structure ─────────────────────────────────────────────────────────
create table clusters (
  id uuid primary key default gen_random_uuid(),
  ${tenantCol},
  name text not null check (length(btrim(name)) between 1 and 200),
  archived_at timestamptz null,${timestamps},
  constraint clusters_tenant_id_id_key unique (tenant_id, id)
);
create unique index clusters_tenant_name_key on clusters (tenant_id, lower(name)) where archived_at is null;

create table schools (
  id uuid primary key default gen_random_uuid(),
  ${tenantCol},
  cluster_id uuid null,
  urn char(6) not null check (urn ~ '^[0-9]{6}$'),
  name text not null check (length(btrim(name)) between 1 and 200),
  postcode text null check (postcode is null or length(postcode) <= 10),
  latitude numeric(9,6) null check (latitude between -90 and 90),
  longitude numeric(9,6) null check (longitude between -180 and 180),
  phase text not null check (phase in ('secondary','all_through','middle','special','alternative_provision','sixth_form')),
  lowest_year_group smallint not null default 7 check (lowest_year_group ${YEAR}),
  highest_year_group smallint not null default 11 check (highest_year_group ${YEAR}),
  archived_at timestamptz null,${timestamps},
  constraint schools_tenant_id_id_key unique (tenant_id, id),
  constraint schools_tenant_urn_key unique (tenant_id, urn),
  constraint schools_year_groups_check check (lowest_year_group <= highest_year_group),
  constraint schools_lat_lng_together check ((latitude is null) = (longitude is null)),
  constraint schools_cluster_fk foreign key (tenant_id, cluster_id) references clusters (tenant_id, id)
);
create index schools_tenant_cluster_idx on schools (tenant_id, cluster_id);
create index schools_tenant_name_idx on schools (tenant_id, lower(name));

create table employers (
  id uuid primary key default gen_random_uuid(),
  ${tenantCol},
  name text not null check (length(btrim(name)) between 1 and 200),
  sector text null check (sector is null or length(sector) <= 100),
  size_band text not null check (size_band in ('self_employed','micro','sme','large')),
  postcode text null check (postcode is null or length(postcode) <= 10),
  latitude numeric(9,6) null check (latitude between -90 and 90),
  longitude numeric(9,6) null check (longitude between -180 and 180),
  website text null check (website is null or length(website) <= 500),
  max_requests_per_month integer null check (max_requests_per_month > 0),
  archived_at timestamptz null,${timestamps},
  constraint employers_tenant_id_id_key unique (tenant_id, id),
  constraint employers_lat_lng_together check ((latitude is null) = (longitude is null))
);
create index employers_tenant_name_idx on employers (tenant_id, lower(name));
create index employers_tenant_sector_idx on employers (tenant_id, sector);

create table employer_contacts (
  id uuid primary key default gen_random_uuid(),
  ${tenantCol},
  employer_id uuid not null,
  name text not null check (length(btrim(name)) between 1 and 200),
  email citext not null check (email ~ '^[^@[:space:]]+@[^@[:space:]]+$' and length(email) <= 320),
  phone text null check (phone is null or length(phone) <= 40),
  job_title text null check (job_title is null or length(job_title) <= 200),
  dbs_status text not null default 'none' check (dbs_status in ('none','basic','enhanced','enhanced_barred_list')),
  dbs_checked_on date null,
  archived_at timestamptz null,${timestamps},
  constraint employer_contacts_tenant_id_id_key unique (tenant_id, id),
  constraint employer_contacts_dbs_date_check check (dbs_status = 'none' or dbs_checked_on is not null),
  constraint employer_contacts_employer_fk foreign key (tenant_id, employer_id) references employers (tenant_id, id)
);
create unique index employer_contacts_email_key on employer_contacts (tenant_id, employer_id, lower(email));
create index employer_contacts_tenant_employer_idx on employer_contacts (tenant_id, employer_id);

create table vetting_checks (
  id uuid primary key default gen_random_uuid(),
  ${tenantCol},
  employer_id uuid not null,
  kind text not null check (kind in ('safeguarding_policy','employers_liability_insurance','health_and_safety')),
  checked_on date not null,
  expires_on date not null,
  document_ref text null check (document_ref is null or length(document_ref) <= 500),
  notes text null check (notes is null or length(notes) <= 4000),
  archived_at timestamptz null,${timestamps},
  constraint vetting_checks_tenant_id_id_key unique (tenant_id, id),
  constraint vetting_checks_dates_check check (expires_on > checked_on),
  constraint vetting_checks_employer_fk foreign key (tenant_id, employer_id) references employers (tenant_id, id)
);
create index vetting_checks_employer_kind_idx on vetting_checks (tenant_id, employer_id, kind, expires_on);
create index vetting_checks_expiry_idx on vetting_checks (tenant_id, expires_on) where archived_at is null;

-- ── people and access ────────────────────────────────────────────────────────
create table memberships (
  id uuid primary key default gen_random_uuid(),
  ${tenantCol},
  user_id uuid not null references users (id),
  role text not null check (role in ${ROLES}),
  cluster_id uuid null,
  school_id uuid null,
  employer_id uuid null,
  archived_at timestamptz null,${timestamps},
  constraint memberships_tenant_id_id_key unique (tenant_id, id),
  constraint memberships_scope_check check (
       (role = 'hub_admin'        and cluster_id is null     and school_id is null     and employer_id is null)
    or (role = 'coordinator'      and cluster_id is not null and school_id is null     and employer_id is null)
    or (role = 'school_staff'     and cluster_id is null     and school_id is not null and employer_id is null)
    or (role = 'employer_contact' and cluster_id is null     and school_id is null     and employer_id is not null)),
  constraint memberships_cluster_fk foreign key (tenant_id, cluster_id) references clusters (tenant_id, id),
  constraint memberships_school_fk foreign key (tenant_id, school_id) references schools (tenant_id, id),
  constraint memberships_employer_fk foreign key (tenant_id, employer_id) references employers (tenant_id, id)
);
create unique index memberships_active_key on memberships
  (tenant_id, user_id, role, (coalesce(cluster_id, school_id, employer_id, '00000000-0000-0000-0000-000000000000'::uuid)))
  where archived_at is null;
create index memberships_user_idx on memberships (user_id);
create index memberships_tenant_role_idx on memberships (tenant_id, role);
create index memberships_tenant_cluster_idx on memberships (tenant_id, cluster_id) where cluster_id is not null;
create index memberships_tenant_school_idx on memberships (tenant_id, school_id) where school_id is not null;
create index memberships_tenant_employer_idx on memberships (tenant_id, employer_id) where employer_id is not null;

create table invitations (
  id uuid primary key default gen_random_uuid(),
  ${tenantCol},
  email citext not null check (email ~ '^[^@[:space:]]+@[^@[:space:]]+$' and length(email) <= 320),
  role text not null check (role in ${ROLES}),
  cluster_id uuid null,
  school_id uuid null,
  employer_id uuid null,
  token_hash text not null check (length(token_hash) between 32 and 128),
  expires_at timestamptz not null,
  accepted_at timestamptz null,
  revoked_at timestamptz null,
  invited_by_user_id uuid null references users (id),${timestamps},
  constraint invitations_tenant_id_id_key unique (tenant_id, id),
  constraint invitations_token_hash_key unique (token_hash),
  constraint invitations_scope_check check (
       (role = 'hub_admin'        and cluster_id is null     and school_id is null     and employer_id is null)
    or (role = 'coordinator'      and cluster_id is not null and school_id is null     and employer_id is null)
    or (role = 'school_staff'     and cluster_id is null     and school_id is not null and employer_id is null)
    or (role = 'employer_contact' and cluster_id is null     and school_id is null     and employer_id is not null)),
  constraint invitations_cluster_fk foreign key (tenant_id, cluster_id) references clusters (tenant_id, id),
  constraint invitations_school_fk foreign key (tenant_id, school_id) references schools (tenant_id, id),
  constraint invitations_employer_fk foreign key (tenant_id, employer_id) references employers (tenant_id, id)
);
create index invitations_tenant_email_idx on invitations (tenant_id, email);
create index invitations_invited_by_idx on invitations (invited_by_user_id);
create index invitations_tenant_cluster_idx on invitations (tenant_id, cluster_id) where cluster_id is not null;
create index invitations_tenant_school_idx on invitations (tenant_id, school_id) where school_id is not null;
create index invitations_tenant_employer_idx on invitations (tenant_id, employer_id) where employer_id is not null;

create table refresh_sessions (
  id uuid primary key default gen_random_uuid(),
  ${tenantCol},
  user_id uuid not null references users (id),
  membership_id uuid not null,
  token_hash text not null check (length(token_hash) between 32 and 128),
  expires_at timestamptz not null,
  revoked_at timestamptz null,
  replaced_by_id uuid null,${timestamps},
  constraint refresh_sessions_tenant_id_id_key unique (tenant_id, id),
  constraint refresh_sessions_token_hash_key unique (token_hash),
  constraint refresh_sessions_membership_fk foreign key (tenant_id, membership_id) references memberships (tenant_id, id),
  constraint refresh_sessions_replaced_by_fk foreign key (tenant_id, replaced_by_id) references refresh_sessions (tenant_id, id)
);
create index refresh_sessions_user_idx on refresh_sessions (user_id);
create index refresh_sessions_tenant_membership_idx on refresh_sessions (tenant_id, membership_id);
create index refresh_sessions_tenant_replaced_by_idx on refresh_sessions (tenant_id, replaced_by_id) where replaced_by_id is not null;
create index refresh_sessions_expires_idx on refresh_sessions (expires_at);

-- ── pupils ───────────────────────────────────────────────────────────────────
create table pupils (
  id uuid primary key default gen_random_uuid(),
  ${tenantCol},
  school_id uuid not null,
  reference text not null check (length(btrim(reference)) between 1 and 50),
  display_name text null check (display_name is null or length(display_name) <= 200),
  date_of_birth date null,
  year_group smallint null check (year_group ${YEAR}),
  disadvantaged boolean not null default false,
  send boolean not null default false,
  care_experienced boolean not null default false,
  roni_score smallint null check (roni_score between 0 and 100),
  on_roll_from date not null default current_date,
  on_roll_to date null,
  archived_at timestamptz null,
  erased_at timestamptz null,${timestamps},
  constraint pupils_tenant_id_id_key unique (tenant_id, id),
  constraint pupils_reference_key unique (tenant_id, school_id, reference),
  constraint pupils_dob_or_year_check check (date_of_birth is not null or year_group is not null),
  constraint pupils_on_roll_check check (on_roll_to is null or on_roll_to >= on_roll_from),
  constraint pupils_school_fk foreign key (tenant_id, school_id) references schools (tenant_id, id)
);
create index pupils_school_year_idx on pupils (tenant_id, school_id, year_group);

-- ── offers ───────────────────────────────────────────────────────────────────
create table offers (
  id uuid primary key default gen_random_uuid(),
  ${tenantCol},
  employer_id uuid not null,
  contact_id uuid null,
  title text not null check (length(btrim(title)) between 1 and 200),
  description text null check (description is null or length(description) <= 10000),
  activity_type text not null check (activity_type in ${ACTIVITY_TYPES}),
  format text not null check (format in ${FORMATS}),
  duration_minutes integer not null check (duration_minutes > 0 and duration_minutes <= 60 * 24 * 30),
  pupils_per_session integer not null check (pupils_per_session > 0),
  sessions_available integer not null check (sessions_available > 0),
  year_groups smallint[] not null check (
    cardinality(year_groups) > 0 and array_position(year_groups, null) is null
    and 7 <= all (year_groups) and 13 >= all (year_groups)),
  travel_radius_km numeric(6,1) null check (travel_radius_km >= 0),
  benchmark smallint not null check (benchmark in (5, 6)),
  status text not null default 'draft' check (status in ('draft','published','archived')),
  archived_at timestamptz null,${timestamps},
  constraint offers_tenant_id_id_key unique (tenant_id, id),
  constraint offers_employer_fk foreign key (tenant_id, employer_id) references employers (tenant_id, id),
  constraint offers_contact_fk foreign key (tenant_id, contact_id) references employer_contacts (tenant_id, id)
);
create index offers_tenant_employer_idx on offers (tenant_id, employer_id);
create index offers_tenant_contact_idx on offers (tenant_id, contact_id) where contact_id is not null;
create index offers_tenant_status_type_idx on offers (tenant_id, status, activity_type);
create index offers_year_groups_idx on offers using gin (year_groups);

create table offer_availability_windows (
  id uuid primary key default gen_random_uuid(),
  ${tenantCol},
  offer_id uuid not null,
  starts_on date not null,
  ends_on date not null,
  weekdays smallint[] not null default '{1,2,3,4,5}' check (
    cardinality(weekdays) > 0 and array_position(weekdays, null) is null
    and 1 <= all (weekdays) and 7 >= all (weekdays)),
  start_time time not null,
  end_time time not null,${timestamps},
  constraint offer_availability_windows_tenant_id_id_key unique (tenant_id, id),
  constraint offer_availability_windows_dates_check check (ends_on >= starts_on),
  constraint offer_availability_windows_times_check check (end_time > start_time),
  constraint offer_availability_windows_offer_fk foreign key (tenant_id, offer_id) references offers (tenant_id, id) on delete cascade
);
create index offer_availability_windows_offer_idx on offer_availability_windows (tenant_id, offer_id, starts_on);

create table offer_sessions (
  id uuid primary key default gen_random_uuid(),
  ${tenantCol},
  offer_id uuid not null,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  capacity integer not null check (capacity > 0),
  status text not null default 'open' check (status in ('open','held','booked','cancelled')),${timestamps},
  constraint offer_sessions_tenant_id_id_key unique (tenant_id, id),
  constraint offer_sessions_times_check check (ends_at > starts_at),
  constraint offer_sessions_offer_fk foreign key (tenant_id, offer_id) references offers (tenant_id, id)
);
create index offer_sessions_offer_idx on offer_sessions (tenant_id, offer_id, starts_at);
create index offer_sessions_status_idx on offer_sessions (tenant_id, status, starts_at);

-- ── requests ─────────────────────────────────────────────────────────────────
create table requests (
  id uuid primary key default gen_random_uuid(),
  ${tenantCol},
  school_id uuid not null,
  activity_type text not null check (activity_type in ${ACTIVITY_TYPES}),
  year_group smallint not null check (year_group ${YEAR}),
  pupil_count integer not null check (pupil_count > 0),
  formats text[] not null check (
    cardinality(formats) > 0 and array_position(formats, null) is null
    and formats <@ array['in_person_workplace','in_person_school','virtual']::text[]),
  deadline date null,
  notes text null check (notes is null or length(notes) <= 4000),
  status text not null default 'open' check (status in ('open','matched','fulfilled','cancelled')),
  created_by_user_id uuid null references users (id),
  archived_at timestamptz null,${timestamps},
  constraint requests_tenant_id_id_key unique (tenant_id, id),
  constraint requests_school_fk foreign key (tenant_id, school_id) references schools (tenant_id, id)
);
create index requests_school_status_idx on requests (tenant_id, school_id, status);
create index requests_activity_type_idx on requests (tenant_id, activity_type);
create index requests_status_deadline_idx on requests (tenant_id, status, deadline);
create index requests_created_by_idx on requests (created_by_user_id);

create table request_windows (
  id uuid primary key default gen_random_uuid(),
  ${tenantCol},
  request_id uuid not null,
  starts_at timestamptz not null,
  ends_at timestamptz not null,${timestamps},
  constraint request_windows_tenant_id_id_key unique (tenant_id, id),
  constraint request_windows_times_check check (ends_at > starts_at),
  constraint request_windows_request_fk foreign key (tenant_id, request_id) references requests (tenant_id, id) on delete cascade
);
create index request_windows_request_idx on request_windows (tenant_id, request_id, starts_at);

-- ── audit, outbox, imports ───────────────────────────────────────────────────
create table audit_log (
  id bigint generated always as identity primary key,
  ${tenantCol},
  actor_user_id uuid null references users (id),
  action text not null check (length(action) between 1 and 100),
  entity_type text not null check (length(entity_type) between 1 and 100),
  entity_id uuid null,
  detail jsonb not null default '{}'::jsonb,
  correlation_id text null check (correlation_id is null or length(correlation_id) <= 100),
  created_at timestamptz not null default now()
);
create index audit_log_tenant_created_idx on audit_log (tenant_id, created_at);
create index audit_log_entity_idx on audit_log (tenant_id, entity_type, entity_id);
create index audit_log_actor_idx on audit_log (actor_user_id) where actor_user_id is not null;
revoke update, delete, truncate on audit_log from tandem_app;

create table notification_outbox (
  id uuid primary key default gen_random_uuid(),
  ${tenantCol},
  kind text not null check (length(kind) between 1 and 100),
  dedupe_key text not null check (length(dedupe_key) between 1 and 300),
  payload jsonb not null default '{}'::jsonb check (jsonb_typeof(payload) = 'object'),
  status text not null default 'pending' check (status in ('pending','relayed','failed')),
  available_at timestamptz not null default now(),
  attempts integer not null default 0 check (attempts >= 0),
  last_error text null,
  relayed_at timestamptz null,${timestamps},
  constraint notification_outbox_tenant_id_id_key unique (tenant_id, id),
  constraint notification_outbox_dedupe_key unique (tenant_id, dedupe_key)
);
create index notification_outbox_pending_idx on notification_outbox (available_at) where status = 'pending';

create table import_jobs (
  id uuid primary key default gen_random_uuid(),
  ${tenantCol},
  school_id uuid not null,
  kind text not null default 'pupils' check (kind in ('pupils')),
  mode text not null check (mode in ('all_or_nothing','valid_rows_only')),
  status text not null default 'queued' check (status in ('queued','running','succeeded','failed')),
  source_csv text null,
  total_rows integer not null default 0 check (total_rows >= 0),
  processed_rows integer not null default 0 check (processed_rows >= 0),
  inserted_rows integer not null default 0 check (inserted_rows >= 0),
  updated_rows integer not null default 0 check (updated_rows >= 0),
  error_count integer not null default 0 check (error_count >= 0),
  errors jsonb not null default '[]'::jsonb check (jsonb_typeof(errors) = 'array'),
  created_by_user_id uuid null references users (id),
  started_at timestamptz null,
  finished_at timestamptz null,${timestamps},
  constraint import_jobs_tenant_id_id_key unique (tenant_id, id),
  constraint import_jobs_finished_check check (finished_at is null or started_at is null or finished_at >= started_at),
  constraint import_jobs_school_fk foreign key (tenant_id, school_id) references schools (tenant_id, id)
);
create index import_jobs_school_idx on import_jobs (tenant_id, school_id, created_at);
create index import_jobs_status_idx on import_jobs (tenant_id, status);
create index import_jobs_created_by_idx on import_jobs (created_by_user_id);

-- tenant_id FK index for tables whose other indexes do not start with tenant_id already: all do.

${updatedAtTriggers}

${rls}

-- ── look-ups that precede a tenant (SECURITY DEFINER, owned by tandem_owner) ─
create function auth_memberships_for_user(p_user_id uuid)
  returns table (tenant_id uuid, tenant_name text, tenant_slug text, membership_id uuid, role text,
                 cluster_id uuid, school_id uuid, employer_id uuid)
  language sql stable security definer
  set search_path = pg_catalog, public, pg_temp
  as $$
    select t.id, t.name, t.slug, m.id, m.role, m.cluster_id, m.school_id, m.employer_id
      from public.memberships m
      join public.tenants t on t.id = m.tenant_id
     where m.user_id = p_user_id and m.archived_at is null and t.archived_at is null
     order by t.name, m.role, m.id
  $$;

create function auth_tenant_of_invitation(p_token_hash text) returns uuid
  language sql stable security definer
  set search_path = pg_catalog, public, pg_temp
  as $$ select i.tenant_id from public.invitations i where i.token_hash = p_token_hash $$;

create function auth_tenant_of_refresh_session(p_token_hash text) returns uuid
  language sql stable security definer
  set search_path = pg_catalog, public, pg_temp
  as $$ select s.tenant_id from public.refresh_sessions s where s.token_hash = p_token_hash $$;

create function platform_list_tenants()
  returns table (id uuid, name text, slug text, archived_at timestamptz, created_at timestamptz)
  language sql stable security definer
  set search_path = pg_catalog, public, pg_temp
  as $$ select t.id, t.name, t.slug, t.archived_at, t.created_at from public.tenants t order by t.name, t.id $$;

create function auth_tenant_by_slug(p_slug text)
  returns table (id uuid, name text, slug text)
  language sql stable security definer
  set search_path = pg_catalog, public, pg_temp
  as $$ select t.id, t.name, t.slug from public.tenants t where t.slug = p_slug and t.archived_at is null $$;

revoke all on function auth_memberships_for_user(uuid), auth_tenant_of_invitation(text),
  auth_tenant_of_refresh_session(text), platform_list_tenants(), auth_tenant_by_slug(text) from public;
grant execute on function auth_memberships_for_user(uuid), auth_tenant_of_invitation(text),
  auth_tenant_of_refresh_session(text), platform_list_tenants(), auth_tenant_by_slug(text) to tandem_app;
`;

const SQL_DOWN = `
drop function if exists auth_memberships_for_user(uuid), auth_tenant_of_invitation(text),
  auth_tenant_of_refresh_session(text), platform_list_tenants(), auth_tenant_by_slug(text);
drop table if exists import_jobs, notification_outbox, audit_log, request_windows, requests,
  offer_sessions, offer_availability_windows, offers, pupils, refresh_sessions, invitations,
  memberships, vetting_checks, employer_contacts, employers, schools, clusters, users, tenants;
drop function if exists set_updated_at(), app_current_tenant();
`;
