/**
 * The one place that names queues, their job payloads and how job ids are derived.
 *
 * Rules (see docs/CONVENTIONS.md, "Jobs and mail"):
 * - payloads carry ids only; the worker reloads state from PostgreSQL;
 * - the BullMQ jobId is derived from the domain, so enqueueing the same thing twice is a no-op
 *   while the first job is still known to Redis (waiting, active, delayed, or kept after completion
 *   for `removeOnComplete.age`);
 * - attempts and backoff are explicit.
 *
 * Job id separator: BullMQ 6 rejects custom ids that contain ':' (unless they have exactly three
 * ':'-separated parts, a legacy repeatable-job form it then treats specially), ids that parse as an
 * integer, and '0'. UUIDs contain '-', so we join parts with '.', which no UUID, slug or kind uses:
 * `import.<importJobId>`, `mail.invitation.<invitationId>`.
 */
import type { DefaultJobOptions } from 'bullmq';

export const QUEUE_NAMES = {
  imports: 'imports',
  mail: 'mail',
  nudges: 'nudges',
  ledger: 'ledger',
  matching: 'matching',
  maintenance: 'maintenance',
} as const;

export type QueueName = (typeof QUEUE_NAMES)[keyof typeof QUEUE_NAMES];
export const ALL_QUEUE_NAMES: readonly QueueName[] = Object.values(QUEUE_NAMES);
/** Queues whose jobs belong to one hub (everything but system-wide maintenance): what the outbox carries. */
export type TenantQueueName = Exclude<QueueName, 'maintenance'>;

/** `imports` queue: run one CSV/MIS import (the worker reloads the import job row). */
export interface ImportJobPayload {
  tenantId: string;
  importJobId: string;
}

/**
 * `mail` queue: one email of one kind about one domain record. Platform knows no kinds: each feature
 * that sends email declares its own by augmenting this interface, kind → the ids its payload carries
 * besides `tenantId` and `kind`:
 *
 *     declare module '@tandem/platform' { interface MailKinds { invitation: { invitationId: string } } }
 *
 * The feature then supplies one composer per kind it declares (the worker's composer table does not
 * compile until every declared kind has one).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-interface, @typescript-eslint/no-empty-object-type -- filled by declaration merging in the features
export interface MailKinds {}

export type MailJobKind = keyof MailKinds & string;
/** One union member per kind (distributive), so `Extract<MailJobPayload, { kind: K }>` finds each. */
export type MailJobPayload = { [K in MailJobKind]: { tenantId: string; kind: K } & MailKinds[K] }[MailJobKind];

/** `nudges` queue: a hub's daily scan for nudges (unanswered requests, vetting, termly check-ins). */
export interface NudgeScanPayload {
  tenantId: string;
}

/** `ledger` queue: a hub's daily check for reporting-day coverage snapshots (31 Dec, 31 Mar, 31 Jul) not yet taken. */
export interface LedgerSnapshotPayload {
  tenantId: string;
}

/** `matching` queue: one matching run (the worker reloads the run row and its scope). */
export interface MatchingRunPayload {
  tenantId: string;
  runId: string;
}

/** `maintenance` queue: a system-wide chore (not per hub), e.g. the daily retention purge. */
export interface MaintenancePayload {
  task: 'retention';
}

/** Queue name → its payload type. */
export interface QueuePayloads {
  imports: ImportJobPayload;
  mail: MailJobPayload;
  nudges: NudgeScanPayload;
  ledger: LedgerSnapshotPayload;
  matching: MatchingRunPayload;
  maintenance: MaintenancePayload;
}

/** Queue name → the BullMQ job *name* used for its jobs (one job name per queue keeps processors simple). */
export const JOB_NAMES: { readonly [Q in QueueName]: string } = {
  imports: 'import',
  mail: 'mail',
  nudges: 'nudge-scan',
  ledger: 'reporting-snapshots',
  matching: 'matching-run',
  maintenance: 'maintenance',
};

export const JOB_ID_SEPARATOR = '.';

/** Joins domain parts into a BullMQ-safe job id; refuses parts that would make it ambiguous or invalid. */
export function jobIdFrom(...parts: string[]): string {
  if (parts.length === 0) throw new Error('jobIdFrom needs at least one part');
  for (const part of parts) {
    if (typeof part !== 'string' || part.length === 0) throw new Error('job id part must be a non-empty string');
    if (part.includes(':') || part.includes(JOB_ID_SEPARATOR) || /\s/.test(part)) {
      throw new Error(`job id part must not contain ':', '${JOB_ID_SEPARATOR}' or spaces (got "${part}")`);
    }
  }
  const id = parts.join(JOB_ID_SEPARATOR);
  // A lone integer-looking id is rejected by BullMQ (it would clash with its own counters).
  if (`${parseInt(id, 10)}` === id) throw new Error(`job id must not be an integer (got "${id}")`);
  return id;
}

/**
 * The ids of a mail job: its payload's fields besides tenantId and kind, by name (so the id does not
 * depend on how the payload was built or stored: jsonb reorders keys), strings as they are, numbers
 * after the first letter of their name: `{ bookingId, version: 3, daysBefore: 7 }` → `<bookingId>.d7.v3`,
 * so a changed version or reminder day is a new job.
 */
function mailIds(p: MailJobPayload): string[] {
  return Object.entries(p as unknown as Record<string, string | number>)
    .filter(([key]) => key !== 'tenantId' && key !== 'kind')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, value]) => (typeof value === 'number' ? `${key[0]}${value}` : value));
}

/** Domain-derived job ids, one helper per queue. */
export const jobIdFor: { readonly [Q in QueueName]: (payload: QueuePayloads[Q]) => string } = {
  imports: (p) => jobIdFrom('import', p.importJobId),
  mail: (p) => jobIdFrom('mail', p.kind, ...mailIds(p)),
  // Also the id of the hub's one job scheduler: however many workers upsert it, there is one.
  nudges: (p) => jobIdFrom('nudges', p.tenantId),
  // Also the id of the hub's one snapshot scheduler.
  ledger: (p) => jobIdFrom('ledger', 'snapshots', p.tenantId),
  matching: (p) => jobIdFrom('matching', p.runId),
  // Also the id of the task's one job scheduler for the whole system.
  maintenance: (p) => jobIdFrom('maintenance', p.task),
};

const DAY_SECONDS = 24 * 60 * 60;

/**
 * Defaults for every queue: 5 attempts with exponential backoff from 5 s (5, 10, 20, 40 s), completed
 * jobs kept 7 days (which is also how long a duplicate jobId is ignored), failed jobs kept 30 days
 * for inspection.
 */
export const DEFAULT_JOB_OPTIONS: DefaultJobOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 5_000 },
  removeOnComplete: { age: 7 * DAY_SECONDS, count: 10_000 },
  removeOnFail: { age: 30 * DAY_SECONDS },
};

/** Per-queue job options (merged over the defaults when the queue is registered). */
export const QUEUE_JOB_OPTIONS: { readonly [Q in QueueName]: DefaultJobOptions } = {
  // An import is a user-visible operation: retry transient failures a few times, not for long.
  imports: { ...DEFAULT_JOB_OPTIONS, attempts: 3, backoff: { type: 'exponential', delay: 10_000 } },
  // Mail servers go away for minutes: 8 attempts from 30 s cover about two hours (30 s · 2^7 ≈ 64 min).
  mail: { ...DEFAULT_JOB_OPTIONS, attempts: 8, backoff: { type: 'exponential', delay: 30_000 } },
  // A daily scan: retry a few times within the hour; tomorrow's scan catches up on anything missed.
  nudges: {
    ...DEFAULT_JOB_OPTIONS,
    attempts: 4,
    backoff: { type: 'exponential', delay: 60_000 },
    removeOnComplete: { age: 7 * DAY_SECONDS, count: 1_000 },
  },
  // A daily, idempotent check: a few retries within the hour; tomorrow's run takes anything still missing.
  ledger: {
    ...DEFAULT_JOB_OPTIONS,
    attempts: 4,
    backoff: { type: 'exponential', delay: 60_000 },
    removeOnComplete: { age: 7 * DAY_SECONDS, count: 1_000 },
  },
  // A coordinator is watching the progress bar: retry a fault twice, quickly, then say it failed.
  matching: { ...DEFAULT_JOB_OPTIONS, attempts: 3, backoff: { type: 'exponential', delay: 2_000 } },
  // A daily, idempotent purge: a few retries within the hour; tomorrow's run deletes what is left.
  maintenance: {
    ...DEFAULT_JOB_OPTIONS,
    attempts: 4,
    backoff: { type: 'exponential', delay: 60_000 },
    removeOnComplete: { age: 30 * DAY_SECONDS, count: 100 },
  },
};
