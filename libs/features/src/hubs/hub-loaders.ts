import type { Cluster, User } from '@tandem/persistence';
import { byKeys, type GraphQLContext } from '@tandem/platform';
import type { ClustersService } from './clusters.service';
import type { MembershipsService } from './memberships.service';

/**
 * Request-scoped DataLoaders. `clusterLoader` is for other features too (e.g. `School.cluster`):
 * whoever holds the parent has checked scope, and a visible school's cluster is visible to its viewer.
 */
export function clusterLoader(ctx: GraphQLContext, service: ClustersService) {
  return ctx.loaders.get<string, Cluster | null>('clusterById', async (ids) => byKeys(ids, await service.byIds(ids), (c) => c.id));
}

export function userLoader(ctx: GraphQLContext, service: MembershipsService) {
  return ctx.loaders.get<string, User | null>('userById', async (ids) => byKeys(ids, await service.usersByIds(ids), (u) => u.id));
}
