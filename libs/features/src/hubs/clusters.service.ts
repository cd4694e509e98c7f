import { Injectable } from '@nestjs/common';
import {
  canManageTenant,
  canSeeCluster,
  Clock,
  collect,
  DomainError,
  isBlank,
  parseText,
  type Principal,
  reachOf,
  pageSize,
} from '@tandem/domain';
import { AuditLog, TenantDb, type Cluster } from '@tandem/persistence';
import { type Connection } from '@tandem/platform';
import { connectionOf, mustBeAllowed, requireTenant, updated, visibleOrNotFound } from '@tandem/features/shared';
import type { ClusterFilter } from './cluster.types';
import { ClusterRepository } from './clusters.repository';
import { ScopeTargets } from './scope-targets';

/** Clusters: hub admins manage them; coordinators see their own, school staff their school's. */
@Injectable()
export class ClustersService {
  constructor(
    private readonly clock: Clock,
    private readonly db: TenantDb,
    private readonly clusters: ClusterRepository,
    private readonly targets: ScopeTargets,
  ) {}

  /** The cluster if the caller may see it; NOT_FOUND (naming `field`) otherwise. */
  async get(p: Principal, id: string, field = 'id'): Promise<Cluster> {
    requireTenant(p);
    const schoolCluster = await this.targets.clusterOfPrincipalSchool(p);
    return visibleOrNotFound(await this.clusters.findById(id), (c) => canSeeCluster(p, c, schoolCluster), 'Cluster', field);
  }

  /** Clusters by id for a DataLoader; callers have already checked scope (e.g. the school they hang off). */
  byIds(ids: readonly string[]): Promise<Cluster[]> {
    return this.clusters.findByIds(ids);
  }

  async list(
    p: Principal,
    filter: ClusterFilter | null | undefined,
    first?: number | null,
    after?: string | null,
  ): Promise<Connection<Cluster>> {
    requireTenant(p);
    const f = filter ?? {};
    const c = collect();
    const search = isBlank(f.search) ? undefined : c.run(() => parseText(f.search, 'filter.search', 200));
    const size = c.run(() => pageSize(first));
    c.throwIfAny();
    const { page, total } = await this.clusters.list(
      reachOf(p, 'viewCluster'),
      { search, includeArchived: f.includeArchived === true },
      { first: size, after },
    );
    return connectionOf(page, total);
  }

  async create(p: Principal, input: { name?: unknown }): Promise<Cluster> {
    requireTenant(p);
    mustBeAllowed(canManageTenant(p), 'create clusters');
    const name = parseText(input.name, 'input.name', 200, 'name');
    return this.db.transaction(async (em) => {
      await this.refuseDuplicateName(name);
      const cluster = await this.clusters.insert({ name, archivedAt: null });
      await AuditLog.record(em, { action: 'cluster.created', entityType: 'cluster', entityId: cluster.id });
      return cluster;
    });
  }

  async update(p: Principal, id: string, input: { name?: unknown }): Promise<Cluster> {
    return this.db.transaction(async (em) => {
      const cluster = await this.get(p, id);
      mustBeAllowed(canManageTenant(p), 'rename clusters');
      const name = parseText(input.name, 'input.name', 200, 'name');
      if (name === cluster.name) return cluster;
      await this.refuseDuplicateName(name, cluster.id);
      await AuditLog.record(em, { action: 'cluster.renamed', entityType: 'cluster', entityId: cluster.id });
      return updated(await this.clusters.update(cluster.id, { name }));
    });
  }

  /** Archive (never delete), once no live school or coordinator depends on the cluster. */
  async archive(p: Principal, id: string): Promise<Cluster> {
    return this.db.transaction(async (em) => {
      const cluster = await this.get(p, id);
      mustBeAllowed(canManageTenant(p), 'archive clusters');
      if (cluster.archivedAt) return cluster;
      const { schools, coordinators } = await this.clusters.usage(cluster.id);
      if (schools || coordinators) {
        const what = [
          schools && `${schools} school${schools === 1 ? '' : 's'}`,
          coordinators && `${coordinators} coordinator${coordinators === 1 ? '' : 's'}`,
        ]
          .filter(Boolean)
          .join(' and ');
        throw new DomainError(
          'CONFLICT',
          `This cluster still has ${what}: move the schools to another cluster and remove the coordinators first`,
          'id',
        );
      }
      await AuditLog.record(em, { action: 'cluster.archived', entityType: 'cluster', entityId: cluster.id });
      return updated(await this.clusters.update(cluster.id, { archivedAt: this.clock.now() }));
    });
  }

  private async refuseDuplicateName(name: string, exceptId?: string): Promise<void> {
    if (await this.clusters.findLiveByName(name, exceptId))
      throw new DomainError('ALREADY_EXISTS', `This hub already has a cluster called "${name}"`, 'input.name');
  }
}
