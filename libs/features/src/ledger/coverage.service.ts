import { Injectable } from '@nestjs/common';
import {
  academicYearEnd,
  academicYearLabel,
  academicYearOf,
  type ActivityType,
  type Benchmark,
  type CalendarDate,
  canSeeEmployerImpact,
  canSeePupils,
  Clock,
  collect,
  DomainError,
  type EncounterStatus,
  evaluatePupil,
  type Format,
  isBlank,
  parseChecklist,
  parseIntegerInRange,
  parseIsoDate,
  parseYearGroup,
  type Principal,
  priorityGroupsOf,
  type PupilHistory,
  reachOf,
  reportingDatesDue,
  showValue,
  pageSize,
} from '@tandem/domain';
import { AuditLog, TenantDb, type CoverageSnapshot, type CoverageSnapshotKind } from '@tandem/persistence';
import { decodeOpaqueCursor, encodeOpaqueCursor, toConnection, type Connection } from '@tandem/platform';
import { connectionOf, requireTenant, visibleOrNotFound } from '@tandem/features/shared';
import { foldCoverage, pupilsCsv, schoolsCsv, type FoldedCoverage } from './coverage-report';
import { CoverageRepository, loadPupilFacts, type CountLevel, type GapCursor, type GapRow, type ImpactRow } from './coverage.repository';
import { LedgerAccess } from './ledger-access';
import { LedgerEmployerRepository } from './ledger-lookups.repository';
import { PoliciesService } from './policies.service';
import type { PolicyRecord } from './policies.repository';
import { LedgerSettingsRepository } from './policies.repository';
import { SnapshotRepository } from './snapshots.repository';
import { policyView } from './policy-view';
import type { BenchmarkPolicyType } from './policy.types';

export interface CoverageView extends FoldedCoverage {
  level: 'hub' | 'cluster' | 'school';
  id: string | null;
  name: string;
  academicYear: number;
  academicYearLabel: string;
  policy: BenchmarkPolicyType;
  /** For the headcount field resolver. */
  countLevel: CountLevel;
}

export interface SnapshotView extends FoldedCoverage {
  snapshot: CoverageSnapshot;
  policy: PolicyRecord;
}

export interface CsvExport {
  filename: string;
  contentType: string;
  rows: number;
  content: string;
}

const isGapCursor = (v: unknown): v is { r: number; y: number; f: string; i: string } => {
  const o = v as Record<string, unknown>;
  return (
    typeof v === 'object' &&
    v !== null &&
    Number.isInteger(o['r']) &&
    Number.isInteger(o['y']) &&
    typeof o['f'] === 'string' &&
    typeof o['i'] === 'string' &&
    /^[0-9a-f-]{36}$/.test(o['i'])
  );
};

/**
 * Benchmark coverage per hub, cluster, school and pupil, gap lists, snapshots, CSV exports and
 * employer impact. Dashboards read the maintained rollups (one statement each); a pupil's own status is
 * evaluated in memory from their history, with the reasons.
 */
@Injectable()
export class CoverageService {
  constructor(
    private readonly clock: Clock,
    private readonly db: TenantDb,
    private readonly coverage: CoverageRepository,
    private readonly snapshots: SnapshotRepository,
    private readonly access: LedgerAccess,
    private readonly policies: PoliciesService,
    private readonly settings: LedgerSettingsRepository,
    private readonly employers: LedgerEmployerRepository,
  ) {}

  /** The academic year asked for, or today's (Europe/London). */
  academicYear(value: unknown, field = 'academicYear'): number {
    return isBlank(value) ? academicYearOf(this.clock.today()) : parseIntegerInRange(value, field, 2000, 2100);
  }

  async hub(p: Principal, academicYear: unknown): Promise<CoverageView> {
    this.access.requireReach(p, 'viewCoverage', 'see benchmark coverage');
    if (reachOf(p, 'viewCoverage').kind !== 'all')
      throw new DomainError('FORBIDDEN', "You may not see the whole hub's coverage: ask for your cluster's or your school's");
    return this.view(this.academicYear(academicYear), { kind: 'hub' }, null, null);
  }

  /** The scope check and the counts in one transaction. */
  async cluster(p: Principal, clusterId: string, academicYear: unknown): Promise<CoverageView> {
    const ay = this.academicYear(academicYear);
    return this.db.transaction(async () => {
      const cluster = await this.access.cluster(p, clusterId, 'clusterId');
      return this.view(ay, { kind: 'cluster', clusterId: cluster.id }, cluster.id, cluster.name);
    });
  }

  async school(p: Principal, schoolId: string, academicYear: unknown): Promise<CoverageView> {
    const ay = this.academicYear(academicYear);
    return this.db.transaction(async () => {
      const school = await this.access.school(p, schoolId, 'schoolId');
      const view = await this.view(ay, { kind: 'school', schoolId: school.id }, school.id, school.name);
      return { ...view, groups: [] };
    });
  }

  /** One statement: the hub's policy and name with the counts (policies themselves are cached). */
  private async view(academicYear: number, level: CountLevel, id: string | null, name: string | null): Promise<CoverageView> {
    const { policyId, hubName, rows } = await this.coverage.counts(academicYear, level);
    const policy = await this.policies.byId(policyId);
    return {
      level: level.kind,
      id,
      name: name ?? hubName,
      academicYear,
      academicYearLabel: academicYearLabel(academicYear),
      policy: policyView(policy),
      countLevel: level,
      ...foldCoverage(rows),
    };
  }

  headcounts(view: CoverageView): Promise<{ encounters: number; headcount: number }> {
    return this.coverage.headcounts(view.academicYear, view.countLevel);
  }

  // ── pupils ────────────────────────────────────────────────────────────────

  /** A pupil's encounters and status per benchmark on a day (default today), with reasons. Audited. */
  async pupil(p: Principal, pupilId: string, academicYear: unknown, asOf: unknown) {
    const { pupil } = await this.access.pupil(p, pupilId, 'pupilId');
    const c = collect();
    const day = isBlank(asOf) ? undefined : c.run(() => parseIsoDate(asOf, 'asOf'));
    const ay = c.run(() => (isBlank(academicYear) && day ? academicYearOf(day) : this.academicYear(academicYear)));
    c.throwIfAny();
    const year = ay as number;
    const today = this.clock.today();
    const on = day ?? (today < academicYearEnd(year) ? today : academicYearEnd(year));
    return this.db.transaction(async (em) => {
      const facts = await loadPupilFacts(em, pupil.id);
      if (!facts) throw DomainError.notFound('Pupil', 'pupilId');
      const { policy } = await this.policies.forHub(p);
      const history: PupilHistory = {
        pupilId: pupil.id,
        reference: facts.reference,
        entryYear: facts.entryYear,
        priorityRank: facts.priorityRank,
        stints: [
          {
            schoolId: facts.schoolId,
            from: facts.onRollFrom,
            to: facts.onRollTo,
            lowestYearGroup: facts.lowestYearGroup,
            highestYearGroup: facts.highestYearGroup,
          },
        ],
        encounters: facts.encounters.map((e) => ({
          id: e.id,
          schoolId: e.schoolId,
          date: e.date,
          activityType: e.activityType as ActivityType,
          format: e.format as Format,
          checklist: parseChecklist(e.checklist),
          status: e.status as EncounterStatus,
          headcountOnly: e.headcountOnly,
        })),
      };
      const evaluation = evaluatePupil(history, policy, year, on);
      await AuditLog.record(em, {
        action: 'pupil.viewed',
        entityType: 'pupil',
        entityId: pupil.id,
        detail: { purpose: 'benchmark_coverage', academicYear: year, asOf: on },
      });
      return {
        pupilId: pupil.id,
        reference: facts.reference,
        schoolId: facts.schoolId,
        academicYear: year,
        asOf: on,
        yearGroup: evaluation.yearGroup,
        priorityGroups: priorityGroupsOf(facts.priorityRank),
        statuses: evaluation.statuses.map((s) => ({ ...s, windowLabel: s.window?.label ?? null })),
        encounters: facts.encounters.map((e) => ({
          encounterId: e.id,
          date: e.date,
          activityType: e.activityType,
          format: e.format,
          title: e.title,
          verdicts: evaluation.encounters
            .filter((v) => v.encounterId === e.id)
            .map((v) => ({ benchmark: v.benchmark, counts: v.counts, reasons: v.reasons })),
        })),
      };
    });
  }

  /** Pupils who have not met the benchmark, priority groups first, a page at a time. Audited. */
  async gaps(
    p: Principal,
    args: {
      benchmark: unknown;
      academicYear?: unknown;
      filter?: { schoolId?: string | null; clusterId?: string | null; yearGroup?: number | null } | null;
      first?: number | null;
      after?: string | null;
    },
  ): Promise<Connection<GapRow & { priorityGroups: string[] }>> {
    this.access.requireReach(p, 'viewPupils', "see pupils' records");
    this.access.requireReach(p, 'viewCoverage', 'see benchmark coverage');
    const f = args.filter ?? {};
    const c = collect();
    const benchmark = c.run(() => {
      if (args.benchmark !== 5 && args.benchmark !== 6)
        throw DomainError.invalid('benchmark', 'INVALID_NUMBER', `benchmark must be 5 or 6 (got ${showValue(args.benchmark)})`);
      return args.benchmark as Benchmark;
    });
    const ay = c.run(() => this.academicYear(args.academicYear));
    const yearGroup = isBlank(f.yearGroup) ? undefined : c.run(() => parseYearGroup(f.yearGroup, 'filter.yearGroup'));
    const first = c.run(() => pageSize(args.first));
    const after = isBlank(args.after) ? null : c.run(() => decodeOpaqueCursor(args.after as string, isGapCursor));
    c.throwIfAny();
    const schoolId = isBlank(f.schoolId) ? undefined : (await this.access.school(p, f.schoolId, 'filter.schoolId')).id;
    const clusterId = isBlank(f.clusterId) ? undefined : (await this.access.cluster(p, f.clusterId, 'filter.clusterId')).id;
    const cursor: GapCursor | null = after ? { rank: after.r, yearGroup: after.y, reference: after.f, pupilId: after.i } : null;
    return this.db.transaction(async (em) => {
      const { rows, total } = await this.coverage.gaps({
        academicYear: ay as number,
        benchmark: benchmark as Benchmark,
        scope: reachOf(p, 'viewPupils'),
        schoolId,
        clusterId,
        yearGroup,
        after: cursor,
        limit: (first as number) + 1,
      });
      const page = rows.slice(0, first as number);
      await AuditLog.recordMany(
        em,
        page.map((r) => ({
          action: 'pupil.listed',
          entityType: 'pupil',
          entityId: r.pupilId,
          detail: { purpose: 'coverage_gaps', benchmark, academicYear: ay },
        })),
      );
      return toConnection(
        rows.map((r) => ({ ...r, priorityGroups: priorityGroupsOf(r.priorityRank) })),
        first as number,
        (r) => encodeOpaqueCursor({ r: r.priorityRank, y: r.yearGroup, f: r.reference, i: r.pupilId }),
        total,
      );
    });
  }

  // ── snapshots ─────────────────────────────────────────────────────────────

  /** Freezes coverage as of a day (default today): one school, or the whole hub (hub admins). */
  async takeSnapshot(p: Principal, input: { schoolId?: string | null; asOf?: string | null }): Promise<CoverageSnapshot> {
    this.access.requireReach(p, 'viewCoverage', 'see benchmark coverage');
    const today = this.clock.today();
    const asOf = isBlank(input.asOf) ? today : parseIsoDate(input.asOf, 'input.asOf');
    if (asOf > today)
      throw DomainError.invalid('input.asOf', 'INVALID_DATE', `input.asOf cannot be in the future (got ${asOf}; today is ${today})`);
    let schoolId: string | null = null;
    if (!isBlank(input.schoolId)) schoolId = (await this.access.school(p, input.schoolId, 'input.schoolId')).id;
    else if (reachOf(p, 'viewCoverage').kind !== 'all')
      throw new DomainError('FORBIDDEN', 'You may not snapshot the whole hub: give input.schoolId');
    return this.freeze(asOf, schoolId, 'on_demand', p.userId);
  }

  /**
   * The hub snapshots due on the reporting days (31 Dec, 31 Mar, 31 Jul) of the current academic year
   * that are not taken yet. Idempotent: a worker may call it daily for each hub; hub admins may too.
   */
  async takeDueReportingSnapshots(p: Principal | null): Promise<CoverageSnapshot[]> {
    const today = this.clock.today();
    if (p) {
      this.access.requireReach(p, 'viewCoverage', 'see benchmark coverage');
      if (reachOf(p, 'viewCoverage').kind !== 'all') throw new DomainError('FORBIDDEN', 'You may not snapshot the whole hub');
    }
    const due = reportingDatesDue(today);
    const taken = new Set(await this.coverage.reportingSnapshotDays(due));
    const out: CoverageSnapshot[] = [];
    for (const day of due.filter((d) => !taken.has(d))) out.push(await this.freeze(day, null, 'reporting_date', p?.userId ?? null));
    return out;
  }

  private freeze(
    asOf: CalendarDate,
    schoolId: string | null,
    kind: CoverageSnapshotKind,
    userId: string | null,
  ): Promise<CoverageSnapshot> {
    return this.db.transaction(async (em) => {
      const academicYear = academicYearOf(asOf);
      const snapshot = await this.snapshots.insert({
        schoolId,
        academicYear,
        asOf,
        kind,
        policyId: await this.settings.hubPolicyId(),
        takenByUserId: userId,
      });
      await this.coverage.freeze(em, snapshot.id, academicYear, asOf, schoolId);
      await AuditLog.record(em, {
        action: 'coverage.snapshot_taken',
        entityType: 'coverage_snapshot',
        entityId: snapshot.id,
        detail: { schoolId, asOf, kind },
      });
      return snapshot;
    });
  }

  async snapshotList(
    p: Principal,
    filter: { schoolId?: string | null; academicYear?: number | null } | null | undefined,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<Connection<CoverageSnapshot>> {
    this.access.requireReach(p, 'viewCoverage', 'see benchmark coverage');
    const f = filter ?? {};
    const c = collect();
    const academicYear = isBlank(f.academicYear)
      ? undefined
      : c.run(() => parseIntegerInRange(f.academicYear, 'filter.academicYear', 2000, 2100));
    const size = c.run(() => pageSize(first));
    c.throwIfAny();
    const schoolId = isBlank(f.schoolId) ? undefined : (await this.access.school(p, f.schoolId, 'filter.schoolId')).id;
    const { page, total } = await this.snapshots.list(reachOf(p, 'viewCoverage'), { schoolId, academicYear }, { first: size, after });
    return connectionOf(page, total);
  }

  /** A snapshot in scope: a school's, or the hub's (narrowed to the schools the caller may see). */
  async snapshot(p: Principal, id: string, field = 'id'): Promise<CoverageSnapshot> {
    this.access.requireReach(p, 'viewCoverage', 'see benchmark coverage');
    const snapshot = visibleOrNotFound(await this.snapshots.findById(id), () => true, 'Snapshot', field);
    if (snapshot.schoolId)
      await this.access.school(p, snapshot.schoolId, field).catch(() => Promise.reject(DomainError.notFound('Snapshot', field)));
    return snapshot;
  }

  async snapshotView(p: Principal, snapshot: CoverageSnapshot): Promise<SnapshotView> {
    const rows = await this.coverage.snapshotRows(snapshot.id, reachOf(p, 'viewCoverage'));
    const folded = foldCoverage(rows);
    return { snapshot, policy: await this.policies.byId(snapshot.policyId), ...folded };
  }

  // ── CSV ───────────────────────────────────────────────────────────────────

  /** One school: a line per pupil (audited). Otherwise: a line per school, year group and benchmark in scope. */
  async csv(
    p: Principal,
    input: { schoolId?: string | null; academicYear?: number | null; snapshotId?: string | null },
  ): Promise<CsvExport> {
    this.access.requireReach(p, 'viewCoverage', 'see benchmark coverage');
    const snapshot = isBlank(input.snapshotId) ? null : await this.snapshot(p, input.snapshotId as string, 'input.snapshotId');
    const ay = snapshot ? snapshot.academicYear : this.academicYear(input.academicYear, 'input.academicYear');
    const label = `${academicYearLabel(ay).replace('/', '-')}${snapshot ? `-as-of-${snapshot.asOf}` : ''}`;
    if (isBlank(input.schoolId)) {
      const rows = snapshot
        ? await this.coverage.snapshotRows(snapshot.id, reachOf(p, 'viewCoverage'))
        : await this.coverage.schoolRows(ay, reachOf(p, 'viewCoverage'));
      return { filename: `coverage-${label}.csv`, contentType: 'text/csv', rows: rows.length, content: schoolsCsv(rows) };
    }
    const school = await this.access.school(p, input.schoolId, 'input.schoolId');
    if (!canSeePupils(p, school)) throw new DomainError('FORBIDDEN', "You may not see this school's pupils");
    if (snapshot?.schoolId && snapshot.schoolId !== school.id)
      throw DomainError.invalid('input.snapshotId', 'CONFLICT', 'input.snapshotId is a snapshot of another school');
    return this.db.transaction(async (em) => {
      const lines = snapshot
        ? await this.coverage.snapshotPupilLines(snapshot.id, school.id)
        : await this.coverage.livePupilLines(ay, school.id);
      const pupils = [...new Set(lines.map((l) => l.pupilId))];
      await AuditLog.recordMany(
        em,
        pupils.map((id) => ({
          action: 'pupil.listed',
          entityType: 'pupil',
          entityId: id,
          detail: { purpose: 'coverage_csv', schoolId: school.id, academicYear: ay },
        })),
      );
      return { filename: `coverage-${school.urn}-${label}.csv`, contentType: 'text/csv', rows: pupils.length, content: pupilsCsv(lines) };
    });
  }

  // ── employers ─────────────────────────────────────────────────────────────

  async employerImpact(
    p: Principal,
    employerId: string,
    academicYear: unknown,
  ): Promise<ImpactRow & { employerId: string; academicYear: number | null; shareDisadvantaged: number | null }> {
    requireTenant(p);
    if (reachOf(p, 'viewEmployerImpact').kind === 'none') throw new DomainError('FORBIDDEN', "You may not see employers' impact");
    const ay = isBlank(academicYear) ? null : parseIntegerInRange(academicYear, 'academicYear', 2000, 2100);
    const employer = visibleOrNotFound(
      await this.employers.findById(employerId),
      (e) => canSeeEmployerImpact(p, e),
      'Employer',
      'employerId',
    );
    const impact = await this.coverage.impact(employer.id, ay);
    const share = impact.pupilsReached ? Math.round((impact.disadvantagedReached / impact.pupilsReached) * 1000) / 1000 : null;
    return { employerId: employer.id, academicYear: ay, ...impact, shareDisadvantaged: share };
  }
}
