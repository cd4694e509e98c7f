import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  canManagePupils,
  canSeePupils,
  Clock,
  collect,
  DomainError,
  isBlank,
  parseText,
  parseYearGroup,
  type Principal,
  pageSize,
} from '@tandem/domain';
import { AuditLog, isUuid, TenantDb, type Pupil, type School } from '@tandem/persistence';
import { decodeOpaqueCursor, encodeOpaqueCursor, toConnection, type Connection } from '@tandem/platform';
import { mustBeAllowed, requireTenant, updated } from '@tandem/features/shared';
import { SchoolRepository, SchoolsService } from '@tandem/features/schools';
import { pupilExportDocument, pupilExportFileName } from './pupil-export';
import { ERASED_FIELD_NAMES, erasureOf, forViewer, parseLeavingDate, parsePupilInput, type PupilFields } from './pupil-rules';
import type { PupilFilter } from './pupil.types';
import { PupilRepository, type ReferencePosition, type YearGroupCountRow } from './pupils.repository';

export interface PupilDataExport {
  pupilId: string;
  generatedAt: Date;
  fileName: string;
  json: string;
}

/**
 * A page cursor names the last pupil by id only: the list is ordered by reference, but a cursor
 * carrying the reference (a UPN) would put it in URLs, logs and browser history (issue 14). The
 * reference is looked up again from the id, inside the school.
 */
const isPosition = (v: unknown): v is { i: string } =>
  typeof v === 'object' && v !== null && Object.keys(v).length === 1 && isUuid((v as { i?: unknown }).i);

/**
 * Pupils of a school. Children's data, so: scope first (employer contacts and platform admins never
 * see pupils; coordinators see but do not manage, and do not see names or dates of birth), every
 * read written to the audit log (ids only, one statement per page), nothing half-written.
 */
@Injectable()
export class PupilsService {
  constructor(
    private readonly clock: Clock,
    private readonly db: TenantDb,
    private readonly pupils: PupilRepository,
    private readonly schools: SchoolsService,
    private readonly schoolRows: SchoolRepository,
  ) {}

  /** A school whose pupils the caller may see: NOT_FOUND when the school is out of sight, FORBIDDEN when only the school is. */
  async schoolForViewing(p: Principal, schoolId: string, field: string): Promise<School> {
    const school = await this.schools.get(p, schoolId, field);
    mustBeAllowed(canSeePupils(p, school), "see this school's pupils");
    return school;
  }

  /** A school whose pupils the caller may add, change and import; not an archived one. */
  async schoolForManaging(p: Principal, schoolId: unknown, field: string): Promise<School> {
    const school = await this.schools.get(p, typeof schoolId === 'string' ? schoolId : '', field);
    mustBeAllowed(canManagePupils(p, school), "manage this school's pupils");
    if (school.archivedAt) throw new DomainError('CONFLICT', 'This school is archived: its pupils can no longer be changed', field);
    return school;
  }

  async list(
    p: Principal,
    schoolId: string,
    filter: PupilFilter | null | undefined,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<Connection<Pupil>> {
    requireTenant(p);
    return this.db.transaction(async (em) => {
      const school = await this.schoolForViewing(p, schoolId, 'schoolId');
      const f = filter ?? {};
      const size = pageSize(first);
      const c = collect();
      const yearGroup = isBlank(f.yearGroup) ? undefined : c.run(() => parseYearGroup(f.yearGroup, 'filter.yearGroup'));
      const search = isBlank(f.search) ? undefined : c.run(() => parseText(f.search, 'filter.search', 50));
      const cursor = after ? c.run(() => decodeOpaqueCursor(after, isPosition)) : undefined;
      c.throwIfAny();
      const last = cursor ? await this.pupils.findById(cursor.i) : null;
      if (cursor && (!last || last.schoolId !== school.id))
        throw DomainError.invalid('after', 'INVALID_CURSOR', 'after is not a valid cursor: use a cursor from a previous page');
      const position: ReferencePosition | null = last ? { reference: last.reference, id: last.id } : null;
      const today = this.clock.today();
      const { rows, total } = await this.pupils.list(
        school.id,
        {
          yearGroup,
          search,
          disadvantaged: f.disadvantaged ?? undefined,
          send: f.send ?? undefined,
          careExperienced: f.careExperienced ?? undefined,
          atRisk: f.atRisk ?? undefined,
          includeLeavers: f.includeLeavers === true,
          today,
        },
        size + 1,
        position,
      );
      const mayManage = canManagePupils(p, school);
      const connection = toConnection(
        rows.map((r) => forViewer(r, mayManage)),
        size,
        (r) => encodeOpaqueCursor({ i: r.id }),
        total,
      );
      await AuditLog.recordMany(
        em,
        connection.nodes.map((n) => ({ action: 'pupil.listed', entityType: 'pupil', entityId: n.id })),
      );
      return connection;
    });
  }

  async get(p: Principal, id: string): Promise<Pupil> {
    requireTenant(p);
    return this.db.transaction(async (em) => {
      const { pupil, school } = await this.visible(p, id);
      await AuditLog.record(em, { action: 'pupil.viewed', entityType: 'pupil', entityId: pupil.id });
      return forViewer(pupil, canManagePupils(p, school));
    });
  }

  async create(p: Principal, input: Record<string, unknown>): Promise<Pupil> {
    requireTenant(p);
    return this.db.transaction(async (em) => {
      const school = await this.schoolForManaging(p, input['schoolId'], 'input.schoolId');
      const values = parsePupilInput(input, 'create', ruleContext(school, this.clock.today())) as PupilFields;
      await this.refuseTakenReference(school.id, values.reference);
      const pupil = await this.pupils.insert({ ...values, schoolId: school.id });
      await AuditLog.record(em, { action: 'pupil.created', entityType: 'pupil', entityId: pupil.id, detail: { schoolId: school.id } });
      return pupil;
    });
  }

  async update(p: Principal, id: string, input: Record<string, unknown>): Promise<Pupil> {
    requireTenant(p);
    return this.db.transaction(async (em) => {
      const { pupil, school } = await this.changeable(p, id, 'change this pupil');
      const patch = parsePupilInput(input, 'update', ruleContext(school, this.clock.today()), pupil);
      if (patch.reference === pupil.reference) delete patch.reference;
      if (patch.reference) await this.refuseTakenReference(school.id, patch.reference);
      const fields = Object.keys(patch);
      if (!fields.length) return pupil;
      const result = updated(await this.pupils.update(pupil.id, patch));
      await AuditLog.record(em, { action: 'pupil.updated', entityType: 'pupil', entityId: pupil.id, detail: { fields } });
      return result;
    });
  }

  /** Sets the last day on roll (a later call moves it). */
  async markLeft(p: Principal, id: string, onDate: unknown): Promise<Pupil> {
    requireTenant(p);
    return this.db.transaction(async (em) => {
      const { pupil } = await this.changeable(p, id, 'mark this pupil as left');
      const onRollTo = parseLeavingDate(onDate, pupil.onRollFrom);
      const result = updated(await this.pupils.update(pupil.id, { onRollTo }));
      await AuditLog.record(em, { action: 'pupil.left', entityType: 'pupil', entityId: pupil.id, detail: { fields: ['onRollTo'] } });
      return result;
    });
  }

  /**
   * Erasure (right to erasure): clears the personal fields for good and keeps an anonymous row so
   * counts already reported stay true. Irreversible; audited; a second call changes nothing.
   */
  async erase(p: Principal, id: string): Promise<Pupil> {
    requireTenant(p);
    return this.db.transaction(async (em) => {
      const { pupil, school } = await this.visible(p, id);
      mustBeAllowed(canManagePupils(p, school), "erase this pupil's data");
      if (pupil.erasedAt) return pupil;
      const erased = erasureOf(pupil, randomBytes(16).toString('hex'), this.clock.now());
      const result = updated(await this.pupils.update(pupil.id, erased));
      await this.pupils.redactImportErrors(school.id, pupil.reference);
      await this.pupils.anonymiseDerived(pupil.id);
      await AuditLog.record(em, {
        action: 'pupil.erased',
        entityType: 'pupil',
        entityId: pupil.id,
        detail: { schoolId: school.id, fields: [...ERASED_FIELD_NAMES] },
      });
      return result;
    });
  }

  /** A subject-access export, for those who manage the school's pupils (the school answers such requests). */
  async exportData(p: Principal, id: string): Promise<PupilDataExport> {
    requireTenant(p);
    return this.db.transaction(async (em) => {
      const { pupil, school } = await this.visible(p, id);
      mustBeAllowed(canManagePupils(p, school), "export this pupil's data");
      await AuditLog.record(em, { action: 'pupil.exported', entityType: 'pupil', entityId: pupil.id });
      const generatedAt = this.clock.now();
      const related = await this.pupils.related(pupil.id, pupil.reference, school.id);
      const document = pupilExportDocument({ pupil, school, accessLog: await this.pupils.accessLog(pupil.id), related, generatedAt });
      return {
        pupilId: pupil.id,
        generatedAt,
        fileName: pupilExportFileName(pupil.id, school.urn),
        json: JSON.stringify(document, null, 2),
      };
    });
  }

  /** Year groups today of pupils already read (for a DataLoader; callers have checked scope). */
  yearGroupsToday(pupilIds: readonly string[]): Promise<Array<{ pupilId: string; yearGroup: number }>> {
    return this.pupils.yearGroupsOn(pupilIds, this.clock.today());
  }

  /** Pupil counts per school and year group (for a DataLoader; callers have checked scope). */
  countsBySchool(schoolIds: readonly string[]): Promise<YearGroupCountRow[]> {
    return this.pupils.countsBySchool(schoolIds, this.clock.today());
  }

  // ── helpers ───────────────────────────────────────────────────────────────

  /** The pupil and its school when the caller may see the school's pupils; NOT_FOUND otherwise. */
  private async visible(p: Principal, id: string): Promise<{ pupil: Pupil; school: School }> {
    requireTenant(p);
    const pupil = await this.pupils.findById(id);
    const school = pupil ? await this.schoolRows.findById(pupil.schoolId) : null;
    if (!pupil || !school || !canSeePupils(p, school)) throw DomainError.notFound('Pupil', 'id');
    return { pupil, school };
  }

  /** A pupil the caller may manage, not erased, in a school that is not archived. */
  private async changeable(p: Principal, id: string, what: string): Promise<{ pupil: Pupil; school: School }> {
    const found = await this.visible(p, id);
    mustBeAllowed(canManagePupils(p, found.school), what);
    if (found.pupil.erasedAt) throw new DomainError('CONFLICT', "This pupil's data were erased: the record can no longer be changed", 'id');
    if (found.school.archivedAt) throw new DomainError('CONFLICT', 'This school is archived: its pupils can no longer be changed', 'id');
    return found;
  }

  private async refuseTakenReference(schoolId: string, reference: string): Promise<void> {
    if (await this.pupils.findByReference(schoolId, reference)) {
      throw new DomainError(
        'ALREADY_EXISTS',
        `This school already has a pupil with the reference ${JSON.stringify(reference)}`,
        'input.reference',
      );
    }
  }
}

function ruleContext(school: School, today: string): { lowestYearGroup: number; highestYearGroup: number; today: string } {
  return { lowestYearGroup: school.lowestYearGroup, highestYearGroup: school.highestYearGroup, today };
}
