import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { School } from '@tandem/persistence';
import { CurrentPrincipal, type Connection, type Principal } from '@tandem/platform';
import { CreateSchoolInput, SchoolConnection, SchoolsArgs, SchoolType, UpdateSchoolInput } from './school.types';
import { SchoolsService } from './schools.service';

@Resolver(() => SchoolType)
export class SchoolsResolver {
  constructor(private readonly service: SchoolsService) {}

  @Query(() => SchoolType, { description: 'One school in your scope (NOT_FOUND otherwise).' })
  school(@CurrentPrincipal() p: Principal, @Args('id', { type: () => ID }) id: string): Promise<School> {
    return this.service.get(p, id);
  }

  @Query(() => SchoolConnection, {
    description: 'Schools in your scope (hub: all; coordinator: their cluster; school staff: their school), newest first.',
  })
  schools(@CurrentPrincipal() p: Principal, @Args() args: SchoolsArgs): Promise<Connection<School>> {
    return this.service.list(p, args.filter, args.first, args.after);
  }

  @Mutation(() => SchoolType, { description: 'Hub admins only.' })
  createSchool(@CurrentPrincipal() p: Principal, @Args('input') input: CreateSchoolInput): Promise<School> {
    return this.service.create(p, { ...input });
  }

  @Mutation(() => SchoolType)
  updateSchool(
    @CurrentPrincipal() p: Principal,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateSchoolInput,
  ): Promise<School> {
    return this.service.update(p, id, { ...input });
  }

  @Mutation(() => SchoolType, { description: 'Archive (never delete), hub admins only: lists leave it out unless includeArchived.' })
  archiveSchool(@CurrentPrincipal() p: Principal, @Args('id', { type: () => ID }) id: string): Promise<School> {
    return this.service.archive(p, id);
  }
}
