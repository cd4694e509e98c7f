import { Injectable } from '@nestjs/common';
import { academicYearOf, type CalendarDate } from '@tandem/domain';
import { Cluster, Employer, isUuid, Pupil, TenantContext, TenantDb, TenantRepository } from '@tandem/persistence';

/**
 * Read-only look-ups the ledger needs of records other features own (clusters, pupils, employers;
 * schools through the schools feature's one SchoolRepository).
 */

@Injectable()
export class LedgerClusterRepository extends TenantRepository<Cluster> {
  constructor(db: TenantDb) {
    super(db, Cluster, 'cluster');
  }
}

@Injectable()
export class LedgerEmployerRepository extends TenantRepository<Employer> {
  constructor(db: TenantDb) {
    super(db, Employer, 'employer');
  }
}

/** A pupil as attendance checks need them: school, roll dates, and whether the record is live. */
export interface RollEntry {
  id: string;
  schoolId: string;
  reference: string;
  onRollFrom: CalendarDate;
  onRollTo: CalendarDate | null;
  live: boolean;
}

@Injectable()
export class LedgerPupilRepository extends TenantRepository<Pupil> {
  constructor(db: TenantDb) {
    super(db, Pupil, 'pupil');
  }

  private rollEntries(where: string, params: unknown[]): Promise<RollEntry[]> {
    return this.tx(async (em) => {
      const rows: Array<Record<string, unknown>> = await em.query(
        `select id, school_id, reference, to_char(on_roll_from, 'YYYY-MM-DD') as on_roll_from, to_char(on_roll_to, 'YYYY-MM-DD') as on_roll_to,
                archived_at is null and erased_at is null as live
           from pupils where tenant_id = $1 and ${where}`,
        [TenantContext.tenantId(), ...params],
      );
      return rows.map((r) => ({
        id: r['id'] as string,
        schoolId: r['school_id'] as string,
        reference: r['reference'] as string,
        onRollFrom: r['on_roll_from'] as string,
        onRollTo: (r['on_roll_to'] as string | null) ?? null,
        live: r['live'] as boolean,
      }));
    });
  }

  /** Pupils by id, in any school of the hub (the caller judges the school). */
  rollByIds(ids: readonly string[]): Promise<RollEntry[]> {
    const valid = ids.filter(isUuid);
    return valid.length ? this.rollEntries('id = any($2::uuid[])', [valid]) : Promise.resolve([]);
  }

  /** A school's pupils by their references. */
  rollByReferences(schoolId: string, references: readonly string[]): Promise<RollEntry[]> {
    return references.length
      ? this.rollEntries('school_id = $2 and reference = any($3::text[])', [schoolId, references])
      : Promise.resolve([]);
  }

  /** Pupils on the school's roll on `date` in these year groups (the most a headcount can be). */
  yearGroupSize(schoolId: string, date: CalendarDate, yearGroups: readonly number[]): Promise<number> {
    return this.tx(async (em) => {
      const [row]: Array<{ n: number }> = await em.query(
        `select count(*)::int as n from ledger_pupils
          where tenant_id = $1 and school_id = $2 and on_roll_from <= $3 and (on_roll_to is null or on_roll_to >= $3)
            and $4::int - entry_year + 7 = any ($5::int[])`,
        [TenantContext.tenantId(), schoolId, date, academicYearOf(date), yearGroups],
      );
      return row?.n ?? 0;
    });
  }
}
