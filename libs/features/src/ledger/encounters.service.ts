import { Injectable } from '@nestjs/common';
import { BookingsService } from '@tandem/features/bookings';
import {
  ACTIVITY_TYPES,
  type AttendanceCsvError,
  type BenchmarkPolicy,
  canSeePupils,
  Clock,
  collect,
  DomainError,
  ENCOUNTER_STATUSES,
  type FieldProblem,
  isBlank,
  isOnRollOn,
  parseAttendanceCsv,
  parseChecklist,
  parseEnum,
  parseIntegerInRange,
  type Principal,
  qualification,
  reachOf,
  pageSize,
} from '@tandem/domain';
import { AuditLog, isUuid, TenantDb, type Encounter, type School } from '@tandem/persistence';
import { type Connection } from '@tandem/platform';
import type { EntityManager } from 'typeorm';
import { connectionOf, updated, visibleOrNotFound } from '@tandem/features/shared';
import {
  ATTENDANCE_MODES,
  CSV_ERROR_MODES,
  parseEncounterInput,
  parseIdList,
  type AttendanceMode,
  type EmployerLine,
  type EncounterFields,
} from './encounter-rules';
import type { EncounterFilter } from './encounter.types';
import { EncounterRepository, type AttendeeRow, type EncounterEmployerRow } from './encounters.repository';
import { LedgerAccess } from './ledger-access';
import { LedgerEmployerRepository, LedgerPupilRepository, type RollEntry } from './ledger-lookups.repository';

export interface AttendanceOutcome {
  encounter: Encounter;
  added: number;
  removed: number;
  attendanceCount: number;
  errors: AttendanceCsvError[];
}

const fieldsOf = (e: Encounter): EncounterFields => ({
  occurredOn: e.occurredOn,
  activityType: e.activityType,
  format: e.format,
  title: e.title,
  yearGroups: e.yearGroups,
  durationMinutes: e.durationMinutes,
  status: e.status,
  headcountOnly: e.headcountOnly,
  headcount: e.headcount,
});

/**
 * Encounters a school logs, who attended, and the meaningful checklist. Everything is validated before
 * anything is written, and written in one transaction with its audit entry; the database then brings
 * the benchmark ledger up to date in that same transaction.
 */
@Injectable()
export class EncountersService {
  constructor(
    private readonly clock: Clock,
    private readonly db: TenantDb,
    private readonly encounters: EncounterRepository,
    private readonly employers: LedgerEmployerRepository,
    private readonly pupils: LedgerPupilRepository,
    private readonly access: LedgerAccess,
    private readonly bookings: BookingsService,
  ) {}

  /** The encounter and its school, when the caller may see the school's coverage; NOT_FOUND otherwise. */
  async getWithSchool(p: Principal, id: string, field = 'id'): Promise<{ encounter: Encounter; school: School }> {
    this.access.requireReach(p, 'viewCoverage', 'see encounters');
    const encounter = visibleOrNotFound(await this.encounters.findById(id), () => true, 'Encounter', field);
    const school = await this.access.school(p, encounter.schoolId, field).catch(() => {
      throw DomainError.notFound('Encounter', field);
    });
    return { encounter, school };
  }

  async get(p: Principal, id: string): Promise<Encounter> {
    return (await this.getWithSchool(p, id)).encounter;
  }

  async list(
    p: Principal,
    filter: EncounterFilter | null | undefined,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<Connection<Encounter>> {
    this.access.requireReach(p, 'viewCoverage', 'see encounters');
    const f = filter ?? {};
    const c = collect();
    const academicYear = isBlank(f.academicYear)
      ? undefined
      : c.run(() => parseIntegerInRange(f.academicYear, 'filter.academicYear', 2000, 2100));
    const activityType = isBlank(f.activityType)
      ? undefined
      : c.run(() => parseEnum(f.activityType, ACTIVITY_TYPES, 'filter.activityType'));
    const status = isBlank(f.status) ? undefined : c.run(() => parseEnum(f.status, ENCOUNTER_STATUSES, 'filter.status'));
    // An id that is not a UUID matches nothing (as an unknown one does).
    const bookingId = isBlank(f.bookingId)
      ? undefined
      : isUuid(f.bookingId)
        ? (f.bookingId as string)
        : '00000000-0000-0000-0000-000000000000';
    const size = c.run(() => pageSize(first));
    c.throwIfAny();
    const schoolId = isBlank(f.schoolId) ? undefined : (await this.access.school(p, f.schoolId, 'filter.schoolId')).id;
    const { page, total } = await this.encounters.list(
      reachOf(p, 'viewCoverage'),
      { schoolId, academicYear, activityType, status, bookingId },
      { first: size, after },
    );
    return connectionOf(page, total);
  }

  async log(p: Principal, input: Record<string, unknown>): Promise<Encounter> {
    return this.db.transaction(async (em) => {
      const school = await this.access.schoolToRecord(p, input['schoolId'], 'input.schoolId');
      const parsed = parseEncounterInput(input, 'create', {
        lowestYearGroup: school.lowestYearGroup,
        highestYearGroup: school.highestYearGroup,
        today: this.clock.today(),
      });
      const fields = parsed.fields as EncounterFields;
      await this.refuseUnknownEmployers(parsed.employers ?? []);
      await this.refuseOversizedHeadcount(school, fields);
      const pupilIds = parsed.pupilIds ?? [];
      this.throwRollProblems(await this.rollProblems(school, fields.occurredOn, pupilIds, (i) => `input.pupilIds[${i}]`));

      const encounter = await this.encounters.insert({
        ...fields,
        schoolId: school.id,
        checklist: parsed.checklist ?? [],
        checklistRecordedAt: parsed.checklist ? this.clock.now() : null,
        attendanceRecordedAt: pupilIds.length || fields.headcountOnly ? this.clock.now() : null,
        createdByUserId: p.userId,
      });
      await this.encounters.replaceEmployers(encounter.id, parsed.employers ?? []);
      await this.encounters.addAttendance(encounter, pupilIds);
      await AuditLog.record(em, {
        action: 'encounter.logged',
        entityType: 'encounter',
        entityId: encounter.id,
        detail: { schoolId: school.id, attendance: pupilIds, checklist: parsed.checklist ?? [], headcount: fields.headcount },
      });
      return encounter;
    });
  }

  async update(p: Principal, id: string, input: Record<string, unknown>): Promise<Encounter> {
    return this.db.transaction(async (em) => {
      const { encounter, school } = await this.editable(p, id);
      const parsed = parseEncounterInput(input, 'update', {
        lowestYearGroup: school.lowestYearGroup,
        highestYearGroup: school.highestYearGroup,
        today: this.clock.today(),
        current: fieldsOf(encounter),
      });
      const next = { ...fieldsOf(encounter), ...parsed.fields };
      if (next.headcountOnly && !encounter.headcountOnly && (await this.encounters.attendeeIds(encounter.id)).length) {
        throw new DomainError(
          'CONFLICT',
          'input.headcountOnly cannot be set while pupils are recorded as attending: remove the attendance first',
          'input.headcountOnly',
        );
      }
      if (parsed.employers) await this.refuseUnknownEmployers(parsed.employers);
      if (parsed.fields.headcount !== undefined || parsed.fields.yearGroups || parsed.fields.occurredOn)
        await this.refuseOversizedHeadcount(school, next);
      const changed = Object.keys(parsed.fields).filter(
        (k) =>
          JSON.stringify((parsed.fields as Record<string, unknown>)[k]) !==
          JSON.stringify((fieldsOf(encounter) as unknown as Record<string, unknown>)[k]),
      );
      if (parsed.employers) await this.encounters.replaceEmployers(encounter.id, parsed.employers);
      if (!changed.length && !parsed.employers) return encounter;
      await AuditLog.record(em, {
        action: 'encounter.updated',
        entityType: 'encounter',
        entityId: encounter.id,
        detail: { fields: [...changed, ...(parsed.employers ? ['employers'] : [])] },
      });
      return changed.length ? updated(await this.encounters.update(encounter.id, parsed.fields)) : encounter;
    });
  }

  /** Attendance by pupil ids: the whole list (replace), or pupils to add or remove. */
  async recordAttendance(p: Principal, encounterId: string, input: { pupilIds?: unknown; mode?: unknown }): Promise<AttendanceOutcome> {
    return this.db.transaction(async (em) => {
      const { encounter, school } = await this.editable(p, encounterId, 'encounterId');
      const c = collect();
      const mode = isBlank(input.mode) ? 'replace' : c.run(() => parseEnum(input.mode, ATTENDANCE_MODES, 'input.mode'));
      const ids = c.run(() => parseIdList(input.pupilIds, 'input.pupilIds', 'NOT_ON_ROLL', 'a pupil id'));
      c.throwIfAny();
      this.refuseAttendanceFor(encounter);
      const current = new Set(await this.encounters.attendeeIds(encounter.id));
      const { add, remove } = this.plan(mode as AttendanceMode, current, ids as string[]);
      const byId = new Map((ids as string[]).map((id, i) => [id, i]));
      this.throwRollProblems(await this.rollProblems(school, encounter.occurredOn, add, (i) => `input.pupilIds[${byId.get(add[i]) ?? i}]`));
      return this.applyAttendance(p, em, encounter, current, add, remove, 'list', []);
    });
  }

  /** Attendance from a CSV of pupil references; bad lines are reported by line number. */
  async recordAttendanceCsv(
    p: Principal,
    encounterId: string,
    input: { csv?: unknown; mode?: unknown; onError?: unknown },
  ): Promise<AttendanceOutcome> {
    return this.db.transaction(async (em) => {
      const { encounter, school } = await this.editable(p, encounterId, 'encounterId');
      const c = collect();
      const mode = isBlank(input.mode) ? 'replace' : c.run(() => parseEnum(input.mode, ['replace', 'add'] as const, 'input.mode'));
      const onError = isBlank(input.onError) ? 'all_or_nothing' : c.run(() => parseEnum(input.onError, CSV_ERROR_MODES, 'input.onError'));
      if (typeof input.csv !== 'string' || input.csv.trim() === '')
        c.add('input.csv', 'REQUIRED', 'input.csv is required: paste the CSV text');
      c.throwIfAny();
      this.refuseAttendanceFor(encounter);
      const parsed = parseAttendanceCsv(input.csv as string);
      const errors: AttendanceCsvError[] = [...parsed.errors];
      const roll = new Map(
        (
          await this.pupils.rollByReferences(
            school.id,
            parsed.rows.map((r) => r.reference),
          )
        ).map((e) => [e.reference, e]),
      );
      const ids: string[] = [];
      for (const row of parsed.rows) {
        const entry = roll.get(row.reference);
        const problem = this.rollProblem(school, encounter.occurredOn, entry, `reference "${row.reference}"`);
        if (problem) errors.push({ line: row.line, field: 'reference', code: 'NOT_ON_ROLL', message: `line ${row.line}: ${problem}` });
        else if (entry) ids.push(entry.id);
      }
      errors.sort((a, b) => a.line - b.line);
      const fileBroken = errors.some((e) => e.field === 'file');
      if (errors.length && (onError === 'all_or_nothing' || fileBroken)) {
        throw DomainError.fromProblems(errors.map((e): FieldProblem => ({ field: 'input.csv', code: e.code, message: e.message })));
      }
      const current = new Set(await this.encounters.attendeeIds(encounter.id));
      const { add, remove } = this.plan(mode as AttendanceMode, current, ids);
      return this.applyAttendance(p, em, encounter, current, add, remove, 'csv', errors);
    });
  }

  async setChecklist(p: Principal, encounterId: string, criteria: unknown): Promise<Encounter> {
    return this.db.transaction(async (em) => {
      const { encounter } = await this.editable(p, encounterId, 'encounterId');
      const checklist = parseChecklist(criteria, 'criteria');
      await AuditLog.record(em, {
        action: 'encounter.checklist_set',
        entityType: 'encounter',
        entityId: encounter.id,
        detail: { before: encounter.checklist, after: checklist },
      });
      return updated(await this.encounters.update(encounter.id, { checklist, checklistRecordedAt: this.clock.now() }));
    });
  }

  // ── reads for field resolvers (the parent is already in scope) ────────────

  attendanceCounts(ids: readonly string[]): Promise<Map<string, number>> {
    return this.encounters.attendanceCounts(ids);
  }

  employersOf(ids: readonly string[]): Promise<EncounterEmployerRow[]> {
    return this.encounters.employersOf(ids);
  }

  /** Who attended: pupil data, so only for those who may see the school's pupils, and audited. */
  async attendees(p: Principal, encounter: Encounter): Promise<AttendeeRow[] | null> {
    const { school } = await this.getWithSchool(p, encounter.id);
    if (!canSeePupils(p, school)) return null;
    return this.db.transaction(async (em) => {
      const rows = await this.encounters.attendees([encounter.id]);
      await AuditLog.recordMany(
        em,
        rows.map((r) => ({
          action: 'pupil.listed',
          entityType: 'pupil',
          entityId: r.pupilId,
          detail: { purpose: 'encounter_attendance', encounterId: encounter.id },
        })),
      );
      return rows;
    });
  }

  /** Whether the encounter counts for each benchmark under the hub's policy, and why not. */
  benchmarks(encounter: Encounter, policy: BenchmarkPolicy): Array<{ benchmark: number; counts: boolean; reasons: string[] }> {
    return policy.benchmarks.map((rule) => {
      if (encounter.headcountOnly)
        return { benchmark: rule.benchmark, counts: false, reasons: ['recorded as a headcount only, not pupil by pupil'] };
      if (encounter.status !== 'delivered')
        return { benchmark: rule.benchmark, counts: false, reasons: [`${encounter.status}, not delivered`] };
      const q = qualification(rule, {
        activityType: encounter.activityType,
        format: encounter.format,
        checklist: parseChecklist(encounter.checklist),
      });
      return { benchmark: rule.benchmark, counts: q.counts, reasons: q.reasons };
    });
  }

  // ── helpers ───────────────────────────────────────────────────────────────

  /** An encounter the caller may change (record encounters for its school). */
  private async editable(p: Principal, id: string, field = 'id'): Promise<{ encounter: Encounter; school: School }> {
    const found = await this.getWithSchool(p, id, field);
    await this.access.schoolToRecord(p, found.school.id, field).catch((e: unknown) => {
      if (e instanceof DomainError && e.code === 'NOT_FOUND') throw DomainError.notFound('Encounter', field);
      throw e;
    });
    return found;
  }

  private refuseAttendanceFor(encounter: Encounter): void {
    if (encounter.headcountOnly)
      throw new DomainError('CONFLICT', 'This encounter is headcount-only: it has a headcount, not an attendance list', 'encounterId');
    if (encounter.status !== 'delivered')
      throw new DomainError(
        'CONFLICT',
        `Attendance can be recorded once the encounter is delivered (it is ${encounter.status})`,
        'encounterId',
      );
  }

  private plan(mode: AttendanceMode, current: ReadonlySet<string>, ids: readonly string[]): { add: string[]; remove: string[] } {
    const wanted = new Set(ids);
    if (mode === 'add') return { add: ids.filter((id) => !current.has(id)), remove: [] };
    if (mode === 'remove') return { add: [], remove: ids.filter((id) => current.has(id)) };
    return { add: ids.filter((id) => !current.has(id)), remove: [...current].filter((id) => !wanted.has(id)) };
  }

  private async applyAttendance(
    p: Principal,
    em: EntityManager,
    encounter: Encounter,
    current: ReadonlySet<string>,
    add: string[],
    remove: string[],
    source: 'list' | 'csv',
    errors: AttendanceCsvError[],
  ): Promise<AttendanceOutcome> {
    await this.encounters.removeAttendance(encounter.id, remove);
    await this.encounters.addAttendance(encounter, add);
    const after = updated(await this.encounters.update(encounter.id, { attendanceRecordedAt: this.clock.now() }));
    await AuditLog.record(em, {
      action: 'encounter.attendance_recorded',
      entityType: 'encounter',
      entityId: encounter.id,
      detail: { source, added: add, removed: remove },
    });
    // Attendance on a booking's encounter moves the booking from delivered to recorded (same transaction).
    if (after.bookingId) await this.bookings.markRecorded(p, after.bookingId);
    return {
      encounter: after,
      added: add.length,
      removed: remove.length,
      attendanceCount: current.size + add.length - remove.length,
      errors,
    };
  }

  private async refuseUnknownEmployers(lines: readonly EmployerLine[]): Promise<void> {
    if (!lines.length) return;
    const found = new Set((await this.employers.findByIds(lines.map((l) => l.employerId))).filter((e) => !e.archivedAt).map((e) => e.id));
    const c = collect();
    lines.forEach((l, i) => {
      if (!found.has(l.employerId)) c.add(`input.employers[${i}].employerId`, 'NOT_FOUND', 'Employer not found');
    });
    c.throwIfAny();
  }

  /** A headcount can be no larger than the pupils on roll in those year groups on the day. */
  private async refuseOversizedHeadcount(school: School, e: EncounterFields): Promise<void> {
    if (!e.headcountOnly || e.headcount === null || e.headcount === undefined) return;
    const size = await this.pupils.yearGroupSize(school.id, e.occurredOn, e.yearGroups);
    if (e.headcount > size) {
      const years = e.yearGroups.length === 1 ? `Year ${e.yearGroups[0]}` : `Years ${e.yearGroups.join(', ')}`;
      throw DomainError.invalid(
        'input.headcount',
        'INVALID_NUMBER',
        `input.headcount ${e.headcount} is larger than ${years} at ${school.name} on ${e.occurredOn} (${size} pupils on roll)`,
      );
    }
  }

  /** Why a pupil cannot attend this school's encounter on this day, or null when they can. */
  private rollProblem(school: School, date: string, entry: RollEntry | undefined, who: string): string | null {
    if (!entry || !entry.live || entry.schoolId !== school.id) return `${who} is not a pupil of ${school.name}`;
    if (!isOnRollOn({ from: entry.onRollFrom, to: entry.onRollTo }, date)) {
      return `${who} was not on the roll of ${school.name} on ${date} (on roll ${entry.onRollFrom} to ${entry.onRollTo ?? 'now'})`;
    }
    return null;
  }

  private async rollProblems(
    school: School,
    date: string,
    pupilIds: readonly string[],
    fieldOf: (i: number) => string,
  ): Promise<FieldProblem[]> {
    if (!pupilIds.length) return [];
    const roll = new Map((await this.pupils.rollByIds(pupilIds)).map((e) => [e.id, e]));
    const problems: FieldProblem[] = [];
    pupilIds.forEach((id, i) => {
      const problem = this.rollProblem(school, date, roll.get(id), `${fieldOf(i)} (${id})`);
      if (problem) problems.push({ field: fieldOf(i), code: 'NOT_ON_ROLL', message: problem });
    });
    return problems;
  }

  private throwRollProblems(problems: FieldProblem[]): void {
    if (problems.length) throw DomainError.fromProblems(problems);
  }
}
