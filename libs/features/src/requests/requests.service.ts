import { Injectable } from '@nestjs/common';
import {
  ACTIVITY_TYPES,
  canEditRequest,
  canSeeRequest,
  Clock,
  collect,
  DomainError,
  isBlank,
  parseEnum,
  parseYearGroup,
  type Principal,
  reachOf,
  REQUEST_STATUSES,
  pageSize,
} from '@tandem/domain';
import { AuditLog, isUuid, TenantDb, type EncounterRequest, type RequestWindow, type School } from '@tandem/persistence';
import { type Connection } from '@tandem/platform';
import { connectionOf, mustBeAllowed, parseDayRangeFilter, requireTenant, updated, visibleOrNotFound } from '@tandem/features/shared';
import { parseRequestInput, type RequestFields } from './request-rules';
import type { RequestFilter } from './request.types';
import { SchoolRepository } from '@tandem/features/schools';
import { RequestRepository, RequestWindowRepository } from './requests.repository';

@Injectable()
export class RequestsService {
  constructor(
    private readonly clock: Clock,
    private readonly db: TenantDb,
    private readonly requests: RequestRepository,
    private readonly windows: RequestWindowRepository,
    private readonly schools: SchoolRepository,
  ) {}

  /** The request if the caller may see it (its school in their scope); NOT_FOUND otherwise. */
  async get(p: Principal, id: string, field = 'id'): Promise<EncounterRequest> {
    return (await this.getWithSchool(p, id, field)).request;
  }

  /** The request and its school, when the school is in the caller's scope; NOT_FOUND otherwise. */
  private async getWithSchool(p: Principal, id: string, field = 'id'): Promise<{ request: EncounterRequest; school: School }> {
    requireTenant(p);
    const request = visibleOrNotFound(await this.requests.findById(id), () => true, 'Request', field);
    const school = visibleOrNotFound(
      await this.schools.findById(request.schoolId),
      (s) => canSeeRequest(p, { schoolId: s.id, clusterId: s.clusterId }),
      'Request',
      field,
    );
    return { request, school };
  }

  async list(
    p: Principal,
    filter: RequestFilter | null | undefined,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<Connection<EncounterRequest>> {
    requireTenant(p);
    const scope = reachOf(p, 'viewRequest');
    // Employer contacts (and anyone else without reach) never list schools' requests.
    if (scope.kind === 'none') throw new DomainError('FORBIDDEN', "You may not see schools' requests");
    const f = filter ?? {};
    const size = pageSize(first);
    const c = collect();
    const activityType = isBlank(f.activityType)
      ? undefined
      : c.run(() => parseEnum(f.activityType, ACTIVITY_TYPES, 'filter.activityType'));
    const status = isBlank(f.status) ? undefined : c.run(() => parseEnum(f.status, REQUEST_STATUSES, 'filter.status'));
    const yearGroup = isBlank(f.yearGroup) ? undefined : c.run(() => parseYearGroup(f.yearGroup, 'filter.yearGroup'));
    const range = c.run(() => parseDayRangeFilter(f.dateFrom, f.dateTo));
    for (const key of ['clusterId', 'schoolId'] as const) {
      if (!isBlank(f[key]) && !isUuid(f[key]))
        c.add(`filter.${key}`, 'NOT_FOUND', `${key === 'clusterId' ? 'Cluster' : 'School'} not found`);
    }
    c.throwIfAny();
    const { page, total } = await this.requests.list(
      scope,
      {
        activityType,
        status,
        yearGroup,
        clusterId: f.clusterId ?? undefined,
        schoolId: f.schoolId ?? undefined,
        ...range,
        includeArchived: f.includeArchived === true,
      },
      { first: size, after },
    );
    return connectionOf(page, total);
  }

  async create(p: Principal, input: Record<string, unknown>): Promise<EncounterRequest> {
    return this.db.transaction(async (em) => {
      const school = await this.visibleSchool(p, input['schoolId']);
      mustBeAllowed(canEditRequest(p, { schoolId: school.id, clusterId: school.clusterId }), 'make requests for this school');
      const parsed = parseRequestInput(
        input,
        'create',
        { lowest: school.lowestYearGroup, highest: school.highestYearGroup },
        this.clock.now(),
        this.clock.today(),
      );
      const request = await this.requests.insert({ ...(parsed.fields as RequestFields), schoolId: school.id, createdByUserId: p.userId });
      for (const w of parsed.windows ?? []) await this.windows.insert({ ...w, requestId: request.id });
      await AuditLog.record(em, {
        action: 'request.created',
        entityType: 'request',
        entityId: request.id,
        detail: { schoolId: school.id },
      });
      return request;
    });
  }

  async update(p: Principal, id: string, input: Record<string, unknown>): Promise<EncounterRequest> {
    return this.db.transaction(async () => {
      const { request, school } = await this.editableOpen(p, id);
      const parsed = parseRequestInput(
        input,
        'update',
        { lowest: school.lowestYearGroup, highest: school.highestYearGroup },
        this.clock.now(),
        this.clock.today(),
      );
      if (parsed.windows) {
        await this.windows.removeForRequest(request.id);
        for (const w of parsed.windows) await this.windows.insert({ ...w, requestId: request.id });
      }
      if (!Object.keys(parsed.fields).length) return request;
      return updated(await this.requests.update(request.id, parsed.fields));
    });
  }

  /** Cancel = status cancelled and archived (kept for the record, out of lists). */
  async cancel(p: Principal, id: string): Promise<EncounterRequest> {
    return this.db.transaction(async (em) => {
      const { request } = await this.editableOpen(p, id);
      await AuditLog.record(em, { action: 'request.cancelled', entityType: 'request', entityId: request.id });
      return updated(await this.requests.update(request.id, { status: 'cancelled', archivedAt: this.clock.now() }));
    });
  }

  windowsFor(requestIds: readonly string[]): Promise<RequestWindow[]> {
    return this.windows.forRequests(requestIds);
  }

  /** A school whose requests the caller may see; NOT_FOUND on input.schoolId otherwise. */
  private async visibleSchool(p: Principal, schoolId: unknown): Promise<School> {
    requireTenant(p);
    const school = typeof schoolId === 'string' ? await this.schools.findById(schoolId) : null;
    return visibleOrNotFound(
      school,
      (s) => !s.archivedAt && canSeeRequest(p, { schoolId: s.id, clusterId: s.clusterId }),
      'School',
      'input.schoolId',
    );
  }

  /** An open request the caller may change. */
  private async editableOpen(p: Principal, id: string): Promise<{ request: EncounterRequest; school: School }> {
    const { request, school } = await this.getWithSchool(p, id);
    mustBeAllowed(canEditRequest(p, { schoolId: school.id, clusterId: school.clusterId }), 'change this request');
    if (request.status !== 'open' || request.archivedAt) {
      throw new DomainError('CONFLICT', `This request is ${request.status}: only open requests can be changed or cancelled`, 'id');
    }
    return { request, school };
  }
}
