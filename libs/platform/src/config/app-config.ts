/**
 * The one validated configuration object. Built from the environment once at start-up; every
 * invalid value is reported together, each naming its variable. Secrets are flagged so that
 * `describe()` (what we log at start-up) never prints them.
 */

export const QUEUE_BACKENDS = ['redis', 'postgres'] as const;
export type QueueBackend = (typeof QUEUE_BACKENDS)[number];

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'verbose'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** OTEL_TRACES_EXPORTER: tracing is off unless this names an exporter (see docs/operations.md). */
export const TRACES_EXPORTERS = ['none', 'console', 'otlp'] as const;
export type TracesExporter = (typeof TRACES_EXPORTERS)[number];

import { parseKeyRing, type KeyRing } from './key-ring';
import { keyProblem, urlPasswordProblem } from './secrets';

/**
 * Used only outside production when the variables are unset (`npm run dev` writes per-machine keys
 * into .tandem/ instead); production refuses them like every committed value (see secrets.ts).
 */
export const DEV_ACCESS_TOKEN_KEYS = 'dev:dev-access-9f4c2b7e1d8a6f3c5b0e2d4a7c9f1b3e';
export const DEV_LINK_KEYS = 'dev:dev-links-3e7a1c9f5b2d8e4a6c0f7b1d3e9a5c2f';

/** The variables that hold key rings or URLs with passwords: every place a secret can be given. */
export const SECRET_KEY_VARIABLES = ['ACCESS_TOKEN_KEYS', 'LINK_KEYS'] as const;
export const SECRET_URL_VARIABLES = ['DATABASE_URL', 'DATABASE_OWNER_URL', 'REDIS_URL', 'SMTP_URL'] as const;

/**
 * What the daily purge deletes, how long each is kept by default, the variable that changes it and
 * the least it may be (the same floors as `purge_expired_rows` in the database).
 */
export const RETENTION_DEFAULTS = {
  // Relayed outbox rows: the send log is the record of what went out.
  outbox: { variable: 'RETENTION_OUTBOX_DAYS', days: 30, min: 1 },
  // Over a school year: a termly or yearly email re-queued after its outbox row is gone is not sent twice.
  sent_emails: { variable: 'RETENTION_SENT_EMAILS_DAYS', days: 400, min: 366 },
  // Counted from when a session ended (log-out, revocation) or expired.
  auth_sessions: { variable: 'RETENTION_SESSIONS_DAYS', days: 30, min: 1 },
  auth_throttle: { variable: 'RETENTION_THROTTLE_DAYS', days: 2, min: 1 },
  password_resets: { variable: 'RETENTION_PASSWORD_RESETS_DAYS', days: 30, min: 1 },
  // Who read or changed pupil data: long by default (the hub, as data controller, may choose longer).
  audit_log: { variable: 'RETENTION_AUDIT_DAYS', days: 2_557, min: 365 },
} as const;
export type RetentionKind = keyof typeof RETENTION_DEFAULTS;
export type RetentionPeriods = { [K in RetentionKind]: number };

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

interface Reader {
  env: Env;
  problems: string[];
  secrets: Set<string>;
}

function raw(r: Reader, name: string, fallback: string): string {
  const v = r.env[name];
  return v === undefined || v.trim() === '' ? fallback : v.trim();
}

function url(r: Reader, name: string, fallback: string, protocols: readonly string[], secret = false): string {
  const value = raw(r, name, fallback);
  if (secret) r.secrets.add(name);
  try {
    const parsed = new URL(value);
    if (!protocols.includes(parsed.protocol.replace(/:$/, ''))) {
      r.problems.push(`${name} must be a ${protocols.join(' or ')} URL (got protocol "${parsed.protocol}")`);
    }
  } catch {
    r.problems.push(`${name} must be a URL like ${fallback.replace(/\/\/[^@/]*@/, '//user:password@')} (got "${secret ? '***' : value}")`);
  }
  return value;
}

function int(r: Reader, name: string, fallback: number, min: number, max: number): number {
  const value = raw(r, name, String(fallback));
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    r.problems.push(`${name} must be a whole number from ${min} to ${max} (got "${value}")`);
    return fallback;
  }
  return Number(value);
}

function oneOf<T extends string>(r: Reader, name: string, fallback: T, allowed: readonly T[]): T {
  const value = raw(r, name, fallback).toLowerCase();
  if (!(allowed as readonly string[]).includes(value)) {
    r.problems.push(`${name} must be one of ${allowed.join(', ')} (got "${value}")`);
    return fallback;
  }
  return value as T;
}

function trustProxy(r: Reader): false | number | string {
  const value = raw(r, 'TRUST_PROXY', 'false').toLowerCase();
  if (value === 'false' || value === '0') return false;
  if (/^\d+$/.test(value) && Number(value) <= 10) return Number(value);
  if (/^[0-9a-f.:/]+(\s*,\s*[0-9a-f.:/]+)*$/.test(value)) return value;
  r.problems.push(`TRUST_PROXY must be false, a hop count up to 10, or proxy addresses/CIDRs separated by commas (got "${value}")`);
  return false;
}

function keyRing(r: Reader, name: string, devDefault: string, production: boolean): KeyRing {
  r.secrets.add(name);
  const value = r.env[name]?.trim();
  if (!value && production) r.problems.push(`${name} must be set in production (id:secret, e.g. k1:$(openssl rand -base64 48))`);
  const { ring, problems } = parseKeyRing(name, value || devDefault);
  r.problems.push(...problems);
  for (const key of ring?.keys ?? []) {
    const problem = production ? keyProblem(key.secret) : key.secret.length < 16 ? 'must be at least 16 characters' : null;
    if (problem) r.problems.push(`${name} key "${key.id}" ${problem}`);
  }
  return ring ?? (parseKeyRing(name, devDefault).ring as KeyRing);
}

/** Production: a password in a connection URL must not be committed, a placeholder or short. */
function refuseWeakUrlPassword(r: Reader, name: string): void {
  const value = r.env[name]?.trim();
  if (!value) return; // the local default is refused elsewhere (issue 15: no localhost in production)
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    return; // reported by url()
  }
  if (!parsed.password) return;
  const problem = urlPasswordProblem(decodeURIComponent(parsed.password), decodeURIComponent(parsed.username));
  if (problem) r.problems.push(`${name} ${problem}`);
}

/** A host name that means "this machine": never right for another machine to reach in production. */
export function isLocalHost(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h.endsWith('.localhost') || /^127\./.test(h) || h === '::1' || h === '0.0.0.0' || h === '';
}

/**
 * Production (issue 15, finding 7): each address must be given, and not be this machine (the
 * defaults are localhost: emails would carry http://localhost links, pods would look for PostgreSQL
 * in themselves). One problem per setting, each naming it.
 */
function refuseLocalInProduction(r: Reader, names: readonly string[]): void {
  for (const name of names) {
    const value = r.env[name]?.trim();
    if (!value) {
      r.problems.push(`${name} must be set in production (its default points at this machine)`);
      continue;
    }
    try {
      const host = new URL(value).hostname;
      if (isLocalHost(host)) r.problems.push(`${name} must not point at this machine in production (got host "${host}")`);
    } catch {
      // reported by url()
    }
  }
}

/** An ISO 8601 instant with its offset, or null when unset. */
function instant(r: Reader, name: string): Date | null {
  const value = raw(r, name, '');
  if (!value) return null;
  const ms = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value) || Number.isNaN(ms)) {
    r.problems.push(`${name} must be an instant like 2026-11-17T10:00:00Z (got "${value}")`);
    return null;
  }
  return new Date(ms);
}

/** Masks the password part of a URL: postgres://user:***@host/db. */
export function maskUrlCredentials(value: string): string {
  try {
    const u = new URL(value);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '***';
  }
}

export class AppConfig {
  readonly nodeEnv: string;
  readonly isProduction: boolean;
  /**
   * The app role's URL (RLS applies). The owner's (`DATABASE_OWNER_URL`, BYPASSRLS) is not read here:
   * only the migrate CLI takes it, so API and worker pods never hold it (issue 15, finding 8).
   */
  readonly databaseUrl: string;
  readonly redisUrl: string;
  readonly queueBackend: QueueBackend;
  readonly smtpUrl: string;
  readonly mailFrom: string;
  /** Optional: where a retry asks whether a Message-ID was already committed (MailDeliveryCheck). */
  readonly mailDeliveryCheckUrl: string | null;
  /** Signs and verifies access tokens (JWT `kid` = key id). */
  readonly accessTokenKeys: KeyRing;
  /** Derives the tokens in emailed links (invitations, bookings, preferences, password resets). */
  readonly linkKeys: KeyRing;
  readonly accessTokenTtlSeconds: number;
  readonly refreshTokenTtlDays: number;
  readonly invitationTtlHours: number;
  readonly publicAppUrl: string;
  /** Where the API is reached from outside (links in emails that land on pages the API serves). */
  readonly publicApiUrl: string;
  readonly apiPort: number;
  /** The address the API and the worker's HTTP port listen on: 0.0.0.0 in production, 127.0.0.1 otherwise, unless HOST says. */
  readonly host: string;
  /** BullMQ key prefix (`QUEUE_PREFIX`; BullMQ's `bull` when unset). */
  readonly queuePrefix: string | null;
  /** Schema of BullMQ's tables with `QUEUE_BACKEND=postgres` (`QUEUE_PG_SCHEMA`, default `bullmq`). */
  readonly queuePgSchema: string;
  /** The worker's own HTTP port (probes, metrics); 0 picks a free one (tests). */
  readonly workerHttpPort: number;
  /** `statement_timeout` on the API's and worker's PostgreSQL connections (ms; 0 = none). */
  readonly dbStatementTimeoutMs: number;
  /** `idle_in_transaction_session_timeout` on those connections (ms; 0 = none). */
  readonly dbIdleInTransactionTimeoutMs: number;
  /** How long the API and worker wait at start-up for the schema version their code needs. */
  readonly schemaWaitSeconds: number;
  /**
   * ADMIN_STATIC_DIR: the built admin app (`npm run build` → dist/apps/admin), served by the API at
   * `/` under its own strict CSP; unset (development) the API serves no app (Vite does).
   */
  readonly adminStaticDir: string | null;
  /**
   * BullMQ job lock (renewed every half of it while the job runs): a worker that dies loses its
   * jobs' locks after this long, and they count as stalled at the next stalled check.
   */
  readonly jobLockSeconds: number;
  /** How often a worker looks for stalled jobs (those whose lock expired). */
  readonly jobStalledCheckSeconds: number;
  /** The matching solver thread's heap limit (MB); 0: half the container's memory limit, at most 4096. */
  readonly matchingThreadHeapMb: number;
  /** An import or matching run `running` with no progress for this long, and no live job, is failed by the watchdog. */
  readonly stuckJobMinutes: number;
  /**
   * Which proxies' X-Forwarded-For to believe for the caller's address (per-address throttles):
   * false (the socket's address), a hop count, or a comma-separated list of addresses/CIDRs.
   * Believing every proxy would let any caller name a fresh address on each attempt.
   */
  readonly trustProxy: false | number | string;
  readonly logLevel: LogLevel;
  /** The API's Prometheus `/metrics` port, apart from the public API port (production default 9464; 0: any free port, the default elsewhere). */
  readonly metricsPort: number;
  /** `none` (default): no tracing. `console`: spans as JSON lines on stdout. `otlp`: to an OpenTelemetry collector. */
  readonly tracesExporter: TracesExporter;
  /** Where `otlp` sends spans (OTLP over HTTP), e.g. http://otel-collector:4318/v1/traces. */
  readonly otlpTracesEndpoint: string;
  /**
   * PostgreSQL connections each API / worker process may hold (its pool). Sized against the
   * connection budget in docs/operations.md: through PgBouncer these are client connections.
   */
  readonly apiDatabasePoolSize: number;
  readonly workerDatabasePoolSize: number;
  /**
   * How long rows are kept before the daily purge deletes them, in days (docs/operations.md,
   * "Retention"). The database refuses periods under each kind's floor (purge_expired_rows).
   */
  readonly retention: Readonly<RetentionPeriods>;
  /** Rows deleted per statement (one short transaction each) by the purge. */
  readonly retentionBatchSize: number;
  /**
   * TANDEM_CLOCK_START: run the product's clock from this instant instead of the machine's time
   * (a worker process started by a test shares the test's time). Refused in production.
   */
  readonly clockStart: Date | null;
  /** Env variable names whose values must never be logged. */
  readonly secretNames: ReadonlySet<string>;
  /** The variable each property came from (for describe()). */
  private readonly sources: Readonly<Record<string, string>>;

  /** Throws ConfigError listing every invalid variable. */
  static fromEnv(env: Env = process.env): AppConfig {
    return new AppConfig(env);
  }

  private constructor(env: Env) {
    const r: Reader = { env, problems: [], secrets: new Set() };
    this.nodeEnv = raw(r, 'NODE_ENV', 'development');
    this.isProduction = this.nodeEnv === 'production';
    this.databaseUrl = url(r, 'DATABASE_URL', 'postgres://tandem_app:tandem_app@127.0.0.1:5432/tandem', ['postgres', 'postgresql'], true);
    this.redisUrl = url(r, 'REDIS_URL', 'redis://127.0.0.1:6379', ['redis', 'rediss'], true);
    this.queueBackend = oneOf(r, 'QUEUE_BACKEND', 'redis', QUEUE_BACKENDS);
    this.smtpUrl = url(r, 'SMTP_URL', 'smtp://127.0.0.1:1025', ['smtp', 'smtps'], true);
    this.mailFrom = raw(r, 'MAIL_FROM', 'Tandem <no-reply@tandem.local>');
    this.mailDeliveryCheckUrl = raw(r, 'MAIL_DELIVERY_CHECK_URL', '')
      ? url(r, 'MAIL_DELIVERY_CHECK_URL', '', ['http', 'https'], true)
      : null;
    if (!/^([^<>]*<)?[^\s@<>]+@[^\s@<>]+>?$/.test(this.mailFrom)) {
      r.problems.push(`MAIL_FROM must be an address like "Tandem <no-reply@example.org>" (got "${this.mailFrom}")`);
    }
    this.accessTokenKeys = keyRing(r, 'ACCESS_TOKEN_KEYS', DEV_ACCESS_TOKEN_KEYS, this.isProduction);
    this.linkKeys = keyRing(r, 'LINK_KEYS', DEV_LINK_KEYS, this.isProduction);
    if (this.isProduction) {
      const shared = this.accessTokenKeys.keys.filter((a) => this.linkKeys.keys.some((l) => l.secret === a.secret));
      if (shared.length) r.problems.push('ACCESS_TOKEN_KEYS and LINK_KEYS must not share a key: give each its own');
      for (const name of SECRET_URL_VARIABLES) refuseWeakUrlPassword(r, name);
    }
    this.accessTokenTtlSeconds = int(r, 'ACCESS_TOKEN_TTL_SECONDS', 900, 30, 86_400);
    this.refreshTokenTtlDays = int(r, 'REFRESH_TOKEN_TTL_DAYS', 30, 1, 365);
    this.invitationTtlHours = int(r, 'INVITATION_TTL_HOURS', 72, 1, 24 * 60);
    this.publicAppUrl = url(r, 'PUBLIC_APP_URL', 'http://localhost:5173', ['http', 'https']).replace(/\/+$/, '');
    this.publicApiUrl = url(r, 'PUBLIC_API_URL', 'http://localhost:3000', ['http', 'https']).replace(/\/+$/, '');
    this.apiPort = int(r, 'API_PORT', 3000, 0, 65_535);
    this.host = raw(r, 'HOST', this.isProduction ? '0.0.0.0' : '127.0.0.1');
    if (!/^[0-9a-zA-Z.:_-]{1,253}$/.test(this.host))
      r.problems.push(`HOST must be an address or host name to listen on, like 0.0.0.0 (got "${this.host}")`);
    this.queuePrefix = raw(r, 'QUEUE_PREFIX', '') || null;
    if (this.queuePrefix !== null && !/^[A-Za-z0-9_-]{1,64}$/.test(this.queuePrefix))
      r.problems.push(`QUEUE_PREFIX must be 1 to 64 letters, digits, "_" or "-" (got "${this.queuePrefix}")`);
    this.queuePgSchema = raw(r, 'QUEUE_PG_SCHEMA', 'bullmq');
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(this.queuePgSchema))
      r.problems.push(`QUEUE_PG_SCHEMA must be a lower-case SQL name like bullmq (got "${this.queuePgSchema}")`);
    this.workerHttpPort = int(r, 'WORKER_HTTP_PORT', 3100, 0, 65_535);
    this.schemaWaitSeconds = int(r, 'SCHEMA_WAIT_SECONDS', 300, 0, 3_600);
    this.dbStatementTimeoutMs = int(r, 'DB_STATEMENT_TIMEOUT_MS', 30_000, 0, 3_600_000);
    this.dbIdleInTransactionTimeoutMs = int(r, 'DB_IDLE_IN_TRANSACTION_TIMEOUT_MS', 60_000, 0, 3_600_000);
    this.adminStaticDir = raw(r, 'ADMIN_STATIC_DIR', '') || null;
    this.jobLockSeconds = int(r, 'JOB_LOCK_SECONDS', 30, 1, 600);
    this.jobStalledCheckSeconds = int(r, 'JOB_STALLED_CHECK_SECONDS', 30, 1, 600);
    this.stuckJobMinutes = int(r, 'STUCK_JOB_MINUTES', 15, 1, 24 * 60);
    this.matchingThreadHeapMb = int(r, 'MATCHING_THREAD_HEAP_MB', 0, 0, 16_384);
    if (this.matchingThreadHeapMb > 0 && this.matchingThreadHeapMb < 64)
      r.problems.push(`MATCHING_THREAD_HEAP_MB must be 0 (automatic) or at least 64 (got "${this.matchingThreadHeapMb}")`);
    if (this.isProduction)
      refuseLocalInProduction(r, [
        'DATABASE_URL',
        ...(this.queueBackend === 'redis' ? ['REDIS_URL'] : []),
        'SMTP_URL',
        'PUBLIC_APP_URL',
        'PUBLIC_API_URL',
      ]);
    this.logLevel = oneOf(r, 'LOG_LEVEL', 'info', LOG_LEVELS);
    this.apiDatabasePoolSize = int(r, 'API_DATABASE_POOL_SIZE', 10, 1, 200);
    this.workerDatabasePoolSize = int(r, 'WORKER_DATABASE_POOL_SIZE', 5, 1, 200);
    // Outside production any free port (logged), so API processes side by side never collide.
    this.metricsPort = int(r, 'METRICS_PORT', this.isProduction ? 9464 : 0, 0, 65_535);
    this.tracesExporter = oneOf(r, 'OTEL_TRACES_EXPORTER', 'none', TRACES_EXPORTERS);
    this.otlpTracesEndpoint = url(r, 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', 'http://127.0.0.1:4318/v1/traces', ['http', 'https']);
    if (this.metricsPort !== 0 && this.metricsPort === this.apiPort)
      r.problems.push('METRICS_PORT must differ from API_PORT: /metrics is kept off the public port');
    this.retention = Object.freeze(
      Object.fromEntries(
        (Object.keys(RETENTION_DEFAULTS) as RetentionKind[]).map((kind) => {
          const { variable, days, min } = RETENTION_DEFAULTS[kind];
          return [kind, int(r, variable, days, min, 36_500)];
        }),
      ) as unknown as RetentionPeriods,
    );
    if (this.retention.sent_emails < this.retention.outbox) {
      r.problems.push(
        'RETENTION_SENT_EMAILS_DAYS must be at least RETENTION_OUTBOX_DAYS (the send log stops a re-queued email going out twice)',
      );
    }
    this.retentionBatchSize = int(r, 'RETENTION_BATCH_SIZE', 5_000, 100, 100_000);
    this.trustProxy = trustProxy(r);
    this.clockStart = instant(r, 'TANDEM_CLOCK_START');
    if (this.clockStart && this.isProduction) r.problems.push("TANDEM_CLOCK_START is for tests; production runs on the machine's clock");
    this.secretNames = r.secrets;
    this.sources = {
      NODE_ENV: 'nodeEnv',
      DATABASE_URL: 'databaseUrl',
      REDIS_URL: 'redisUrl',
      QUEUE_BACKEND: 'queueBackend',
      SMTP_URL: 'smtpUrl',
      MAIL_FROM: 'mailFrom',
      MAIL_DELIVERY_CHECK_URL: 'mailDeliveryCheckUrl',
      ACCESS_TOKEN_KEYS: 'accessTokenKeys',
      LINK_KEYS: 'linkKeys',
      ACCESS_TOKEN_TTL_SECONDS: 'accessTokenTtlSeconds',
      REFRESH_TOKEN_TTL_DAYS: 'refreshTokenTtlDays',
      INVITATION_TTL_HOURS: 'invitationTtlHours',
      PUBLIC_APP_URL: 'publicAppUrl',
      PUBLIC_API_URL: 'publicApiUrl',
      API_PORT: 'apiPort',
      HOST: 'host',
      QUEUE_PREFIX: 'queuePrefix',
      QUEUE_PG_SCHEMA: 'queuePgSchema',
      WORKER_HTTP_PORT: 'workerHttpPort',
      SCHEMA_WAIT_SECONDS: 'schemaWaitSeconds',
      DB_STATEMENT_TIMEOUT_MS: 'dbStatementTimeoutMs',
      DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: 'dbIdleInTransactionTimeoutMs',
      ADMIN_STATIC_DIR: 'adminStaticDir',
      JOB_LOCK_SECONDS: 'jobLockSeconds',
      JOB_STALLED_CHECK_SECONDS: 'jobStalledCheckSeconds',
      STUCK_JOB_MINUTES: 'stuckJobMinutes',
      MATCHING_THREAD_HEAP_MB: 'matchingThreadHeapMb',
      LOG_LEVEL: 'logLevel',
      API_DATABASE_POOL_SIZE: 'apiDatabasePoolSize',
      WORKER_DATABASE_POOL_SIZE: 'workerDatabasePoolSize',
      METRICS_PORT: 'metricsPort',
      OTEL_TRACES_EXPORTER: 'tracesExporter',
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'otlpTracesEndpoint',
      RETENTION_BATCH_SIZE: 'retentionBatchSize',
      ...Object.fromEntries(
        (Object.keys(RETENTION_DEFAULTS) as RetentionKind[]).map((kind) => [RETENTION_DEFAULTS[kind].variable, `retention.${kind}`]),
      ),
      TRUST_PROXY: 'trustProxy',
      TANDEM_CLOCK_START: 'clockStart',
    };
    if (r.problems.length) throw new ConfigError(r.problems);
    Object.freeze(this);
  }

  /** Every setting by variable name, safe to log: secrets masked (URLs keep all but the password). */
  describe(): Record<string, string | number | boolean> {
    const out: Record<string, string | number | boolean> = {};
    for (const [name, prop] of Object.entries(this.sources)) {
      // `retention.outbox` → this.retention.outbox
      const value = prop.split('.').reduce<unknown>((o, key) => (o as Record<string, unknown>)[key], this) as
        string | number | boolean | KeyRing;
      if (value !== null && typeof value === 'object' && 'keys' in value)
        out[name] = `key ids ${value.keys.map((k) => k.id).join(', ')} (secrets hidden)`;
      else if (!this.secretNames.has(name)) out[name] = value;
      else if (typeof value === 'string' && /^[a-z]+:\/\//.test(value)) out[name] = maskUrlCredentials(value);
      else out[name] = '***';
    }
    return out;
  }
}
