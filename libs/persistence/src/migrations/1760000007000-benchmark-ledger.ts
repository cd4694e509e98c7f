import { BUILT_IN_POLICIES, DEFAULT_POLICY_KEY } from '@tandem/domain';
import { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantRlsSql, updatedAtTriggerSql } from './sql-helpers';

/**
 * The benchmark ledger: encounters, who attended, the meaningful checklist, benchmark policies (global,
 * versioned data) and the hub's choice of one, and the rollups that make coverage dashboards fast.
 *
 * Tables
 * - `benchmark_policies` (global): one immutable row per policy version; `definition` is the JSON that
 *   `parseBenchmarkPolicy` (@tandem/domain) accepts. The two built-in policies are inserted here.
 * - `ledger_settings`: the policy a hub follows (none = the default policy).
 * - `encounters`, `encounter_employers`, `encounter_attendance`: what happened and who was there. A
 *   headcount-only encounter keeps its headcount and never has attendance, so it can never become
 *   pupil-level coverage. `booking_id` will reference bookings once they exist (no FK yet).
 *   `counts_bm5` / `counts_bm6` say whether the encounter's type, format and checklist count under the
 *   hub's policy; a BEFORE trigger keeps them.
 * - rollups, maintained in the same transaction as the change (triggers, so every writer is covered):
 *   `ledger_pupils` (a pupil's Year-7 academic year, roll dates and gap-list rank), `ledger_pupil_years`
 *   (per pupil, academic year and benchmark: the policy window, the counted encounter dates, met or not,
 *   the same rows as `ledgerRows` in @tandem/domain) and `ledger_school_counts` (pupils and met per
 *   school, academic year, year group and benchmark: what dashboards add up).
 * - `coverage_snapshots` (+ `_counts`, `_pupils`): frozen figures, so a report can be reproduced after
 *   attendance is corrected. Append-only for the app role.
 *
 * How the rollups stay right
 * - Any change that can move a pupil's figures (attendance added or removed; an encounter's date,
 *   status, type, format or checklist; a pupil's birth date, year group, roll dates or flags; a school's
 *   year groups; the hub's policy) recomputes the affected pupils' `ledger_pupil_years` rows from the
 *   source tables (`ledger_refresh_pupils`), writing only rows that changed; statement triggers with
 *   transition tables turn those row changes into +/- deltas on `ledger_school_counts`.
 * - Concurrency: a refresh first locks the pupils' `ledger_pupils` rows in id order, then computes in a
 *   later statement, which under READ COMMITTED sees everything committed before the lock was granted;
 *   two transactions recording attendance for one pupil therefore cannot overwrite each other's result.
 *   A policy change rebuilds the whole hub under an exclusive per-hub advisory lock that refreshes
 *   share.
 *
 * Year groups: from the date of birth when known; otherwise the year group is read as of the academic
 * year in which it was recorded (kept as `entry_year` when the row is written, and kept while the year
 * group does not change), so pupils move up each September without anyone editing them.
 */
export class BenchmarkLedger1760000007000 implements MigrationInterface {
  name = 'BenchmarkLedger1760000007000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(SQL_UP);
    for (const policy of BUILT_IN_POLICIES) {
      await q.query(`insert into benchmark_policies (key, version, name, definition, is_default) values ($1, $2, $3, $4::jsonb, $5)`, [
        policy.key,
        policy.version,
        policy.name,
        JSON.stringify(policy),
        policy.key === DEFAULT_POLICY_KEY,
      ]);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(SQL_DOWN);
  }
}

export const LEDGER_TENANT_TABLES = [
  'ledger_settings',
  'encounters',
  'encounter_employers',
  'encounter_attendance',
  'ledger_pupils',
  'ledger_pupil_years',
  'ledger_school_counts',
  'coverage_snapshots',
  'coverage_snapshot_counts',
  'coverage_snapshot_pupils',
] as const;

const ACTIVITY_TYPES = `'careers_talk','employer_panel','cv_workshop','mock_interviews','enterprise_challenge','mentoring','virtual_workplace_tour','workplace_visit','work_shadowing','insight_day','work_experience'`;
const FORMATS = `'in_person_workplace','in_person_school','virtual'`;
const CRITERIA = `'purpose_shared','learning_outcomes','two_way_interaction','reflection','range_of_people','employer_task','employer_feedback'`;
const timestamps = `
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()`;
const tenantCol = `tenant_id uuid not null references tenants (id)`;
const yearGroups = (col: string): string => `${col} smallint[] not null check (
    cardinality(${col}) > 0 and array_position(${col}, null) is null and 7 <= all (${col}) and 13 >= all (${col}))`;

/** The per-benchmark counters of a snapshot row. */
const counters = `
  pupils integer not null default 0 check (pupils >= 0),
  met integer not null default 0 check (met >= 0 and met <= pupils),
  priority_pupils integer not null default 0 check (priority_pupils >= 0),
  priority_met integer not null default 0 check (priority_met >= 0),
  disadvantaged_pupils integer not null default 0 check (disadvantaged_pupils >= 0),
  disadvantaged_met integer not null default 0 check (disadvantaged_met >= 0)`;

/**
 * The live counters carry no CHECKs: they are changed by upserting signed deltas, and PostgreSQL checks
 * the proposed row (a delta such as met +1, pupils 0) before it finds the conflict. The property tests
 * hold them equal to a recount instead.
 */
const liveCounters = `
  pupils integer not null default 0,
  met integer not null default 0,
  priority_pupils integer not null default 0,
  priority_met integer not null default 0,
  disadvantaged_pupils integer not null default 0,
  disadvantaged_met integer not null default 0`;

const SQL_UP = `
-- ── policies (global) ────────────────────────────────────────────────────────
create table benchmark_policies (
  id uuid primary key default gen_random_uuid(),
  key text not null check (key ~ '^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$'),
  version integer not null check (version between 1 and 10000),
  name text not null check (length(btrim(name)) between 1 and 200),
  definition jsonb not null check (jsonb_typeof(definition) = 'object' and jsonb_typeof(definition->'benchmarks') = 'array'),
  is_default boolean not null default false,${timestamps},
  constraint benchmark_policies_key_version_key unique (key, version)
);
create unique index benchmark_policies_one_default on benchmark_policies (is_default) where is_default;
-- A released policy version never changes (reports name it): the app may add versions, not edit them.
revoke update, delete, truncate on benchmark_policies from tandem_app;

create table ledger_settings (
  id uuid primary key default gen_random_uuid(),
  ${tenantCol},
  policy_id uuid not null references benchmark_policies (id),
  chosen_by_user_id uuid null references users (id),${timestamps},
  constraint ledger_settings_tenant_id_id_key unique (tenant_id, id),
  constraint ledger_settings_tenant_key unique (tenant_id)
);
create index ledger_settings_policy_idx on ledger_settings (policy_id);
create index ledger_settings_chosen_by_idx on ledger_settings (chosen_by_user_id) where chosen_by_user_id is not null;

-- ── encounters ───────────────────────────────────────────────────────────────
-- Attendance names (school, pupil) so the database itself refuses a pupil of another school.
alter table pupils add constraint pupils_tenant_school_id_key unique (tenant_id, school_id, id);

create table encounters (
  id uuid primary key default gen_random_uuid(),
  ${tenantCol},
  school_id uuid not null,
  booking_id uuid null,
  occurred_on date not null check (occurred_on >= date '2000-01-01'),
  activity_type text not null check (activity_type in (${ACTIVITY_TYPES})),
  format text not null check (format in (${FORMATS})),
  title text null check (title is null or length(btrim(title)) between 1 and 200),
  ${yearGroups('year_groups')},
  duration_minutes integer null check (duration_minutes between 1 and 43200),
  status text not null default 'delivered' check (status in ('planned','delivered','cancelled')),
  headcount_only boolean not null default false,
  headcount integer null check (headcount between 1 and 100000),
  checklist text[] not null default '{}' check (array_position(checklist, null) is null and checklist <@ array[${CRITERIA}]::text[]),
  checklist_recorded_at timestamptz null,
  attendance_recorded_at timestamptz null,
  counts_bm5 boolean not null default false,
  counts_bm6 boolean not null default false,
  created_by_user_id uuid null references users (id),${timestamps},
  constraint encounters_tenant_id_id_key unique (tenant_id, id),
  constraint encounters_tenant_school_id_key unique (tenant_id, school_id, id),
  constraint encounters_headcount_only_check check (headcount is null or headcount_only),
  constraint encounters_delivered_headcount_check check (not (headcount_only and status = 'delivered' and headcount is null)),
  constraint encounters_school_fk foreign key (tenant_id, school_id) references schools (tenant_id, id)
);
create index encounters_school_date_idx on encounters (tenant_id, school_id, occurred_on);
create index encounters_tenant_date_idx on encounters (tenant_id, occurred_on);
create index encounters_booking_idx on encounters (tenant_id, booking_id) where booking_id is not null;
create index encounters_created_by_idx on encounters (created_by_user_id) where created_by_user_id is not null;

create table encounter_employers (
  id uuid primary key default gen_random_uuid(),
  ${tenantCol},
  encounter_id uuid not null,
  employer_id uuid not null,
  volunteers integer not null default 1 check (volunteers between 0 and 1000),${timestamps},
  constraint encounter_employers_tenant_id_id_key unique (tenant_id, id),
  constraint encounter_employers_pair_key unique (tenant_id, encounter_id, employer_id),
  constraint encounter_employers_encounter_fk foreign key (tenant_id, encounter_id) references encounters (tenant_id, id) on delete cascade,
  constraint encounter_employers_employer_fk foreign key (tenant_id, employer_id) references employers (tenant_id, id)
);
create index encounter_employers_employer_idx on encounter_employers (tenant_id, employer_id);

-- Millions of rows: a narrow join table keyed by what it joins (no surrogate id, no updated_at:
-- a correction deletes or inserts rows, and the audit log says who and when).
create table encounter_attendance (
  ${tenantCol},
  school_id uuid not null,
  encounter_id uuid not null,
  pupil_id uuid not null,
  created_at timestamptz not null default now(),
  constraint encounter_attendance_pkey primary key (tenant_id, encounter_id, pupil_id),
  constraint encounter_attendance_encounter_fk foreign key (tenant_id, school_id, encounter_id) references encounters (tenant_id, school_id, id) on delete cascade,
  constraint encounter_attendance_pupil_fk foreign key (tenant_id, school_id, pupil_id) references pupils (tenant_id, school_id, id) on delete cascade
);
create index encounter_attendance_pupil_idx on encounter_attendance (tenant_id, pupil_id, encounter_id);
create index encounter_attendance_school_encounter_idx on encounter_attendance (tenant_id, school_id, encounter_id);
create index encounter_attendance_school_pupil_idx on encounter_attendance (tenant_id, school_id, pupil_id);

-- ── rollups ─────────────────────────────────────────────────────────────────
create table ledger_pupils (
  ${tenantCol},
  pupil_id uuid not null,
  school_id uuid not null,
  entry_year smallint not null check (entry_year between 1990 and 2200),
  on_roll_from date not null,
  on_roll_to date null,
  priority_rank smallint not null check (priority_rank between 0 and 15),
  reference text not null,
  constraint ledger_pupils_pkey primary key (tenant_id, pupil_id),
  constraint ledger_pupils_pupil_fk foreign key (tenant_id, pupil_id) references pupils (tenant_id, id) on delete cascade,
  constraint ledger_pupils_school_fk foreign key (tenant_id, school_id) references schools (tenant_id, id)
);
create index ledger_pupils_school_idx on ledger_pupils (tenant_id, school_id);

-- Derived rows, millions of them, written only by the functions below from tables that carry the
-- foreign keys: no FK checks of their own (one per derived row made every refresh several times
-- slower). A pupil's rows go when its ledger_pupils row goes (trigger below).
create table ledger_pupil_years (
  tenant_id uuid not null,
  pupil_id uuid not null,
  academic_year smallint not null,
  benchmark smallint not null check (benchmark in (5, 6)),
  school_id uuid not null,
  year_group smallint not null check (year_group between 7 and 13),
  window_index smallint not null check (window_index >= 0),
  minimum smallint not null check (minimum >= 1),
  encounter_dates date[] not null default '{}',
  met_on date null,
  met boolean not null,
  on_roll_from date not null,
  on_roll_to date null,
  priority_rank smallint not null,
  reference text not null,
  constraint ledger_pupil_years_pkey primary key (tenant_id, pupil_id, academic_year, benchmark)
);
-- One index for a school's year (exports, snapshots) and its gap list: \`met = false\` then priority order
-- straight from the index. Hub- and cluster-wide gap lists sort the unmet rows of the year instead; a
-- second index on every row written was not worth it.
create index ledger_pupil_years_school_idx on ledger_pupil_years
  (tenant_id, academic_year, benchmark, school_id, met, priority_rank desc, year_group desc, reference collate "C", pupil_id);

-- Derived like ledger_pupil_years (no FK checks); one row per school, academic year, year group and benchmark.
create table ledger_school_counts (
  tenant_id uuid not null,
  academic_year smallint not null,
  school_id uuid not null,
  year_group smallint not null check (year_group between 7 and 13),
  benchmark smallint not null check (benchmark in (5, 6)),${liveCounters},
  constraint ledger_school_counts_pkey primary key (tenant_id, academic_year, school_id, year_group, benchmark)
);
create index ledger_school_counts_school_idx on ledger_school_counts (tenant_id, school_id, academic_year);

-- ── snapshots ───────────────────────────────────────────────────────────────
create table coverage_snapshots (
  id uuid primary key default gen_random_uuid(),
  ${tenantCol},
  school_id uuid null,
  academic_year smallint not null,
  as_of date not null,
  kind text not null check (kind in ('reporting_date','on_demand')),
  policy_id uuid not null references benchmark_policies (id),
  taken_by_user_id uuid null references users (id),${timestamps},
  constraint coverage_snapshots_tenant_id_id_key unique (tenant_id, id),
  constraint coverage_snapshots_as_of_check check (as_of between make_date(academic_year, 9, 1) and make_date(academic_year + 1, 8, 31)),
  constraint coverage_snapshots_school_fk foreign key (tenant_id, school_id) references schools (tenant_id, id)
);
create unique index coverage_snapshots_reporting_key on coverage_snapshots (tenant_id, as_of) where kind = 'reporting_date' and school_id is null;
create index coverage_snapshots_tenant_year_idx on coverage_snapshots (tenant_id, academic_year, created_at);
create index coverage_snapshots_school_idx on coverage_snapshots (tenant_id, school_id, created_at) where school_id is not null;
create index coverage_snapshots_policy_idx on coverage_snapshots (policy_id);
create index coverage_snapshots_taken_by_idx on coverage_snapshots (taken_by_user_id) where taken_by_user_id is not null;

create table coverage_snapshot_counts (
  ${tenantCol},
  snapshot_id uuid not null,
  school_id uuid not null,
  year_group smallint not null check (year_group between 7 and 13),
  benchmark smallint not null check (benchmark in (5, 6)),${counters},
  constraint coverage_snapshot_counts_pkey primary key (tenant_id, snapshot_id, school_id, year_group, benchmark),
  constraint coverage_snapshot_counts_snapshot_fk foreign key (tenant_id, snapshot_id) references coverage_snapshots (tenant_id, id),
  constraint coverage_snapshot_counts_school_fk foreign key (tenant_id, school_id) references schools (tenant_id, id)
);
create index coverage_snapshot_counts_school_idx on coverage_snapshot_counts (tenant_id, school_id);

create table coverage_snapshot_pupils (
  ${tenantCol},
  snapshot_id uuid not null,
  pupil_id uuid not null,
  benchmark smallint not null check (benchmark in (5, 6)),
  school_id uuid not null,
  year_group smallint not null check (year_group between 7 and 13),
  priority_rank smallint not null,
  encounters integer not null check (encounters >= 0),
  met boolean not null,
  constraint coverage_snapshot_pupils_pkey primary key (tenant_id, snapshot_id, pupil_id, benchmark),
  constraint coverage_snapshot_pupils_snapshot_fk foreign key (tenant_id, snapshot_id) references coverage_snapshots (tenant_id, id),
  -- Erasing a pupil erases them from old reports too.
  constraint coverage_snapshot_pupils_pupil_fk foreign key (tenant_id, pupil_id) references pupils (tenant_id, id) on delete cascade,
  constraint coverage_snapshot_pupils_school_fk foreign key (tenant_id, school_id) references schools (tenant_id, id)
);
create index coverage_snapshot_pupils_school_idx on coverage_snapshot_pupils (tenant_id, snapshot_id, school_id, benchmark);
create index coverage_snapshot_pupils_pupil_idx on coverage_snapshot_pupils (tenant_id, pupil_id);
create index coverage_snapshot_pupils_school_fk_idx on coverage_snapshot_pupils (tenant_id, school_id);
revoke update, delete, truncate on coverage_snapshots, coverage_snapshot_counts, coverage_snapshot_pupils from tandem_app;

${updatedAtTriggerSql('ledger_settings')}
${updatedAtTriggerSql('encounters')}
${updatedAtTriggerSql('encounter_employers')}
${[
  'ledger_settings',
  'encounters',
  'encounter_employers',
  'encounter_attendance',
  'ledger_pupils',
  'ledger_pupil_years',
  'ledger_school_counts',
  'coverage_snapshots',
  'coverage_snapshot_counts',
  'coverage_snapshot_pupils',
]
  .map(tenantRlsSql)
  .join('\n')}

-- ── calendar and policy helpers ─────────────────────────────────────────────
-- The recompute functions run with jit = off: the planner's guesses for set-returning functions
-- (unnest, generate_series, jsonb_array_elements) are wild, and JIT compiling a plan for a refresh of
-- a few pupils cost ~0.5 s where the work itself takes milliseconds.
create function ledger_academic_year(d date) returns integer
  language sql immutable parallel safe
  as $$ select extract(year from d)::int - case when extract(month from d) >= 9 then 0 else 1 end $$;

create function ledger_london_today() returns date
  language sql stable
  as $$ select (now() at time zone 'Europe/London')::date $$;

-- 8·disadvantaged + 4·SEND + 2·care-experienced + 1·at risk (RONI >= 50): gaps.ts in @tandem/domain.
create function ledger_priority_rank(p_disadvantaged boolean, p_send boolean, p_care boolean, p_roni smallint) returns smallint
  language sql immutable parallel safe
  as $$ select ((case when p_disadvantaged then 8 else 0 end) + (case when p_send then 4 else 0 end)
              + (case when p_care then 2 else 0 end) + (case when p_roni >= 50 then 1 else 0 end))::smallint $$;

create function ledger_policy_id(p_tenant uuid) returns uuid
  language sql stable
  as $$ select coalesce((select s.policy_id from ledger_settings s where s.tenant_id = p_tenant),
                        (select p.id from benchmark_policies p where p.is_default)) $$;

create function ledger_policy_rules(p_policy uuid)
  returns table (benchmark integer, activity_types text[], formats text[], required text[])
  language sql stable rows 2
  set search_path = pg_catalog, public
  as $$
    select (b->>'benchmark')::int,
           array(select jsonb_array_elements_text(b->'activityTypes')),
           array(select jsonb_array_elements_text(b->'formats')),
           array(select jsonb_array_elements_text(b->'requiredCriteria'))
      from benchmark_policies p, jsonb_array_elements(p.definition->'benchmarks') b
     where p.id = p_policy
  $$;

create function ledger_policy_windows(p_policy uuid)
  returns table (benchmark integer, window_index integer, from_year_group integer, to_year_group integer, minimum integer)
  language sql stable rows 10
  set search_path = pg_catalog, public
  as $$
    select (b->>'benchmark')::int, (w.ord - 1)::int, (w.v->>'fromYearGroup')::int, (w.v->>'toYearGroup')::int, (w.v->>'minimum')::int
      from benchmark_policies p, jsonb_array_elements(p.definition->'benchmarks') b,
           jsonb_array_elements(b->'windows') with ordinality as w(v, ord)
     where p.id = p_policy
  $$;

create function ledger_encounter_counts(p_policy uuid, p_benchmark integer, p_type text, p_format text, p_checklist text[]) returns boolean
  language sql stable
  as $$
    select coalesce((select p_type = any (r.activity_types) and p_format = any (r.formats) and r.required <@ p_checklist
                       from ledger_policy_rules(p_policy) r where r.benchmark = p_benchmark), false)
  $$;

-- The academic years from first to last: generate_series with an honest row estimate (a pupil spans a
-- few years; the planner's default guess of 1,000 made it scan all attendance for a refresh of 30 pupils).
create function ledger_year_span(p_first integer, p_last integer) returns setof integer
  language sql immutable rows 4
  set search_path = pg_catalog, public
  as $$ select generate_series(p_first, p_last) $$;

-- ── the pupil ledger ────────────────────────────────────────────────────────
-- The rows each pupil should have: one per academic year on roll at a year group the school teaches
-- and a policy window covers, per benchmark (ledgerRows in @tandem/domain, without the dates).
create function ledger_desired_years(p_tenant uuid, p_policy uuid, p_pupils uuid[])
  returns table (pupil_id uuid, school_id uuid, academic_year integer, benchmark integer, year_group integer, window_index integer,
                 minimum integer, first_year integer, last_year integer, on_roll_from date, on_roll_to date, priority_rank smallint, reference text)
  language sql stable
  as $$
    select lp.pupil_id, lp.school_id, ay, w.benchmark, ay - lp.entry_year + 7, w.window_index, w.minimum,
           lp.entry_year + w.from_year_group - 7, lp.entry_year + w.to_year_group - 7,
           lp.on_roll_from, lp.on_roll_to, lp.priority_rank, lp.reference
      from unnest(p_pupils) as u(id)
      join ledger_pupils lp on lp.tenant_id = p_tenant and lp.pupil_id = u.id
      join schools s on s.tenant_id = lp.tenant_id and s.id = lp.school_id
      cross join lateral ledger_year_span(
          greatest(ledger_academic_year(lp.on_roll_from), lp.entry_year + s.lowest_year_group - 7),
          least(coalesce(ledger_academic_year(lp.on_roll_to), 100000), lp.entry_year + s.highest_year_group - 7)) as ay
      join ledger_policy_windows(p_policy) w on ay - lp.entry_year + 7 between w.from_year_group and w.to_year_group
  $$;

-- Recomputes the pupils' ledger_pupil_years rows from the source tables; writes only what changed.
create function ledger_recompute(p_tenant uuid, p_pupils uuid[]) returns void
  language plpgsql
  set jit = off
  as $$
  declare
    v_policy uuid := ledger_policy_id(p_tenant);
  begin
    -- EXECUTE: each call is planned for its own pupils (a refresh of 30 wants index look-ups, a rebuild
    -- of 500,000 wants hash joins); a cached generic plan would suit one and ruin the other.
    -- Materialized: computed once. Inlined, the planner (misled by statistics that lag a bulk load
    -- in the same transaction) re-ran it for every existing row: 60 s instead of 0.1 s for 2,000 pupils.
    execute $sql$
    with d as materialized (select pupil_id, academic_year, benchmark from ledger_desired_years($1, $2, $3))
    delete from ledger_pupil_years y
     where y.tenant_id = $1 and y.pupil_id = any ($3)
       and not exists (select 1 from d where d.pupil_id = y.pupil_id and d.academic_year = y.academic_year and d.benchmark = y.benchmark)
    $sql$ using p_tenant, v_policy, p_pupils;

    execute $sql$
    with d as materialized (select * from ledger_desired_years($1, $2, $3)),
    w as (select distinct d.pupil_id, d.benchmark, d.window_index, d.first_year, d.last_year, d.on_roll_from, d.on_roll_to from d),
    dates as (
      -- Counted encounters: delivered, attended (not a headcount), on roll that day, counting under the
      -- policy for this benchmark, inside the window's years.
      select w.pupil_id, w.benchmark, w.window_index, array_agg(e.occurred_on order by e.occurred_on) as dates
        from w
        join encounter_attendance a on a.tenant_id = $1 and a.pupil_id = w.pupil_id
        join encounters e on e.tenant_id = $1 and e.id = a.encounter_id
       where e.status = 'delivered' and not e.headcount_only
         and case w.benchmark when 5 then e.counts_bm5 else e.counts_bm6 end
         and e.occurred_on >= greatest(make_date(w.first_year, 9, 1), w.on_roll_from)
         and e.occurred_on <= least(make_date(w.last_year + 1, 8, 31), coalesce(w.on_roll_to, 'infinity'::date))
       group by w.pupil_id, w.benchmark, w.window_index)
    insert into ledger_pupil_years as t (tenant_id, pupil_id, academic_year, benchmark, school_id, year_group, window_index, minimum,
                                         encounter_dates, met_on, met, on_roll_from, on_roll_to, priority_rank, reference)
    select $1, d.pupil_id, d.academic_year, d.benchmark, d.school_id, d.year_group, d.window_index, d.minimum,
           array(select x from unnest(dt.dates) as x where x <= make_date(d.academic_year + 1, 8, 31) order by x),
           dt.dates[d.minimum],
           coalesce(dt.dates[d.minimum] <= make_date(d.academic_year + 1, 8, 31), false),
           d.on_roll_from, d.on_roll_to, d.priority_rank, d.reference
      from d
      left join dates dt on dt.pupil_id = d.pupil_id and dt.benchmark = d.benchmark and dt.window_index = d.window_index
    on conflict (tenant_id, pupil_id, academic_year, benchmark) do update set
      school_id = excluded.school_id, year_group = excluded.year_group, window_index = excluded.window_index, minimum = excluded.minimum,
      encounter_dates = excluded.encounter_dates, met_on = excluded.met_on, met = excluded.met, on_roll_from = excluded.on_roll_from,
      on_roll_to = excluded.on_roll_to, priority_rank = excluded.priority_rank, reference = excluded.reference
    where (t.school_id, t.year_group, t.window_index, t.minimum, t.encounter_dates, t.met_on, t.met, t.on_roll_from, t.on_roll_to, t.priority_rank, t.reference)
          is distinct from
          (excluded.school_id, excluded.year_group, excluded.window_index, excluded.minimum, excluded.encounter_dates, excluded.met_on, excluded.met,
           excluded.on_roll_from, excluded.on_roll_to, excluded.priority_rank, excluded.reference)
    $sql$ using p_tenant, v_policy, p_pupils;
  end $$;

-- The entry point triggers use: serialise on the pupils (and share the hub lock a rebuild takes), then recompute.
create function ledger_refresh_pupils(p_tenant uuid, p_pupils uuid[]) returns void
  language plpgsql
  as $$
  begin
    if p_pupils is null or cardinality(p_pupils) = 0 then return; end if;
    perform pg_advisory_xact_lock_shared(hashtextextended('ledger:' || p_tenant::text, 0));
    perform 1 from ledger_pupils lp
     where lp.tenant_id = p_tenant and lp.pupil_id = any (p_pupils)
     order by lp.pupil_id
       for update;
    -- A new statement, so a new snapshot: it sees what committed before the locks were granted.
    perform ledger_recompute(p_tenant, p_pupils);
  end $$;

-- Brings ledger_pupils in line with pupils for a whole hub (after a bulk load that skipped triggers).
create function ledger_sync_pupils(p_tenant uuid) returns void
  language plpgsql
  set jit = off
  as $$
  begin
    delete from ledger_pupils lp
     where lp.tenant_id = p_tenant
       and not exists (select 1 from pupils p where p.tenant_id = lp.tenant_id and p.id = lp.pupil_id and p.archived_at is null and p.erased_at is null);
    insert into ledger_pupils as lp (tenant_id, pupil_id, school_id, entry_year, on_roll_from, on_roll_to, priority_rank, reference)
    select p.tenant_id, p.id, p.school_id,
           case when p.date_of_birth is not null then ledger_academic_year(p.date_of_birth) + 12
                else ledger_academic_year(ledger_london_today()) - (p.year_group - 7) end,
           p.on_roll_from, p.on_roll_to, ledger_priority_rank(p.disadvantaged, p.send, p.care_experienced, p.roni_score), p.reference
      from pupils p
     where p.tenant_id = p_tenant and p.archived_at is null and p.erased_at is null
    on conflict (tenant_id, pupil_id) do update set
      school_id = excluded.school_id,
      -- Without a birth date the recorded entry year stands (it was read when the year group was set).
      entry_year = case when (select p.date_of_birth from pupils p where p.tenant_id = lp.tenant_id and p.id = lp.pupil_id) is not null
                        then excluded.entry_year else lp.entry_year end,
      on_roll_from = excluded.on_roll_from, on_roll_to = excluded.on_roll_to,
      priority_rank = excluded.priority_rank, reference = excluded.reference;
  end $$;

-- Recomputes a whole hub: after a policy change, or a bulk load.
create function ledger_rebuild(p_tenant uuid) returns void
  language plpgsql
  set jit = off
  as $$
  declare
    v_policy uuid := ledger_policy_id(p_tenant);
  begin
    perform pg_advisory_xact_lock(hashtextextended('ledger:' || p_tenant::text, 0));
    perform set_config('ledger.rebuilding', 'on', true);
    perform ledger_sync_pupils(p_tenant);
    -- The same rule as ledger_encounter_flags, set-based (the policy read once, not per row).
    with r5 as (select * from ledger_policy_rules(v_policy) where benchmark = 5),
         r6 as (select * from ledger_policy_rules(v_policy) where benchmark = 6),
         f as (
           select x.id,
                  coalesce(x.activity_type = any (r5.activity_types) and x.format = any (r5.formats) and r5.required <@ x.checklist, false) as c5,
                  coalesce(x.activity_type = any (r6.activity_types) and x.format = any (r6.formats) and r6.required <@ x.checklist, false) as c6
             from encounters x left join r5 on true left join r6 on true
            where x.tenant_id = p_tenant)
    update encounters e set counts_bm5 = f.c5, counts_bm6 = f.c6
      from f
     where e.tenant_id = p_tenant and e.id = f.id and (e.counts_bm5, e.counts_bm6) is distinct from (f.c5, f.c6);
    perform ledger_recompute(p_tenant, array(
      select lp.pupil_id from ledger_pupils lp where lp.tenant_id = p_tenant
      union
      select y.pupil_id from ledger_pupil_years y where y.tenant_id = p_tenant));
    perform set_config('ledger.rebuilding', 'off', true);
  end $$;

-- ── triggers ────────────────────────────────────────────────────────────────
create function ledger_encounter_flags() returns trigger
  language plpgsql
  as $$
  declare
    v_policy uuid := ledger_policy_id(new.tenant_id);
  begin
    new.counts_bm5 := ledger_encounter_counts(v_policy, 5, new.activity_type, new.format, new.checklist);
    new.counts_bm6 := ledger_encounter_counts(v_policy, 6, new.activity_type, new.format, new.checklist);
    return new;
  end $$;
create trigger ledger_encounter_flags before insert or update on encounters for each row execute function ledger_encounter_flags();

create function ledger_encounters_changed() returns trigger
  language plpgsql
  as $$
  declare
    t uuid;
  begin
    if current_setting('ledger.rebuilding', true) = 'on' then return null; end if;
    for t in select distinct n.tenant_id from new_rows n loop
      perform ledger_refresh_pupils(t, array(
        select distinct a.pupil_id
          from new_rows n join old_rows o on o.id = n.id
          join encounter_attendance a on a.tenant_id = n.tenant_id and a.encounter_id = n.id
         where n.tenant_id = t
           and (n.status, n.occurred_on, n.counts_bm5, n.counts_bm6, n.headcount_only)
               is distinct from (o.status, o.occurred_on, o.counts_bm5, o.counts_bm6, o.headcount_only)));
    end loop;
    return null;
  end $$;
create trigger ledger_encounters_changed after update on encounters
  referencing old table as old_rows new table as new_rows for each statement execute function ledger_encounters_changed();

create function ledger_attendance_changed() returns trigger
  language plpgsql
  as $$
  declare
    t uuid;
  begin
    if tg_op in ('INSERT', 'UPDATE') then
      for t in select distinct n.tenant_id from new_rows n loop
        perform ledger_refresh_pupils(t, array(select distinct n.pupil_id from new_rows n where n.tenant_id = t));
      end loop;
    end if;
    if tg_op in ('DELETE', 'UPDATE') then
      for t in select distinct o.tenant_id from old_rows o loop
        perform ledger_refresh_pupils(t, array(select distinct o.pupil_id from old_rows o where o.tenant_id = t));
      end loop;
    end if;
    return null;
  end $$;
create trigger ledger_attendance_inserted after insert on encounter_attendance
  referencing new table as new_rows for each statement execute function ledger_attendance_changed();
create trigger ledger_attendance_updated after update on encounter_attendance
  referencing old table as old_rows new table as new_rows for each statement execute function ledger_attendance_changed();
create trigger ledger_attendance_deleted after delete on encounter_attendance
  referencing old table as old_rows for each statement execute function ledger_attendance_changed();

create function ledger_pupils_changed() returns trigger
  language plpgsql
  as $$
  declare
    t uuid;
    r record;
    v_this_year integer := ledger_academic_year(ledger_london_today());
  begin
    if tg_op = 'INSERT' then
      insert into ledger_pupils (tenant_id, pupil_id, school_id, entry_year, on_roll_from, on_roll_to, priority_rank, reference)
      select n.tenant_id, n.id, n.school_id,
             case when n.date_of_birth is not null then ledger_academic_year(n.date_of_birth) + 12 else v_this_year - (n.year_group - 7) end,
             n.on_roll_from, n.on_roll_to, ledger_priority_rank(n.disadvantaged, n.send, n.care_experienced, n.roni_score), n.reference
        from new_rows n
       where n.archived_at is null and n.erased_at is null;
      for t in select distinct n.tenant_id from new_rows n loop
        perform ledger_refresh_pupils(t, array(select n.id from new_rows n where n.tenant_id = t));
      end loop;
      return null;
    end if;

    -- UPDATE: only pupils whose ledger-relevant fields changed.
    with c as (
      select n.tenant_id, n.id, n.archived_at is null and n.erased_at is null as keep,
             case when n.date_of_birth is not null then ledger_academic_year(n.date_of_birth) + 12
                  when n.year_group is not distinct from o.year_group and lp.entry_year is not null then lp.entry_year
                  else v_this_year - (n.year_group - 7) end as entry_year,
             n.school_id, n.on_roll_from, n.on_roll_to, ledger_priority_rank(n.disadvantaged, n.send, n.care_experienced, n.roni_score) as priority_rank, n.reference
        from new_rows n
        join old_rows o on o.id = n.id
        left join ledger_pupils lp on lp.tenant_id = n.tenant_id and lp.pupil_id = n.id
       where (n.school_id, n.date_of_birth, n.year_group, n.on_roll_from, n.on_roll_to, n.archived_at, n.erased_at,
              n.disadvantaged, n.send, n.care_experienced, n.roni_score, n.reference)
             is distinct from
             (o.school_id, o.date_of_birth, o.year_group, o.on_roll_from, o.on_roll_to, o.archived_at, o.erased_at,
              o.disadvantaged, o.send, o.care_experienced, o.roni_score, o.reference)),
    gone as (
      delete from ledger_pupils lp using c where not c.keep and lp.tenant_id = c.tenant_id and lp.pupil_id = c.id returning 1)
    insert into ledger_pupils as lp (tenant_id, pupil_id, school_id, entry_year, on_roll_from, on_roll_to, priority_rank, reference)
    select c.tenant_id, c.id, c.school_id, c.entry_year, c.on_roll_from, c.on_roll_to, c.priority_rank, c.reference
      from c where c.keep
    on conflict (tenant_id, pupil_id) do update set
      school_id = excluded.school_id, entry_year = excluded.entry_year, on_roll_from = excluded.on_roll_from,
      on_roll_to = excluded.on_roll_to, priority_rank = excluded.priority_rank, reference = excluded.reference;
    for r in
      select n.tenant_id, array_agg(n.id) as pupils
        from new_rows n join old_rows o on o.id = n.id
       where (n.school_id, n.date_of_birth, n.year_group, n.on_roll_from, n.on_roll_to, n.archived_at, n.erased_at,
              n.disadvantaged, n.send, n.care_experienced, n.roni_score, n.reference)
             is distinct from
             (o.school_id, o.date_of_birth, o.year_group, o.on_roll_from, o.on_roll_to, o.archived_at, o.erased_at,
              o.disadvantaged, o.send, o.care_experienced, o.roni_score, o.reference)
       group by n.tenant_id
    loop
      perform ledger_refresh_pupils(r.tenant_id, r.pupils);
    end loop;
    return null;
  end $$;
create trigger ledger_pupils_inserted after insert on pupils
  referencing new table as new_rows for each statement execute function ledger_pupils_changed();
create trigger ledger_pupils_updated after update on pupils
  referencing old table as old_rows new table as new_rows for each statement execute function ledger_pupils_changed();

-- A pupil leaving the ledger (archived, erased, deleted) takes its derived rows along.
create function ledger_pupils_removed() returns trigger
  language plpgsql
  as $$
  begin
    delete from ledger_pupil_years y using old_rows o where y.tenant_id = o.tenant_id and y.pupil_id = o.pupil_id;
    return null;
  end $$;
create trigger ledger_pupils_removed after delete on ledger_pupils
  referencing old table as old_rows for each statement execute function ledger_pupils_removed();

create function ledger_schools_changed() returns trigger
  language plpgsql
  as $$
  declare
    r record;
  begin
    for r in
      select n.tenant_id, array_agg(lp.pupil_id) as pupils
        from new_rows n join old_rows o on o.id = n.id
        join ledger_pupils lp on lp.tenant_id = n.tenant_id and lp.school_id = n.id
       where (n.lowest_year_group, n.highest_year_group) is distinct from (o.lowest_year_group, o.highest_year_group)
       group by n.tenant_id
    loop
      perform ledger_refresh_pupils(r.tenant_id, r.pupils);
    end loop;
    return null;
  end $$;
create trigger ledger_schools_changed after update on schools
  referencing old table as old_rows new table as new_rows for each statement execute function ledger_schools_changed();

create function ledger_settings_changed() returns trigger
  language plpgsql
  as $$
  begin
    if tg_op = 'INSERT' or new.policy_id is distinct from old.policy_id then
      perform ledger_rebuild(new.tenant_id);
    end if;
    return null;
  end $$;
create trigger ledger_settings_changed after insert or update on ledger_settings for each row execute function ledger_settings_changed();

-- ledger_pupil_years row changes → +/- on ledger_school_counts (zero rows removed).
create function ledger_counts_changed() returns trigger
  language plpgsql
  set jit = off
  as $$
  declare
    v_rows text := 'tenant_id, academic_year, school_id, year_group, benchmark, met, priority_rank';
    v_delta text;
  begin
    -- The transition tables that exist depend on the event; the delta is +1 per new row, -1 per old.
    v_delta := case tg_op
      when 'INSERT' then format('select %s, 1 as sign from new_rows', v_rows)
      when 'DELETE' then format('select %s, -1 as sign from old_rows', v_rows)
      else format('select %s, 1 as sign from new_rows union all select %s, -1 from old_rows', v_rows, v_rows) end;
    execute format($q$
      with d as (%s)
      insert into ledger_school_counts as c (tenant_id, academic_year, school_id, year_group, benchmark,
                                             pupils, met, priority_pupils, priority_met, disadvantaged_pupils, disadvantaged_met)
      select d.tenant_id, d.academic_year, d.school_id, d.year_group, d.benchmark,
             sum(d.sign), coalesce(sum(d.sign) filter (where d.met), 0),
             coalesce(sum(d.sign) filter (where d.priority_rank > 0), 0), coalesce(sum(d.sign) filter (where d.priority_rank > 0 and d.met), 0),
             coalesce(sum(d.sign) filter (where d.priority_rank >= 8), 0), coalesce(sum(d.sign) filter (where d.priority_rank >= 8 and d.met), 0)
        from d
       group by d.tenant_id, d.academic_year, d.school_id, d.year_group, d.benchmark
       order by d.tenant_id, d.academic_year, d.school_id, d.year_group, d.benchmark
      on conflict (tenant_id, academic_year, school_id, year_group, benchmark) do update set
        pupils = c.pupils + excluded.pupils,
        met = c.met + excluded.met,
        priority_pupils = c.priority_pupils + excluded.priority_pupils,
        priority_met = c.priority_met + excluded.priority_met,
        disadvantaged_pupils = c.disadvantaged_pupils + excluded.disadvantaged_pupils,
        disadvantaged_met = c.disadvantaged_met + excluded.disadvantaged_met$q$, v_delta);
    execute format($q$
      with d as (%s)
      delete from ledger_school_counts c
       using (select distinct d.tenant_id, d.academic_year, d.school_id, d.year_group, d.benchmark from d) k
       where c.tenant_id = k.tenant_id and c.academic_year = k.academic_year and c.school_id = k.school_id
         and c.year_group = k.year_group and c.benchmark = k.benchmark and c.pupils = 0$q$, v_delta);
    return null;
  end $$;
create trigger ledger_counts_inserted after insert on ledger_pupil_years
  referencing new table as new_rows for each statement execute function ledger_counts_changed();
create trigger ledger_counts_updated after update on ledger_pupil_years
  referencing old table as old_rows new table as new_rows for each statement execute function ledger_counts_changed();
create trigger ledger_counts_deleted after delete on ledger_pupil_years
  referencing old table as old_rows for each statement execute function ledger_counts_changed();

grant execute on function ledger_academic_year(date), ledger_london_today(), ledger_priority_rank(boolean, boolean, boolean, smallint),
  ledger_policy_id(uuid), ledger_policy_rules(uuid), ledger_policy_windows(uuid), ledger_encounter_counts(uuid, integer, text, text, text[]),
  ledger_year_span(integer, integer), ledger_desired_years(uuid, uuid, uuid[]), ledger_recompute(uuid, uuid[]), ledger_refresh_pupils(uuid, uuid[]),
  ledger_sync_pupils(uuid), ledger_rebuild(uuid) to tandem_app;
`;

const SQL_DOWN = `
drop trigger if exists ledger_pupils_inserted on pupils;
drop trigger if exists ledger_pupils_updated on pupils;
drop trigger if exists ledger_schools_changed on schools;
drop table if exists coverage_snapshot_pupils, coverage_snapshot_counts, coverage_snapshots, ledger_school_counts, ledger_pupil_years,
  ledger_pupils, encounter_attendance, encounter_employers, encounters, ledger_settings, benchmark_policies;
drop function if exists ledger_counts_changed(), ledger_settings_changed(), ledger_schools_changed(), ledger_pupils_removed(), ledger_pupils_changed(),
  ledger_attendance_changed(), ledger_encounters_changed(), ledger_encounter_flags(), ledger_rebuild(uuid), ledger_sync_pupils(uuid),
  ledger_refresh_pupils(uuid, uuid[]), ledger_recompute(uuid, uuid[]), ledger_desired_years(uuid, uuid, uuid[]), ledger_year_span(integer, integer),
  ledger_encounter_counts(uuid, integer, text, text, text[]), ledger_policy_windows(uuid), ledger_policy_rules(uuid), ledger_policy_id(uuid),
  ledger_priority_rank(boolean, boolean, boolean, smallint), ledger_london_today(), ledger_academic_year(date);
alter table pupils drop constraint if exists pupils_tenant_school_id_key;
`;
