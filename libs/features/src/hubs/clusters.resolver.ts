import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Cluster } from '@tandem/persistence';
import { CurrentPrincipal, type Connection, type Principal } from '@tandem/platform';
import { ClusterConnection, ClusterInput, ClustersArgs, ClusterType } from './cluster.types';
import { ClustersService } from './clusters.service';

@Resolver(() => ClusterType)
export class ClustersResolver {
  constructor(private readonly service: ClustersService) {}

  @Query(() => ClusterType, { description: 'One cluster in your scope (NOT_FOUND otherwise).' })
  cluster(@CurrentPrincipal() p: Principal, @Args('id', { type: () => ID }) id: string): Promise<Cluster> {
    return this.service.get(p, id);
  }

  @Query(() => ClusterConnection, {
    description: 'Clusters in your scope, newest first: all for hub admins, your own for coordinators, your school’s for school staff.',
  })
  clusters(@CurrentPrincipal() p: Principal, @Args() args: ClustersArgs): Promise<Connection<Cluster>> {
    return this.service.list(p, args.filter, args.first, args.after);
  }

  @Mutation(() => ClusterType)
  createCluster(@CurrentPrincipal() p: Principal, @Args('input') input: ClusterInput): Promise<Cluster> {
    return this.service.create(p, { ...input });
  }

  @Mutation(() => ClusterType)
  updateCluster(
    @CurrentPrincipal() p: Principal,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: ClusterInput,
  ): Promise<Cluster> {
    return this.service.update(p, id, { ...input });
  }

  @Mutation(() => ClusterType, { description: 'Archive (never delete), once no live school or coordinator is in it.' })
  archiveCluster(@CurrentPrincipal() p: Principal, @Args('id', { type: () => ID }) id: string): Promise<Cluster> {
    return this.service.archive(p, id);
  }
}
