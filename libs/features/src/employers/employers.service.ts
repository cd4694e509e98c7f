import { Injectable } from '@nestjs/common';
import {
  type CalendarDate,
  canCreateEmployer,
  canDeclareVetting,
  canEditEmployer,
  canRecordVettingOutcome,
  canSeeEmployer,
  canSeeVetting,
  Clock,
  DomainError,
  isBlank,
  parseEnum,
  parseIsoDate,
  parseText,
  type Principal,
  reachOf,
  SECTORS,
  SIZE_BANDS,
  pageSize,
} from '@tandem/domain';
import { AuditLog, TenantDb, type Employer, type EmployerContact, type VettingCheck } from '@tandem/persistence';
import { type Connection } from '@tandem/platform';
import { connectionOf, mustBeAllowed, requireTenant, updated, visibleOrNotFound } from '@tandem/features/shared';
import { parseContactInput, parseEmployerInput, parseVettingCheckInput, vettingStatusOn, type VettingStatusOn } from './employer-rules';
import type { EmployerFilter } from './employer.types';
import { EmployerContactRepository, EmployerRepository, VettingCheckRepository } from './employers.repository';

@Injectable()
export class EmployersService {
  constructor(
    private readonly clock: Clock,
    private readonly db: TenantDb,
    private readonly employers: EmployerRepository,
    private readonly contacts: EmployerContactRepository,
    private readonly vetting: VettingCheckRepository,
  ) {}

  // ── employers ─────────────────────────────────────────────────────────────

  /** The employer if the caller may see it; NOT_FOUND (naming `field`) otherwise. */
  async get(p: Principal, id: string, field = 'id'): Promise<Employer> {
    requireTenant(p);
    return visibleOrNotFound(await this.employers.findById(id), (e) => canSeeEmployer(p, e), 'Employer', field);
  }

  /** Employers by id for a DataLoader (null where absent); callers have already checked scope. */
  async byIds(ids: readonly string[]): Promise<Employer[]> {
    return this.employers.findByIds(ids);
  }

  async list(
    p: Principal,
    filter: EmployerFilter | null | undefined,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<Connection<Employer>> {
    requireTenant(p);
    const f = filter ?? {};
    const size = pageSize(first);
    const sector = isBlank(f.sector) ? undefined : parseEnum(f.sector, SECTORS, 'filter.sector');
    const sizeBand = isBlank(f.sizeBand) ? undefined : parseEnum(f.sizeBand, SIZE_BANDS, 'filter.sizeBand');
    const search = isBlank(f.search) ? undefined : parseText(f.search, 'filter.search', 200);
    const vetting = isBlank(f.vettingStatus)
      ? undefined
      : parseEnum(f.vettingStatus, ['vetted', 'not_vetted'] as const, 'filter.vettingStatus');
    const vettingOn = isBlank(f.vettingOn) ? this.clock.today() : parseIsoDate(f.vettingOn, 'filter.vettingOn');
    const { page, total } = await this.employers.list(
      reachOf(p, 'viewEmployer'),
      {
        sector,
        sizeBand,
        search,
        vetted: vetting === undefined ? undefined : vetting === 'vetted',
        vettingOn,
        includeArchived: f.includeArchived === true,
      },
      { first: size, after },
    );
    return connectionOf(page, total);
  }

  async create(p: Principal, input: Record<string, unknown>): Promise<Employer> {
    requireTenant(p);
    mustBeAllowed(canCreateEmployer(p), 'create employers');
    const values = parseEmployerInput(input, 'create');
    return this.db.transaction(async (em) => {
      const employer = await this.employers.insert(values);
      await AuditLog.record(em, { action: 'employer.created', entityType: 'employer', entityId: employer.id });
      return employer;
    });
  }

  async update(p: Principal, id: string, input: Record<string, unknown>): Promise<Employer> {
    return this.db.transaction(async () => {
      const employer = await this.get(p, id);
      mustBeAllowed(canEditEmployer(p, employer), 'change this employer');
      const patch = parseEmployerInput(input, 'update');
      if (!Object.keys(patch).length) return employer;
      return updated(await this.employers.update(employer.id, patch));
    });
  }

  /** Archive is the reverse of create: hub admins and coordinators, not the employer itself. */
  async archive(p: Principal, id: string): Promise<Employer> {
    return this.db.transaction(async (em) => {
      const employer = await this.get(p, id);
      mustBeAllowed(canCreateEmployer(p), 'archive employers');
      if (employer.archivedAt) return employer;
      await AuditLog.record(em, { action: 'employer.archived', entityType: 'employer', entityId: employer.id });
      return updated(await this.employers.update(employer.id, { archivedAt: this.clock.now() }));
    });
  }

  // ── contacts ──────────────────────────────────────────────────────────────

  contactsFor(employerIds: readonly string[], includeArchived: boolean): Promise<EmployerContact[]> {
    return this.contacts.forEmployers(employerIds, includeArchived);
  }

  async addContact(p: Principal, employerId: string, input: Record<string, unknown>): Promise<EmployerContact> {
    return this.db.transaction(async () => {
      const employer = await this.get(p, employerId, 'employerId');
      mustBeAllowed(canEditEmployer(p, employer), "change this employer's contacts");
      const values = parseContactInput(input, 'create', this.clock.today());
      if (values.email) await this.refuseDuplicateEmail(employer.id, values.email);
      return this.contacts.insert({ ...values, employerId: employer.id });
    });
  }

  async updateContact(p: Principal, id: string, input: Record<string, unknown>): Promise<EmployerContact> {
    return this.db.transaction(async () => {
      const contact = await this.visibleContact(p, id);
      const patch = parseContactInput(input, 'update', this.clock.today(), contact);
      if (patch.email && patch.email !== contact.email.toLowerCase()) await this.refuseDuplicateEmail(contact.employerId, patch.email);
      if (!Object.keys(patch).length) return contact;
      return updated(await this.contacts.update(contact.id, patch));
    });
  }

  async archiveContact(p: Principal, id: string): Promise<EmployerContact> {
    return this.db.transaction(async () => {
      const contact = await this.visibleContact(p, id);
      if (contact.archivedAt) return contact;
      return updated(await this.contacts.update(contact.id, { archivedAt: this.clock.now() }));
    });
  }

  /** A contact of an employer the caller may edit; NOT_FOUND when the employer is out of sight. */
  private async visibleContact(p: Principal, id: string): Promise<EmployerContact> {
    requireTenant(p);
    const contact = visibleOrNotFound(
      await this.contacts.findById(id),
      (c) => canSeeEmployer(p, { id: c.employerId }),
      'Employer contact',
      'id',
    );
    mustBeAllowed(canEditEmployer(p, { id: contact.employerId }), "change this employer's contacts");
    return contact;
  }

  private async refuseDuplicateEmail(employerId: string, email: string): Promise<void> {
    if (await this.contacts.findByEmail(employerId, email)) {
      throw new DomainError('ALREADY_EXISTS', `This employer already has a contact with the email ${email}`, 'input.email');
    }
  }

  // ── vetting ───────────────────────────────────────────────────────────────

  vettingChecksFor(employerIds: readonly string[], includeArchived: boolean): Promise<VettingCheck[]> {
    return this.vetting.forEmployers(employerIds, includeArchived);
  }

  /**
   * A vetting check. Only hub admins and coordinators record an outcome (passed/failed); an
   * employer's contacts may declare (`declared`, with their evidence reference), which never vets.
   * Every record keeps who recorded it and when.
   */
  async recordVettingCheck(p: Principal, employerId: string, input: Record<string, unknown>): Promise<VettingCheck> {
    return this.db.transaction(async (em) => {
      const employer = await this.get(p, employerId, 'employerId');
      const values = parseVettingCheckInput(input, this.clock.today());
      if (values.outcome === 'declared') mustBeAllowed(canDeclareVetting(p, employer), "declare this employer's vetting");
      else
        mustBeAllowed(
          canRecordVettingOutcome(p, employer),
          'record a vetting outcome (hub admins and coordinators do; an employer may declare)',
        );
      const check = await this.vetting.insert({
        ...values,
        employerId: employer.id,
        recordedByUserId: p.userId,
        recordedAt: this.clock.now(),
      });
      await AuditLog.record(em, {
        action: 'vetting.recorded',
        entityType: 'vetting_check',
        entityId: check.id,
        detail: { employerId: employer.id, kind: values.kind, outcome: values.outcome },
      });
      return check;
    });
  }

  async archiveVettingCheck(p: Principal, id: string): Promise<VettingCheck> {
    return this.db.transaction(async (em) => {
      requireTenant(p);
      const check = visibleOrNotFound(
        await this.vetting.findById(id),
        (c) => canSeeVetting(p, { id: c.employerId }),
        'Vetting check',
        'id',
      );
      const employer = { id: check.employerId };
      mustBeAllowed(
        check.outcome === 'declared' ? canDeclareVetting(p, employer) : canRecordVettingOutcome(p, employer),
        "change this employer's vetting",
      );
      if (check.archivedAt) return check;
      await AuditLog.record(em, { action: 'vetting.archived', entityType: 'vetting_check', entityId: check.id });
      return updated(await this.vetting.update(check.id, { archivedAt: this.clock.now() }));
    });
  }

  /** The status from already-loaded checks; details only for those who may see vetting. */
  vettingStatus(
    p: Principal,
    employer: Employer,
    checks: readonly VettingCheck[],
    onDate: CalendarDate | null | undefined,
  ): VettingStatusOn | (Omit<VettingStatusOn, 'missingKinds' | 'validUntil'> & { missingKinds: null; validUntil: null }) {
    const date = isBlank(onDate) ? this.clock.today() : parseIsoDate(onDate, 'onDate');
    const status = vettingStatusOn(checks, date);
    return canSeeVetting(p, employer) ? status : { onDate: status.onDate, vetted: status.vetted, missingKinds: null, validUntil: null };
  }
}
