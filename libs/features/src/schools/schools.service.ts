import { Injectable } from '@nestjs/common';
import {
  canCreateSchool,
  canEditSchool,
  canSeeSchool,
  Clock,
  collect,
  DomainError,
  isBlank,
  parseEnum,
  parseText,
  type Principal,
  reachOf,
  SCHOOL_PHASES,
  pageSize,
} from '@tandem/domain';
import { AuditLog, isUuid, TenantDb, type School } from '@tandem/persistence';
import { type Connection } from '@tandem/platform';
import { connectionOf, mustBeAllowed, requireTenant, updated, visibleOrNotFound } from '@tandem/features/shared';
import { parseSchoolInput, type SchoolFields } from './school-rules';
import type { SchoolFilter } from './school.types';
import { SchoolClusterRepository, SchoolRepository } from './schools.repository';

/** Fields only those who may create schools (hub admins) may change: they move the school between scopes. */
const STRUCTURAL_FIELDS = ['urn', 'clusterId'] as const;

@Injectable()
export class SchoolsService {
  constructor(
    private readonly clock: Clock,
    private readonly db: TenantDb,
    private readonly schools: SchoolRepository,
    private readonly clusters: SchoolClusterRepository,
  ) {}

  /** The school if the caller may see it; NOT_FOUND (naming `field`) otherwise. */
  async get(p: Principal, id: string, field = 'id'): Promise<School> {
    requireTenant(p);
    return visibleOrNotFound(await this.schools.findById(id), (s) => canSeeSchool(p, s), 'School', field);
  }

  /** Schools by id for a DataLoader (absent ones missing); callers have already checked scope. */
  byIds(ids: readonly string[]): Promise<School[]> {
    return this.schools.findByIds(ids);
  }

  async list(
    p: Principal,
    filter: SchoolFilter | null | undefined,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<Connection<School>> {
    requireTenant(p);
    const scope = reachOf(p, 'viewSchool');
    // Employer contacts see schools only through their own bookings, never as a list.
    if (scope.kind === 'none') throw new DomainError('FORBIDDEN', 'You may not see the list of schools');
    const f = filter ?? {};
    const size = pageSize(first);
    const c = collect();
    const phase = isBlank(f.phase) ? undefined : c.run(() => parseEnum(f.phase, SCHOOL_PHASES, 'filter.phase'));
    const search = isBlank(f.search) ? undefined : c.run(() => parseText(f.search, 'filter.search', 200));
    if (!isBlank(f.clusterId) && !isUuid(f.clusterId)) c.add('filter.clusterId', 'NOT_FOUND', 'Cluster not found');
    c.throwIfAny();
    const { page, total } = await this.schools.list(
      scope,
      { clusterId: f.clusterId ?? undefined, phase, search, includeArchived: f.includeArchived === true },
      { first: size, after },
    );
    return connectionOf(page, total);
  }

  async create(p: Principal, input: Record<string, unknown>): Promise<School> {
    requireTenant(p);
    mustBeAllowed(canCreateSchool(p), 'create schools');
    const values = parseSchoolInput(input, 'create') as SchoolFields;
    return this.db.transaction(async (em) => {
      await this.requireCluster(values.clusterId);
      await this.refuseTakenUrn(values.urn);
      const school = await this.schools.insert(values);
      await AuditLog.record(em, {
        action: 'school.created',
        entityType: 'school',
        entityId: school.id,
        detail: { clusterId: school.clusterId },
      });
      return school;
    });
  }

  async update(p: Principal, id: string, input: Record<string, unknown>): Promise<School> {
    requireTenant(p);
    return this.db.transaction(async (em) => {
      const school = await this.get(p, id);
      mustBeAllowed(canEditSchool(p, school), 'change this school');
      const patch = parseSchoolInput(input, 'update', school);
      // Only real changes count: repeating the current URN or cluster is harmless.
      if (patch.urn === school.urn) delete patch.urn;
      if (patch.clusterId === school.clusterId) delete patch.clusterId;
      for (const key of STRUCTURAL_FIELDS) {
        if (patch[key] !== undefined && !canCreateSchool(p)) {
          throw new DomainError('FORBIDDEN', `Only a hub admin may change a school's ${key === 'urn' ? 'URN' : 'cluster'}`, `input.${key}`);
        }
      }
      if (patch.clusterId) await this.requireCluster(patch.clusterId);
      if (patch.urn) await this.refuseTakenUrn(patch.urn);
      if (patch.lowestYearGroup !== undefined || patch.highestYearGroup !== undefined) await this.refuseStrandedPupils(school, patch);
      const changed = Object.keys(patch);
      if (!changed.length) return school;
      const result = updated(await this.schools.update(school.id, patch));
      await AuditLog.record(em, { action: 'school.updated', entityType: 'school', entityId: school.id, detail: { fields: changed } });
      return result;
    });
  }

  /** Archive (never delete): hub admins only, like creation. Its pupils and history stay. */
  async archive(p: Principal, id: string): Promise<School> {
    requireTenant(p);
    return this.db.transaction(async (em) => {
      const school = await this.get(p, id);
      mustBeAllowed(canCreateSchool(p), 'archive schools');
      if (school.archivedAt) return school;
      await AuditLog.record(em, { action: 'school.archived', entityType: 'school', entityId: school.id });
      return updated(await this.schools.update(school.id, { archivedAt: this.clock.now() }));
    });
  }

  private async requireCluster(clusterId: string): Promise<void> {
    const cluster = await this.clusters.findById(clusterId);
    if (!cluster || cluster.archivedAt) throw DomainError.notFound('Cluster', 'input.clusterId');
  }

  private async refuseTakenUrn(urn: string): Promise<void> {
    const holder = await this.schools.findByUrn(urn);
    if (holder)
      throw new DomainError(
        'ALREADY_EXISTS',
        `A school with URN ${urn} is already in this hub${holder.archivedAt ? ' (archived)' : ''}`,
        'input.urn',
      );
  }

  private async refuseStrandedPupils(school: School, patch: Partial<SchoolFields>): Promise<void> {
    const lowest = patch.lowestYearGroup ?? school.lowestYearGroup;
    const highest = patch.highestYearGroup ?? school.highestYearGroup;
    const stranded = await this.schools.countPupilsOutside(school.id, lowest, highest, this.clock.today());
    if (stranded > 0) {
      const field = patch.highestYearGroup !== undefined ? 'input.highestYearGroup' : 'input.lowestYearGroup';
      throw new DomainError(
        'CONFLICT',
        `${stranded} pupil${stranded === 1 ? ' is' : 's are'} on roll in year groups outside ${lowest}–${highest}: mark them as left or change their year group first`,
        field,
      );
    }
  }
}
