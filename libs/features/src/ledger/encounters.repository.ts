import { Injectable } from '@nestjs/common';
import { academicYearEnd, academicYearStart, type ScopeFilter } from '@tandem/domain';
import {
  Encounter,
  EncounterEmployer,
  isUuid,
  TenantContext,
  TenantDb,
  TenantRepository,
  type Page,
  type PageRequest,
} from '@tandem/persistence';
import type { SelectQueryBuilder } from 'typeorm';
import type { EmployerLine } from './encounter-rules';

export interface EncounterListFilter {
  schoolId?: string;
  academicYear?: number;
  activityType?: string;
  status?: string;
  bookingId?: string;
}

export interface AttendeeRow {
  encounterId: string;
  pupilId: string;
  reference: string;
  yearGroup: number;
}

export interface EncounterEmployerRow {
  encounterId: string;
  employerId: string;
  name: string;
  volunteers: number;
}

@Injectable()
export class EncounterRepository extends TenantRepository<Encounter> {
  constructor(db: TenantDb) {
    super(db, Encounter, 'encounter');
  }

  /** A page of encounters within `scope` (viewCoverage), newest first, and how many match. */
  async list(scope: ScopeFilter, filter: EncounterListFilter, page: PageRequest): Promise<{ page: Page<Encounter>; total: number }> {
    const narrow = (qb: SelectQueryBuilder<Encounter>): SelectQueryBuilder<Encounter> => {
      if (scope.kind === 'cluster') {
        qb.andWhere('encounter.school_id in (select s.id from schools s where s.cluster_id = :scopeClusterId)', {
          scopeClusterId: scope.clusterId,
        });
      } else if (scope.kind === 'school') qb.andWhere('encounter.school_id = :scopeSchoolId', { scopeSchoolId: scope.schoolId });
      else if (scope.kind !== 'all') qb.andWhere('false');
      if (filter.schoolId) qb.andWhere('encounter.school_id = :schoolId', { schoolId: filter.schoolId });
      if (filter.academicYear !== undefined) {
        qb.andWhere('encounter.occurred_on between :from and :to', {
          from: academicYearStart(filter.academicYear),
          to: academicYearEnd(filter.academicYear),
        });
      }
      if (filter.activityType) qb.andWhere('encounter.activity_type = :activityType', { activityType: filter.activityType });
      if (filter.status) qb.andWhere('encounter.status = :status', { status: filter.status });
      if (filter.bookingId) qb.andWhere('encounter.booking_id = :bookingId', { bookingId: filter.bookingId });
      return qb;
    };
    return this.pageWithTotal(page, narrow);
  }

  /** Pupil ids attending an encounter. */
  attendeeIds(encounterId: string): Promise<string[]> {
    return this.tx(async (em) => {
      const rows: Array<{ pupil_id: string }> = await em.query(
        `select pupil_id from encounter_attendance where tenant_id = $1 and encounter_id = $2`,
        [TenantContext.tenantId(), encounterId],
      );
      return rows.map((r) => r.pupil_id);
    });
  }

  /** One statement, so the ledger recomputes these pupils once. */
  addAttendance(encounter: Pick<Encounter, 'id' | 'schoolId'>, pupilIds: readonly string[]): Promise<void> {
    if (!pupilIds.length) return Promise.resolve();
    return this.tx(async (em) => {
      await em.query(
        `insert into encounter_attendance (tenant_id, school_id, encounter_id, pupil_id)
         select $1, $2, $3, unnest($4::uuid[]) on conflict do nothing`,
        [TenantContext.tenantId(), encounter.schoolId, encounter.id, pupilIds],
      );
    });
  }

  removeAttendance(encounterId: string, pupilIds: readonly string[]): Promise<void> {
    if (!pupilIds.length) return Promise.resolve();
    return this.tx(async (em) => {
      await em.query(`delete from encounter_attendance where tenant_id = $1 and encounter_id = $2 and pupil_id = any($3::uuid[])`, [
        TenantContext.tenantId(),
        encounterId,
        pupilIds,
      ]);
    });
  }

  /** Attendance counts per encounter (for a DataLoader). */
  attendanceCounts(encounterIds: readonly string[]): Promise<Map<string, number>> {
    const ids = [...new Set(encounterIds.filter(isUuid))];
    if (!ids.length) return Promise.resolve(new Map());
    return this.tx(async (em) => {
      const rows: Array<{ encounter_id: string; n: number }> = await em.query(
        `select encounter_id, count(*)::int as n from encounter_attendance where tenant_id = $1 and encounter_id = any($2::uuid[]) group by encounter_id`,
        [TenantContext.tenantId(), ids],
      );
      return new Map(rows.map((r) => [r.encounter_id, r.n]));
    });
  }

  /** Who attended, with their year group on the day (from the ledger's entry year). */
  attendees(encounterIds: readonly string[]): Promise<AttendeeRow[]> {
    const ids = [...new Set(encounterIds.filter(isUuid))];
    if (!ids.length) return Promise.resolve([]);
    return this.tx(async (em) => {
      const rows: Array<Record<string, unknown>> = await em.query(
        `select a.encounter_id, a.pupil_id, p.reference, ledger_academic_year(e.occurred_on) - lp.entry_year + 7 as year_group
           from encounter_attendance a
           join encounters e on e.tenant_id = a.tenant_id and e.id = a.encounter_id
           join pupils p on p.tenant_id = a.tenant_id and p.id = a.pupil_id
           left join ledger_pupils lp on lp.tenant_id = a.tenant_id and lp.pupil_id = a.pupil_id
          where a.tenant_id = $1 and a.encounter_id = any($2::uuid[])
          order by p.reference collate "C", a.pupil_id`,
        [TenantContext.tenantId(), ids],
      );
      return rows.map((r) => ({
        encounterId: r['encounter_id'] as string,
        pupilId: r['pupil_id'] as string,
        reference: r['reference'] as string,
        yearGroup: Number(r['year_group'] ?? 0),
      }));
    });
  }

  employersOf(encounterIds: readonly string[]): Promise<EncounterEmployerRow[]> {
    const ids = [...new Set(encounterIds.filter(isUuid))];
    if (!ids.length) return Promise.resolve([]);
    return this.tx(async (em) => {
      const rows: Array<Record<string, unknown>> = await em.query(
        `select ee.encounter_id, ee.employer_id, e.name, ee.volunteers
           from encounter_employers ee join employers e on e.tenant_id = ee.tenant_id and e.id = ee.employer_id
          where ee.tenant_id = $1 and ee.encounter_id = any($2::uuid[])
          order by e.name, ee.employer_id`,
        [TenantContext.tenantId(), ids],
      );
      return rows.map((r) => ({
        encounterId: r['encounter_id'] as string,
        employerId: r['employer_id'] as string,
        name: r['name'] as string,
        volunteers: r['volunteers'] as number,
      }));
    });
  }

  /** The employers of an encounter are a set: replaced whole. */
  replaceEmployers(encounterId: string, lines: readonly EmployerLine[]): Promise<void> {
    return this.tx(async (em) => {
      await em.delete(EncounterEmployer, { encounterId });
      for (const l of lines)
        await em.insert(EncounterEmployer, {
          tenantId: TenantContext.tenantId(),
          encounterId,
          employerId: l.employerId,
          volunteers: l.volunteers,
        });
    });
  }
}
