import { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantRlsSql, updatedAtTriggerSql } from './sql-helpers';

/**
 * Matching runs and what they propose:
 *
 * - `matching_runs`: one run of the solver over a scope (a cluster, or the whole hub when
 *   `cluster_id` is null), who asked for it, its progress while the worker runs it, the weights it
 *   used, and its outcome: the objective, the proven bound, the relative gap and whether it is
 *   optimal, or a plain-words error. At most one queued or running run per scope (partial unique
 *   index).
 * - `matching_proposals`: one proposed booking (a request meeting an offer session) with its worth,
 *   the structured reasons (code, params, text) and its fate: proposed → accepted (the booking it
 *   became) / rejected, or superseded by a later run over the same requests.
 * - `matching_unmatched_requests`: the requests a run left out, with what stopped each of them.
 */
export class Matching1760000010000 implements MigrationInterface {
  name = 'Matching1760000010000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(SQL_UP);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table if exists matching_unmatched_requests, matching_proposals, matching_runs;`);
  }
}

export const MATCHING_TENANT_TABLES = ['matching_runs', 'matching_proposals', 'matching_unmatched_requests'] as const;

const tenantCol = `tenant_id uuid not null references tenants (id)`;
const timestamps = `
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()`;
/** A stored list of reasons: [{code, params, text}, …]. */
const reasonsCol = `reasons jsonb not null check (jsonb_typeof(reasons) = 'array')`;

const SQL_UP = `
create table matching_runs (
  id uuid primary key default gen_random_uuid(),
  ${tenantCol},
  cluster_id uuid null,
  requested_by_user_id uuid null references users (id),
  status text not null default 'queued' check (status in ('queued','running','succeeded','failed')),
  phase text not null default 'queued' check (phase in ('queued','loading','solving','saving','done')),
  progress smallint not null default 0 check (progress between 0 and 100),
  weights jsonb not null check (jsonb_typeof(weights) = 'object'),
  max_work bigint not null check (max_work >= 0),
  max_branch_nodes integer not null check (max_branch_nodes >= 0),
  objective bigint null,
  bound bigint null,
  relative_gap double precision null check (relative_gap is null or relative_gap >= 0),
  optimal boolean null,
  requests_considered integer null check (requests_considered is null or requests_considered >= 0),
  sessions_considered integer null check (sessions_considered is null or sessions_considered >= 0),
  candidate_pairs integer null check (candidate_pairs is null or candidate_pairs >= 0),
  proposal_count integer null check (proposal_count is null or proposal_count >= 0),
  unmatched_count integer null check (unmatched_count is null or unmatched_count >= 0),
  pupils_covered integer null check (pupils_covered is null or pupils_covered >= 0),
  gap_pupils_covered integer null check (gap_pupils_covered is null or gap_pupils_covered >= 0),
  load_ms integer null check (load_ms is null or load_ms >= 0),
  solve_ms integer null check (solve_ms is null or solve_ms >= 0),
  error_code text null check (error_code is null or length(error_code) between 1 and 64),
  error_message text null check (error_message is null or length(error_message) between 1 and 2000),
  started_at timestamptz null,
  finished_at timestamptz null,${timestamps},
  constraint matching_runs_tenant_id_id_key unique (tenant_id, id),
  constraint matching_runs_cluster_fk foreign key (tenant_id, cluster_id) references clusters (tenant_id, id),
  constraint matching_runs_finished_check check ((status in ('succeeded','failed')) = (finished_at is not null)),
  constraint matching_runs_failed_check check ((status = 'failed') = (error_message is not null)),
  constraint matching_runs_outcome_check check (
    (status = 'succeeded') = (objective is not null and bound is not null and relative_gap is not null and optimal is not null))
);
-- One queued or running run per scope (the hub is the scope with no cluster).
create unique index matching_runs_active_scope_key on matching_runs (tenant_id, coalesce(cluster_id, '00000000-0000-0000-0000-000000000000'::uuid))
  where status in ('queued','running');
create index matching_runs_created_idx on matching_runs (tenant_id, created_at, id);
create index matching_runs_cluster_created_idx on matching_runs (tenant_id, cluster_id, created_at, id);
create index matching_runs_requested_by_idx on matching_runs (requested_by_user_id) where requested_by_user_id is not null;

create table matching_proposals (
  id uuid primary key default gen_random_uuid(),
  ${tenantCol},
  run_id uuid not null,
  request_id uuid not null,
  offer_session_id uuid not null,
  offer_id uuid not null,
  school_id uuid not null,
  employer_id uuid not null,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  benchmark smallint not null check (benchmark in (5, 6)),
  pupils integer not null check (pupils > 0),
  gap_pupils_closed integer not null check (gap_pupils_closed between 0 and pupils),
  distance_km numeric(7,1) null check (distance_km is null or distance_km >= 0),
  points integer not null,
  employer_month_remaining integer null check (employer_month_remaining is null or employer_month_remaining >= 0),
  offer_sessions_remaining integer not null check (offer_sessions_remaining >= 0),
  ${reasonsCol},
  summary text not null check (length(summary) between 1 and 4000),
  status text not null default 'proposed' check (status in ('proposed','accepted','rejected','superseded')),
  booking_id uuid null,
  decided_by_user_id uuid null references users (id),
  decided_at timestamptz null,${timestamps},
  constraint matching_proposals_tenant_id_id_key unique (tenant_id, id),
  constraint matching_proposals_run_request_key unique (tenant_id, run_id, request_id),
  constraint matching_proposals_run_session_key unique (tenant_id, run_id, offer_session_id),
  constraint matching_proposals_times_check check (ends_at > starts_at),
  constraint matching_proposals_booking_check check ((status = 'accepted') = (booking_id is not null)),
  constraint matching_proposals_decided_check check ((status in ('accepted','rejected')) = (decided_at is not null)),
  constraint matching_proposals_run_fk foreign key (tenant_id, run_id) references matching_runs (tenant_id, id),
  constraint matching_proposals_request_fk foreign key (tenant_id, request_id) references requests (tenant_id, id),
  constraint matching_proposals_session_fk foreign key (tenant_id, offer_session_id) references offer_sessions (tenant_id, id),
  constraint matching_proposals_offer_fk foreign key (tenant_id, offer_id) references offers (tenant_id, id),
  constraint matching_proposals_school_fk foreign key (tenant_id, school_id) references schools (tenant_id, id),
  constraint matching_proposals_employer_fk foreign key (tenant_id, employer_id) references employers (tenant_id, id),
  constraint matching_proposals_booking_fk foreign key (tenant_id, booking_id) references bookings (tenant_id, id)
);
create index matching_proposals_run_status_idx on matching_proposals (tenant_id, run_id, status);
create index matching_proposals_request_status_idx on matching_proposals (tenant_id, request_id, status);
create index matching_proposals_session_idx on matching_proposals (tenant_id, offer_session_id);
create index matching_proposals_offer_idx on matching_proposals (tenant_id, offer_id);
create index matching_proposals_school_idx on matching_proposals (tenant_id, school_id);
create index matching_proposals_employer_idx on matching_proposals (tenant_id, employer_id);
create index matching_proposals_booking_idx on matching_proposals (tenant_id, booking_id) where booking_id is not null;
create index matching_proposals_decided_by_idx on matching_proposals (decided_by_user_id) where decided_by_user_id is not null;

create table matching_unmatched_requests (
  id uuid primary key default gen_random_uuid(),
  ${tenantCol},
  run_id uuid not null,
  request_id uuid not null,
  school_id uuid not null,
  ${reasonsCol},
  summary text not null check (length(summary) between 1 and 4000),${timestamps},
  constraint matching_unmatched_requests_tenant_id_id_key unique (tenant_id, id),
  constraint matching_unmatched_requests_run_request_key unique (tenant_id, run_id, request_id),
  constraint matching_unmatched_requests_run_fk foreign key (tenant_id, run_id) references matching_runs (tenant_id, id),
  constraint matching_unmatched_requests_request_fk foreign key (tenant_id, request_id) references requests (tenant_id, id),
  constraint matching_unmatched_requests_school_fk foreign key (tenant_id, school_id) references schools (tenant_id, id)
);
create index matching_unmatched_requests_request_idx on matching_unmatched_requests (tenant_id, request_id);
create index matching_unmatched_requests_school_idx on matching_unmatched_requests (tenant_id, school_id);

${MATCHING_TENANT_TABLES.map(updatedAtTriggerSql).join('\n')}
${MATCHING_TENANT_TABLES.map(tenantRlsSql).join('\n')}
`;
