import { Injectable } from '@nestjs/common';
import { academicYearEnd, academicYearStart, type CalendarDate, type ScopeFilter } from '@tandem/domain';
import { TenantContext, TenantDb } from '@tandem/persistence';
import type { EntityManager } from 'typeorm';
import type { CountRow, PupilLine } from './coverage-report';

/**
 * The ledger's reads and snapshot writes, as plain SQL over the maintained rollups
 * (`ledger_school_counts`, `ledger_pupil_years`): dashboards add up a few thousand rows at most, gap
 * lists walk an index in priority order. Every statement names the tenant (RLS checks it again).
 */

export type CountLevel = { kind: 'hub' } | { kind: 'cluster'; clusterId: string } | { kind: 'school'; schoolId: string };

export interface GapCursor {
  rank: number;
  yearGroup: number;
  reference: string;
  pupilId: string;
}

export interface GapRow {
  pupilId: string;
  reference: string;
  schoolId: string;
  yearGroup: number;
  priorityRank: number;
  counted: number;
  minimum: number;
}

export interface GapQuery {
  academicYear: number;
  benchmark: number;
  scope: ScopeFilter;
  schoolId?: string;
  clusterId?: string;
  yearGroup?: number;
  after: GapCursor | null;
  limit: number;
}

export interface ImpactRow {
  encountersDelivered: number;
  pupilsReached: number;
  disadvantagedReached: number;
  headcountReached: number;
  volunteerHours: number;
}

const COUNTERS = `sum(c.pupils)::int as pupils, sum(c.met)::int as met, sum(c.priority_pupils)::int as priority_pupils,
  sum(c.priority_met)::int as priority_met, sum(c.disadvantaged_pupils)::int as disadvantaged_pupils, sum(c.disadvantaged_met)::int as disadvantaged_met`;

function toCountRow(r: Record<string, unknown>): CountRow & { clusterName: string | null } {
  return {
    groupId: (r['group_id'] as string | null) ?? null,
    groupName: (r['group_name'] as string | null) ?? 'No cluster',
    urn: (r['urn'] as string | null) ?? null,
    clusterName: (r['cluster_name'] as string | null) ?? null,
    yearGroup: Number(r['year_group']),
    benchmark: Number(r['benchmark']),
    pupils: Number(r['pupils']),
    met: Number(r['met']),
    priorityPupils: Number(r['priority_pupils']),
    priorityMet: Number(r['priority_met']),
    disadvantagedPupils: Number(r['disadvantaged_pupils']),
    disadvantagedMet: Number(r['disadvantaged_met']),
  };
}

/** SQL narrowing schools (alias `s`) to a scope; params are appended to `params`. */
function scopeSql(scope: ScopeFilter, params: unknown[]): string {
  switch (scope.kind) {
    case 'all':
      return 'true';
    case 'cluster':
      params.push(scope.clusterId);
      return `s.cluster_id = $${params.length}`;
    case 'school':
      params.push(scope.schoolId);
      return `s.id = $${params.length}`;
    default:
      return 'false';
  }
}

@Injectable()
export class CoverageRepository {
  constructor(private readonly db: TenantDb) {}

  /**
   * Live counts for an academic year, grouped by cluster (hub), by school (cluster) or for one school,
   * with the hub's policy and name: a dashboard's one statement.
   */
  counts(
    academicYear: number,
    level: CountLevel,
  ): Promise<{ policyId: string; hubName: string; rows: Array<CountRow & { clusterName: string | null }> }> {
    return this.db.transaction(async (em) => {
      const rows: Array<Record<string, unknown>> = await em.query(
        `with head as (select ledger_policy_id($1) as policy_id, (select t.name from tenants t where t.id = $1) as hub_name)
         select head.policy_id, head.hub_name, c.* from head left join (${this.countSql(level)}) c on true`,
        this.countParams(academicYear, level),
      );
      const head = rows[0] as { policy_id: string; hub_name: string };
      return { policyId: head.policy_id, hubName: head.hub_name, rows: rows.filter((r) => r['benchmark'] !== null).map(toCountRow) };
    });
  }

  private countParams(academicYear: number, level: CountLevel): unknown[] {
    return level.kind === 'hub'
      ? [TenantContext.tenantId(), academicYear]
      : [TenantContext.tenantId(), academicYear, level.kind === 'cluster' ? level.clusterId : level.schoolId];
  }

  private countSql(level: CountLevel): string {
    const where = level.kind === 'hub' ? '' : level.kind === 'cluster' ? 'and s.cluster_id = $3' : 'and s.id = $3';
    const group =
      level.kind === 'hub'
        ? `s.cluster_id as group_id, cl.name as group_name, null::text as urn, null::text as cluster_name`
        : `s.id as group_id, s.name as group_name, s.urn::text as urn, cl.name as cluster_name`;
    return `select ${group}, c.year_group, c.benchmark, ${COUNTERS}
              from ledger_school_counts c
              join schools s on s.tenant_id = c.tenant_id and s.id = c.school_id
              left join clusters cl on cl.tenant_id = s.tenant_id and cl.id = s.cluster_id
             where c.tenant_id = $1 and c.academic_year = $2 and s.archived_at is null ${where}
             group by 1, 2, 3, 4, c.year_group, c.benchmark`;
  }

  /** Live counts per school in a scope (for the hub CSV). */
  schoolRows(academicYear: number, scope: ScopeFilter): Promise<Array<CountRow & { clusterName: string | null }>> {
    return this.db.transaction(async (em) => {
      const params: unknown[] = [TenantContext.tenantId(), academicYear];
      const narrow = scopeSql(scope, params);
      const rows: Array<Record<string, unknown>> = await em.query(
        `select s.id as group_id, s.name as group_name, s.urn, cl.name as cluster_name, c.year_group, c.benchmark, ${COUNTERS}
           from ledger_school_counts c
           join schools s on s.tenant_id = c.tenant_id and s.id = c.school_id
           left join clusters cl on cl.tenant_id = s.tenant_id and cl.id = s.cluster_id
          where c.tenant_id = $1 and c.academic_year = $2 and s.archived_at is null and ${narrow}
          group by 1, 2, 3, 4, c.year_group, c.benchmark`,
        params,
      );
      return rows.map(toCountRow);
    });
  }

  /** Headcount-only encounters delivered in the year, in the scope. */
  headcounts(academicYear: number, level: CountLevel): Promise<{ encounters: number; headcount: number }> {
    return this.db.transaction(async (em) => {
      const params: unknown[] = [TenantContext.tenantId(), academicYearStart(academicYear), academicYearEnd(academicYear)];
      let where = '';
      if (level.kind !== 'hub') {
        params.push(level.kind === 'cluster' ? level.clusterId : level.schoolId);
        where = level.kind === 'cluster' ? 'and s.cluster_id = $4' : 'and s.id = $4';
      }
      const [row]: Array<{ encounters: number; headcount: number }> = await em.query(
        `select count(*)::int as encounters, coalesce(sum(e.headcount), 0)::int as headcount
           from encounters e join schools s on s.tenant_id = e.tenant_id and s.id = e.school_id
          where e.tenant_id = $1 and e.headcount_only and e.status = 'delivered' and e.occurred_on between $2 and $3 and s.archived_at is null ${where}`,
        params,
      );
      return row ?? { encounters: 0, headcount: 0 };
    });
  }

  /** Pupils not yet met, in gap-list order, from after the cursor; and how many there are in all. */
  gaps(q: GapQuery): Promise<{ rows: GapRow[]; total: number }> {
    return this.db.transaction(async (em) => {
      const params: unknown[] = [TenantContext.tenantId(), q.academicYear, q.benchmark];
      const filters: string[] = [scopeSql(q.scope, params)];
      if (q.schoolId) filters.push(`s.id = $${params.push(q.schoolId)}`);
      if (q.clusterId) filters.push(`s.cluster_id = $${params.push(q.clusterId)}`);
      const schoolFilter = filters.join(' and ');
      const yearIdx = q.yearGroup === undefined ? 0 : params.push(q.yearGroup);
      const yearFilter = (alias: string): string => (yearIdx ? `and ${alias}.year_group = $${yearIdx}` : '');
      const totalParams = [...params];
      let after = '';
      if (q.after) {
        const [r, y, ref, id] = [
          params.push(q.after.rank),
          params.push(q.after.yearGroup),
          params.push(q.after.reference),
          params.push(q.after.pupilId),
        ];
        after = `and (y.priority_rank < $${r} or (y.priority_rank = $${r} and y.year_group < $${y})
                  or (y.priority_rank = $${r} and y.year_group = $${y} and (y.reference collate "C", y.pupil_id) > ($${ref}::text collate "C", $${id}::uuid)))`;
      }
      const rows: Array<Record<string, unknown>> = await em.query(
        `select y.pupil_id, y.reference, y.school_id, y.year_group, y.priority_rank, cardinality(y.encounter_dates) as counted, y.minimum
           from ledger_pupil_years y
          where y.tenant_id = $1 and y.academic_year = $2 and y.benchmark = $3 and y.met = false ${yearFilter('y')} ${after}
            and y.school_id in (select s.id from schools s where s.tenant_id = $1 and s.archived_at is null and ${schoolFilter})
          order by y.priority_rank desc, y.year_group desc, y.reference collate "C", y.pupil_id
          limit ${Math.max(1, Math.floor(q.limit))}`,
        params,
      );
      const [total]: Array<{ n: number }> = await em.query(
        `select coalesce(sum(c.pupils - c.met), 0)::int as n
           from ledger_school_counts c join schools s on s.tenant_id = c.tenant_id and s.id = c.school_id
          where c.tenant_id = $1 and c.academic_year = $2 and c.benchmark = $3 and s.archived_at is null and ${schoolFilter} ${yearFilter('c')}`,
        totalParams,
      );
      return {
        rows: rows.map((r) => ({
          pupilId: r['pupil_id'] as string,
          reference: r['reference'] as string,
          schoolId: r['school_id'] as string,
          yearGroup: Number(r['year_group']),
          priorityRank: Number(r['priority_rank']),
          counted: Number(r['counted']),
          minimum: Number(r['minimum']),
        })),
        total: total?.n ?? 0,
      };
    });
  }

  /** A school's pupils, one line per benchmark, live (met by the end of the year so far). */
  livePupilLines(academicYear: number, schoolId: string): Promise<Array<PupilLine & { pupilId: string }>> {
    return this.db.transaction(async (em) => {
      const rows: Array<Record<string, unknown>> = await em.query(
        `select y.pupil_id, y.reference, y.year_group, y.priority_rank, y.benchmark, y.met, cardinality(y.encounter_dates) as encounters
           from ledger_pupil_years y where y.tenant_id = $1 and y.academic_year = $2 and y.school_id = $3`,
        [TenantContext.tenantId(), academicYear, schoolId],
      );
      return rows.map(toPupilLine);
    });
  }

  // ── snapshots ─────────────────────────────────────────────────────────────

  /**
   * Freezes the ledger as of `asOf` into a snapshot already inserted: pupils on roll by then, encounters
   * up to then (rowAsOf in @tandem/domain), then their counts.
   */
  async freeze(em: EntityManager, snapshotId: string, academicYear: number, asOf: CalendarDate, schoolId: string | null): Promise<void> {
    const yearEnd = academicYearEnd(academicYear);
    const cutoff = asOf < yearEnd ? asOf : yearEnd;
    const params: unknown[] = [TenantContext.tenantId(), snapshotId, academicYear, cutoff];
    const school = schoolId ? `and y.school_id = $${params.push(schoolId)}` : '';
    await em.query(
      `insert into coverage_snapshot_pupils (tenant_id, snapshot_id, pupil_id, benchmark, school_id, year_group, priority_rank, encounters, met)
       select y.tenant_id, $2, y.pupil_id, y.benchmark, y.school_id, y.year_group, y.priority_rank,
              (select count(*) from unnest(y.encounter_dates) as d where d <= $4::date)::int,
              coalesce(y.met_on <= $4::date, false)
         from ledger_pupil_years y
         join schools s on s.tenant_id = y.tenant_id and s.id = y.school_id and s.archived_at is null
        where y.tenant_id = $1 and y.academic_year = $3 and y.on_roll_from <= $4::date ${school}`,
      params,
    );
    await em.query(
      `insert into coverage_snapshot_counts (tenant_id, snapshot_id, school_id, year_group, benchmark, pupils, met, priority_pupils, priority_met, disadvantaged_pupils, disadvantaged_met)
       select tenant_id, snapshot_id, school_id, year_group, benchmark, count(*), count(*) filter (where met),
              count(*) filter (where priority_rank > 0), count(*) filter (where priority_rank > 0 and met),
              count(*) filter (where priority_rank >= 8), count(*) filter (where priority_rank >= 8 and met)
         from coverage_snapshot_pupils where tenant_id = $1 and snapshot_id = $2
        group by tenant_id, snapshot_id, school_id, year_group, benchmark`,
      [TenantContext.tenantId(), snapshotId],
    );
  }

  /** A snapshot's counts per school, narrowed to a scope. */
  snapshotRows(snapshotId: string, scope: ScopeFilter): Promise<Array<CountRow & { clusterName: string | null }>> {
    return this.db.transaction(async (em) => {
      const params: unknown[] = [TenantContext.tenantId(), snapshotId];
      const narrow = scopeSql(scope, params);
      const rows: Array<Record<string, unknown>> = await em.query(
        `select s.id as group_id, s.name as group_name, s.urn, cl.name as cluster_name, c.year_group, c.benchmark, ${COUNTERS}
           from coverage_snapshot_counts c
           join schools s on s.tenant_id = c.tenant_id and s.id = c.school_id
           left join clusters cl on cl.tenant_id = s.tenant_id and cl.id = s.cluster_id
          where c.tenant_id = $1 and c.snapshot_id = $2 and ${narrow}
          group by 1, 2, 3, 4, c.year_group, c.benchmark`,
        params,
      );
      return rows.map(toCountRow);
    });
  }

  snapshotPupilLines(snapshotId: string, schoolId: string): Promise<Array<PupilLine & { pupilId: string }>> {
    return this.db.transaction(async (em) => {
      const rows: Array<Record<string, unknown>> = await em.query(
        `select sp.pupil_id, p.reference, sp.year_group, sp.priority_rank, sp.benchmark, sp.met, sp.encounters
           from coverage_snapshot_pupils sp join pupils p on p.tenant_id = sp.tenant_id and p.id = sp.pupil_id
          where sp.tenant_id = $1 and sp.snapshot_id = $2 and sp.school_id = $3`,
        [TenantContext.tenantId(), snapshotId, schoolId],
      );
      return rows.map(toPupilLine);
    });
  }

  /** Reporting days (31 Dec, 31 Mar, 31 Jul) that already have a hub snapshot. */
  reportingSnapshotDays(days: readonly CalendarDate[]): Promise<CalendarDate[]> {
    if (!days.length) return Promise.resolve([]);
    return this.db.transaction(async (em) => {
      const rows: Array<{ d: string }> = await em.query(
        `select to_char(as_of, 'YYYY-MM-DD') as d from coverage_snapshots
          where tenant_id = $1 and kind = 'reporting_date' and school_id is null and as_of = any($2::date[])`,
        [TenantContext.tenantId(), days],
      );
      return rows.map((r) => r.d);
    });
  }

  // ── employer impact ───────────────────────────────────────────────────────

  impact(employerId: string, academicYear: number | null): Promise<ImpactRow> {
    return this.db.transaction(async (em) => {
      const params: unknown[] = [TenantContext.tenantId(), employerId];
      const year = academicYear === null ? '' : `and e.occurred_on between $3 and $4`;
      if (academicYear !== null) params.push(academicYearStart(academicYear), academicYearEnd(academicYear));
      const [row]: Array<Record<string, unknown>> = await em.query(
        `with mine as (
           select e.id, e.headcount_only, e.headcount, e.duration_minutes, ee.volunteers
             from encounter_employers ee join encounters e on e.tenant_id = ee.tenant_id and e.id = ee.encounter_id
            where ee.tenant_id = $1 and ee.employer_id = $2 and e.status = 'delivered' ${year}),
         reached as (
           select distinct a.pupil_id, p.disadvantaged
             from mine m
             join encounter_attendance a on a.tenant_id = $1 and a.encounter_id = m.id
             join pupils p on p.tenant_id = a.tenant_id and p.id = a.pupil_id)
         select (select count(*) from mine)::int as encounters,
                (select count(*) from reached)::int as pupils,
                (select count(*) from reached where disadvantaged)::int as disadvantaged,
                (select coalesce(sum(headcount), 0) from mine where headcount_only)::int as headcount,
                (select coalesce(sum(duration_minutes * volunteers), 0) from mine)::numeric / 60 as hours`,
        params,
      );
      return {
        encountersDelivered: Number(row?.['encounters'] ?? 0),
        pupilsReached: Number(row?.['pupils'] ?? 0),
        disadvantagedReached: Number(row?.['disadvantaged'] ?? 0),
        headcountReached: Number(row?.['headcount'] ?? 0),
        volunteerHours: Math.round(Number(row?.['hours'] ?? 0) * 100) / 100,
      };
    });
  }
}

function toPupilLine(r: Record<string, unknown>): PupilLine & { pupilId: string } {
  return {
    pupilId: r['pupil_id'] as string,
    reference: r['reference'] as string,
    yearGroup: Number(r['year_group']),
    priorityRank: Number(r['priority_rank']),
    benchmark: Number(r['benchmark']),
    met: r['met'] as boolean,
    encounters: Number(r['encounters']),
  };
}

/** What the ledger knows of one pupil, for evaluating them in memory (@tandem/domain evaluatePupil). */
export interface PupilLedgerFacts {
  entryYear: number;
  reference: string;
  priorityRank: number;
  onRollFrom: CalendarDate;
  onRollTo: CalendarDate | null;
  schoolId: string;
  lowestYearGroup: number;
  highestYearGroup: number;
  encounters: Array<{
    id: string;
    schoolId: string;
    date: CalendarDate;
    activityType: string;
    format: string;
    checklist: string[];
    status: string;
    headcountOnly: boolean;
    title: string | null;
  }>;
}

export async function loadPupilFacts(em: EntityManager, pupilId: string): Promise<PupilLedgerFacts | null> {
  const tenantId = TenantContext.tenantId();
  const [lp]: Array<Record<string, unknown>> = await em.query(
    `select lp.entry_year, lp.reference, lp.priority_rank, to_char(lp.on_roll_from, 'YYYY-MM-DD') as on_roll_from, to_char(lp.on_roll_to, 'YYYY-MM-DD') as on_roll_to,
            lp.school_id, s.lowest_year_group, s.highest_year_group
       from ledger_pupils lp join schools s on s.tenant_id = lp.tenant_id and s.id = lp.school_id
      where lp.tenant_id = $1 and lp.pupil_id = $2`,
    [tenantId, pupilId],
  );
  if (!lp) return null;
  const encounters: Array<Record<string, unknown>> = await em.query(
    `select e.id, e.school_id, to_char(e.occurred_on, 'YYYY-MM-DD') as date, e.activity_type, e.format, e.checklist, e.status, e.headcount_only, e.title
       from encounter_attendance a join encounters e on e.tenant_id = a.tenant_id and e.id = a.encounter_id
      where a.tenant_id = $1 and a.pupil_id = $2
      order by e.occurred_on, e.id`,
    [tenantId, pupilId],
  );
  return {
    entryYear: Number(lp['entry_year']),
    reference: lp['reference'] as string,
    priorityRank: Number(lp['priority_rank']),
    onRollFrom: lp['on_roll_from'] as string,
    onRollTo: (lp['on_roll_to'] as string | null) ?? null,
    schoolId: lp['school_id'] as string,
    lowestYearGroup: Number(lp['lowest_year_group']),
    highestYearGroup: Number(lp['highest_year_group']),
    encounters: encounters.map((e) => ({
      id: e['id'] as string,
      schoolId: e['school_id'] as string,
      date: e['date'] as string,
      activityType: e['activity_type'] as string,
      format: e['format'] as string,
      checklist: e['checklist'] as string[],
      status: e['status'] as string,
      headcountOnly: e['headcount_only'] as boolean,
      title: (e['title'] as string | null) ?? null,
    })),
  };
}
