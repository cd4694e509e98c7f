/**
 * SQL every migration that adds a tenant table repeats: row-level security (enabled, forced, the
 * one tenant policy) and the updated_at trigger. Keeping it here keeps the policy identical
 * everywhere; `rls.int-spec.ts` checks the result for every table with a tenant_id.
 */

/** RLS enabled + forced, policy `tenant_id = app_current_tenant()` for reads and writes. */
export function tenantRlsSql(table: string): string {
  return `
alter table ${table} enable row level security;
alter table ${table} force row level security;
create policy tenant_isolation on ${table} using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant());`;
}

/** `updated_at` kept by the database (the function comes from the initial migration). */
export function updatedAtTriggerSql(table: string): string {
  return `create trigger set_updated_at before update on ${table} for each row execute function set_updated_at();`;
}
