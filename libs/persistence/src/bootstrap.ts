import { Client } from 'pg';

/**
 * Creates (idempotently) what a superuser must create before migrations can run:
 *
 * - `tandem_owner`: LOGIN, NOSUPERUSER, NOCREATEDB, NOCREATEROLE, BYPASSRLS. Owns the database and
 *   the schema objects and runs migrations. BYPASSRLS because (a) data migrations must see every
 *   tenant's rows and (b) the SECURITY DEFINER look-ups that precede a tenant (log-in, invitation,
 *   refresh) run as this role. The app never connects as it.
 * - `tandem_app`: LOGIN, NOSUPERUSER, NOBYPASSRLS, owns nothing. What the API and worker use.
 * - the database, owned by `tandem_owner`; extensions `pgcrypto` and `citext` (need a superuser);
 * - default privileges: tables `tandem_owner` creates in `public` grant SELECT/INSERT/UPDATE/DELETE
 *   to `tandem_app`, sequences USAGE/SELECT; functions are NOT executable by PUBLIC by default
 *   (migrations grant EXECUTE explicitly). `audit_log` is narrowed in its migration.
 *
 * Safe to run again: roles are altered back to these attributes. A password is set only when the role
 * is created: the roles are shared by every database on the server, so a bootstrap for one database
 * (a new environment, a test template) must not reset a password another has rotated (issue 15).
 * `infra/postgres/bootstrap.sql` is the same thing for psql.
 */
export interface BootstrapOptions {
  /** A superuser connection string, e.g. postgres://postgres@127.0.0.1:5432/postgres */
  superuserUrl: string;
  /** Database to create (e.g. `tandem`). */
  database: string;
  /** Defaults to `tandem_owner` (needed where auth is not `trust`). */
  ownerPassword?: string;
  /** Defaults to `tandem_app`. */
  appPassword?: string;
}

export const OWNER_ROLE = 'tandem_owner';
export const APP_ROLE = 'tandem_app';

const IDENT = /^[a-z_][a-z0-9_]{0,62}$/;

export function assertIdentifier(name: string): string {
  if (!IDENT.test(name)) throw new Error(`Unsafe SQL identifier: ${JSON.stringify(name)}`);
  return name;
}

function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** Replaces the database part of a connection URL (keeps host, port, credentials, params). */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Replaces the credentials of a connection URL. */
export function withCredentials(url: string, user: string, password: string): string {
  const u = new URL(url);
  u.username = encodeURIComponent(user);
  u.password = encodeURIComponent(password);
  return u.toString();
}

async function ignoreDuplicate(p: Promise<unknown>): Promise<void> {
  try {
    await p;
  } catch (e) {
    // 42710 duplicate_object (role), 42P04 duplicate_database, 23505 unique_violation (pg_authid race)
    const code = (e as { code?: string }).code;
    if (code !== '42710' && code !== '42P04' && code !== '23505') throw e;
  }
}

export async function ensureRoles(client: Client, ownerPassword = OWNER_ROLE, appPassword = APP_ROLE): Promise<void> {
  const roles: Array<[string, string, string]> = [
    [OWNER_ROLE, ownerPassword, 'LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION BYPASSRLS INHERIT'],
    [APP_ROLE, appPassword, 'LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT'],
  ];
  for (const [role, password, attrs] of roles) {
    const { rowCount } = await client.query('select 1 from pg_roles where rolname = $1', [role]);
    if (!rowCount) await ignoreDuplicate(client.query(`create role ${role} ${attrs} password ${literal(password)}`));
    await client.query(`alter role ${role} ${attrs}`);
  }
}

export async function bootstrapDatabase(options: BootstrapOptions): Promise<void> {
  const database = assertIdentifier(options.database);
  const admin = new Client({ connectionString: options.superuserUrl });
  await admin.connect();
  try {
    await ensureRoles(admin, options.ownerPassword ?? OWNER_ROLE, options.appPassword ?? APP_ROLE);
    const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [database]);
    if (!rowCount) await ignoreDuplicate(admin.query(`create database ${database} owner ${OWNER_ROLE} encoding 'UTF8' template template0`));
    else await admin.query(`alter database ${database} owner to ${OWNER_ROLE}`);
  } finally {
    await admin.end();
  }

  const db = new Client({ connectionString: withDatabase(options.superuserUrl, database) });
  await db.connect();
  try {
    await db.query(bootstrapDatabaseSql(database));
  } finally {
    await db.end();
  }
}

/** The per-database part of the bootstrap (run as superuser, connected to `database`). */
export function bootstrapDatabaseSql(database: string): string {
  assertIdentifier(database);
  return `
    create extension if not exists pgcrypto with schema public;
    create extension if not exists citext with schema public;
    revoke all on database ${database} from public;
    grant connect, temporary on database ${database} to ${APP_ROLE};
    grant all on database ${database} to ${OWNER_ROLE};
    alter schema public owner to ${OWNER_ROLE};
    revoke create on schema public from public;
    grant usage on schema public to ${APP_ROLE};
    alter default privileges for role ${OWNER_ROLE} in schema public
      grant select, insert, update, delete on tables to ${APP_ROLE};
    alter default privileges for role ${OWNER_ROLE} in schema public
      grant usage, select on sequences to ${APP_ROLE};
    alter default privileges for role ${OWNER_ROLE} revoke execute on functions from public;
  `;
}
