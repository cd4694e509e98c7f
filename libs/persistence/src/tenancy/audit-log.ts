import { EntityManager } from 'typeorm';
import type { JsonObject } from '../entities/base';
import { DomainError } from '@tandem/domain';
import { TenantContext } from './tenant-context';

export interface AuditRecord {
  /** e.g. 'pupil.read', 'school.archived', 'membership.created' */
  action: string;
  entityType: string;
  entityId?: string | null;
  /** Ids and field names, never the personal data itself. */
  detail?: JsonObject;
}

/** Audited reads of personal data (each costs one from the request's ReadBudget). */
export const AUDITED_READ_ACTIONS: ReadonlySet<string> = new Set([
  'pupil.viewed',
  'pupil.listed',
  'pupil.exported',
  'import_job.errors_read',
]);

/**
 * Records one request may read, audited, at most: a whole large school's coverage export (about
 * 2,000) with room to spare. The attack of issue 14 read 50,000 pupils (and wrote 50,000 audit
 * rows) in one request of aliased lists.
 */
export const MAX_AUDITED_READS_PER_REQUEST = 5_000;

/** Append-only audit trail. Tenant, actor and correlation id come from the TenantContext. */
export const AuditLog = {
  record(em: EntityManager, entry: AuditRecord): Promise<void> {
    return AuditLog.recordMany(em, [entry]);
  },

  /** Several entries in one statement (e.g. one per pupil read in a list). */
  async recordMany(em: EntityManager, entries: readonly AuditRecord[]): Promise<void> {
    if (!entries.length) return;
    const scope = TenantContext.current();
    const reads = scope.readBudget ? entries.filter((e) => AUDITED_READ_ACTIONS.has(e.action)).length : 0;
    if (scope.readBudget && reads > 0) {
      if (reads > scope.readBudget.remaining) {
        throw new DomainError(
          'QUERY_TOO_COMPLEX',
          `This request reads more pupil records than one request may (${MAX_AUDITED_READS_PER_REQUEST}): ask for fewer at once`,
        );
      }
      scope.readBudget.remaining -= reads;
    }
    const rows = entries.map((e) => ({
      action: e.action,
      entity_type: e.entityType,
      entity_id: e.entityId ?? null,
      detail: e.detail ?? {},
    }));
    await em.query(
      `insert into audit_log (tenant_id, actor_user_id, correlation_id, action, entity_type, entity_id, detail)
       select $1::uuid, $2::uuid, $3, x.action, x.entity_type, x.entity_id, coalesce(x.detail, '{}'::jsonb)
         from jsonb_to_recordset($4::jsonb) as x(action text, entity_type text, entity_id uuid, detail jsonb)`,
      [scope.tenantId, scope.actorUserId ?? null, scope.correlationId ?? null, JSON.stringify(rows)],
    );
  },
};
