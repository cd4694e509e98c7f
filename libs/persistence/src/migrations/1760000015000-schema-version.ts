import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 15: the API and worker must know whether the schema is at the version their code needs
 * (readiness, and waiting at start-up while a migration Job runs). The app role may not read
 * `schema_migrations`; this function returns only the newest migration's timestamp.
 */
export class SchemaVersion1760000015000 implements MigrationInterface {
  name = 'SchemaVersion1760000015000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
create function app_schema_version() returns bigint
  language sql stable security definer
  set search_path = pg_catalog, public, pg_temp
  as $$ select coalesce(max("timestamp"), 0)::bigint from public.schema_migrations $$;
revoke all on function app_schema_version() from public;
grant execute on function app_schema_version() to tandem_app;
`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop function if exists app_schema_version();`);
  }
}
