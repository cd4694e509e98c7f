import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { EncounterRequest, RequestWindow } from '@tandem/persistence';
import { CurrentPrincipal, groupByKeys, type Connection, type GraphQLContext, type Principal } from '@tandem/platform';
import { CreateRequestInput, RequestConnection, RequestsArgs, RequestType, RequestWindowType, UpdateRequestInput } from './request.types';
import { RequestsService } from './requests.service';

@Resolver(() => RequestType)
export class RequestsResolver {
  constructor(private readonly service: RequestsService) {}

  @Query(() => RequestType, { description: 'One request of a school in your scope (NOT_FOUND otherwise).' })
  request(@CurrentPrincipal() p: Principal, @Args('id', { type: () => ID }) id: string): Promise<EncounterRequest> {
    return this.service.get(p, id);
  }

  @Query(() => RequestConnection, { description: "Schools' requests in your scope, newest first." })
  requests(@CurrentPrincipal() p: Principal, @Args() args: RequestsArgs): Promise<Connection<EncounterRequest>> {
    return this.service.list(p, args.filter, args.first, args.after);
  }

  @Mutation(() => RequestType)
  createRequest(@CurrentPrincipal() p: Principal, @Args('input') input: CreateRequestInput): Promise<EncounterRequest> {
    return this.service.create(p, { ...input });
  }

  @Mutation(() => RequestType, { description: 'Change an open request.' })
  updateRequest(
    @CurrentPrincipal() p: Principal,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateRequestInput,
  ): Promise<EncounterRequest> {
    return this.service.update(p, id, { ...input });
  }

  @Mutation(() => RequestType, { description: 'Cancel (archive) an open request.' })
  cancelRequest(@CurrentPrincipal() p: Principal, @Args('id', { type: () => ID }) id: string): Promise<EncounterRequest> {
    return this.service.cancel(p, id);
  }

  @ResolveField(() => [RequestWindowType])
  windows(@Parent() request: EncounterRequest, @Context() ctx: GraphQLContext): Promise<RequestWindow[]> {
    const loader = ctx.loaders.get<string, RequestWindow[]>('requestWindows', async (ids) =>
      groupByKeys(ids, await this.service.windowsFor(ids), (w) => w.requestId),
    );
    return loader.load(request.id);
  }
}
