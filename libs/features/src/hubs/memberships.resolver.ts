import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Membership } from '@tandem/persistence';
import { CurrentPrincipal, type Connection, type GraphQLContext, type Principal } from '@tandem/platform';
import { userLoader } from './hub-loaders';
import { MembershipConnection, MembershipsArgs, MembershipType } from './membership.types';
import { MembershipsService } from './memberships.service';

@Resolver(() => MembershipType)
export class MembershipsResolver {
  constructor(private readonly service: MembershipsService) {}

  @Query(() => MembershipConnection, {
    description:
      'Memberships in your scope, newest first: all for hub admins; for coordinators, their cluster’s coordinators and its schools’ staff.',
  })
  memberships(@CurrentPrincipal() p: Principal, @Args() args: MembershipsArgs): Promise<Connection<Membership>> {
    return this.service.list(p, args.filter, args.first, args.after);
  }

  @Mutation(() => MembershipType, { description: 'Remove someone from the hub (archive the membership; their sessions end). Hub admins.' })
  archiveMembership(@CurrentPrincipal() p: Principal, @Args('id', { type: () => ID }) id: string): Promise<Membership> {
    return this.service.archive(p, id);
  }

  @ResolveField(() => String)
  async email(@Parent() m: Membership, @Context() ctx: GraphQLContext): Promise<string> {
    return (await userLoader(ctx, this.service).load(m.userId))?.email ?? '';
  }

  @ResolveField(() => String, { nullable: true })
  async displayName(@Parent() m: Membership, @Context() ctx: GraphQLContext): Promise<string | null> {
    return (await userLoader(ctx, this.service).load(m.userId))?.displayName ?? null;
  }

  @ResolveField(() => Date, { nullable: true, description: 'When this person last logged in (to any hub).' })
  async lastLoginAt(@Parent() m: Membership, @Context() ctx: GraphQLContext): Promise<Date | null> {
    return (await userLoader(ctx, this.service).load(m.userId))?.lastLoginAt ?? null;
  }
}
