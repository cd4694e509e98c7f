import { Injectable } from '@nestjs/common';
import { canRecordEncounter, canSeeCoverage, canSeePupils, DomainError, reachOf, type Action, type Principal } from '@tandem/domain';
import type { Cluster, Pupil, School } from '@tandem/persistence';
import { mustBeAllowed, requireTenant, visibleOrNotFound } from '@tandem/features/shared';
import { SchoolRepository } from '@tandem/features/schools';
import { LedgerClusterRepository, LedgerPupilRepository } from './ledger-lookups.repository';

/**
 * Scope for the ledger, from scope.ts: coverage and encounters follow `viewCoverage` / `recordEncounter`
 * (hub: all, coordinator: their cluster's schools, school staff: their school, employers and platform
 * admins: nothing), pupil-level reads also need `viewPupils`. No reach at all answers FORBIDDEN; a
 * record out of reach answers NOT_FOUND.
 */
@Injectable()
export class LedgerAccess {
  constructor(
    private readonly schools: SchoolRepository,
    private readonly clusters: LedgerClusterRepository,
    private readonly pupils: LedgerPupilRepository,
  ) {}

  /** FORBIDDEN when the role has no reach for the action anywhere (employers, platform admins). */
  requireReach(p: Principal, action: Action, what: string): void {
    requireTenant(p);
    if (reachOf(p, action).kind === 'none') throw new DomainError('FORBIDDEN', `You may not ${what}`);
  }

  /** A school whose coverage the caller may see. */
  async school(p: Principal, id: unknown, field: string): Promise<School> {
    this.requireReach(p, 'viewCoverage', 'see benchmark coverage');
    const school = typeof id === 'string' ? await this.schools.findById(id) : null;
    return visibleOrNotFound(school, (s) => canSeeCoverage(p, s), 'School', field);
  }

  /** A live school the caller may record encounters for. */
  async schoolToRecord(p: Principal, id: unknown, field: string): Promise<School> {
    this.requireReach(p, 'recordEncounter', 'record encounters');
    const school = typeof id === 'string' ? await this.schools.findById(id) : null;
    const visible = visibleOrNotFound(school, (s) => !s.archivedAt && canSeeCoverage(p, s), 'School', field);
    mustBeAllowed(canRecordEncounter(p, { schoolId: visible.id, clusterId: visible.clusterId }), 'record encounters for this school');
    return visible;
  }

  /** A cluster the caller may see coverage of: the hub sees all, a coordinator their own. */
  async cluster(p: Principal, id: unknown, field: string): Promise<Cluster> {
    this.requireReach(p, 'viewCoverage', 'see benchmark coverage');
    const cluster = typeof id === 'string' ? await this.clusters.findById(id) : null;
    const reach = reachOf(p, 'viewCoverage');
    return visibleOrNotFound(
      cluster,
      (c) => reach.kind === 'all' || (reach.kind === 'cluster' && reach.clusterId === c.id),
      'Cluster',
      field,
    );
  }

  /** A pupil (live record) whose school's pupils the caller may see, with the school. */
  async pupil(p: Principal, id: unknown, field: string): Promise<{ pupil: Pupil; school: School }> {
    this.requireReach(p, 'viewPupils', "see pupils' records");
    const pupil = typeof id === 'string' ? await this.pupils.findById(id) : null;
    const live = visibleOrNotFound(pupil, (x) => !x.archivedAt && !x.erasedAt, 'Pupil', field);
    const school = visibleOrNotFound(
      await this.schools.findById(live.schoolId),
      (s) => canSeePupils(p, s) && canSeeCoverage(p, s),
      'Pupil',
      field,
    );
    return { pupil: live, school };
  }

  schoolsByIds(ids: readonly string[]): Promise<School[]> {
    return this.schools.findByIds(ids);
  }
}
