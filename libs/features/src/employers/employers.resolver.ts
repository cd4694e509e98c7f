import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { canSeeVetting } from '@tandem/domain';
import { SystemDb, type Employer, type EmployerContact, type User, type VettingCheck } from '@tandem/persistence';
import { byKeys, CalendarDateScalar, CurrentPrincipal, type Connection, type GraphQLContext, type Principal } from '@tandem/platform';
import { contactsLoader, vettingChecksLoader } from './employer-loaders';
import {
  CreateEmployerInput,
  EmployerConnection,
  EmployerContactInput,
  EmployerContactType,
  EmployersArgs,
  EmployerType,
  UpdateEmployerContactInput,
  UpdateEmployerInput,
  VettingCheckInput,
  VettingCheckType,
  VettingStatusType,
  DbsStatusEnum,
} from './employer.types';
import { EmployersService } from './employers.service';

@Resolver(() => EmployerType)
export class EmployersResolver {
  constructor(private readonly service: EmployersService) {}

  @Query(() => EmployerType, { description: 'One employer in your scope (NOT_FOUND otherwise).' })
  employer(@CurrentPrincipal() p: Principal, @Args('id', { type: () => ID }) id: string): Promise<Employer> {
    return this.service.get(p, id);
  }

  @Query(() => EmployerConnection, { description: 'Employers in your scope, newest first.' })
  employers(@CurrentPrincipal() p: Principal, @Args() args: EmployersArgs): Promise<Connection<Employer>> {
    return this.service.list(p, args.filter, args.first, args.after);
  }

  @Mutation(() => EmployerType)
  createEmployer(@CurrentPrincipal() p: Principal, @Args('input') input: CreateEmployerInput): Promise<Employer> {
    return this.service.create(p, { ...input });
  }

  @Mutation(() => EmployerType)
  updateEmployer(
    @CurrentPrincipal() p: Principal,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateEmployerInput,
  ): Promise<Employer> {
    return this.service.update(p, id, { ...input });
  }

  @Mutation(() => EmployerType, { description: 'Archive (never delete): lists leave it out unless includeArchived.' })
  archiveEmployer(@CurrentPrincipal() p: Principal, @Args('id', { type: () => ID }) id: string): Promise<Employer> {
    return this.service.archive(p, id);
  }

  @Mutation(() => EmployerContactType)
  addEmployerContact(
    @CurrentPrincipal() p: Principal,
    @Args('employerId', { type: () => ID }) employerId: string,
    @Args('input') input: EmployerContactInput,
  ): Promise<EmployerContact> {
    return this.service.addContact(p, employerId, { ...input });
  }

  @Mutation(() => EmployerContactType)
  updateEmployerContact(
    @CurrentPrincipal() p: Principal,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateEmployerContactInput,
  ): Promise<EmployerContact> {
    return this.service.updateContact(p, id, { ...input });
  }

  @Mutation(() => EmployerContactType)
  archiveEmployerContact(@CurrentPrincipal() p: Principal, @Args('id', { type: () => ID }) id: string): Promise<EmployerContact> {
    return this.service.archiveContact(p, id);
  }

  @Mutation(() => VettingCheckType)
  recordVettingCheck(
    @CurrentPrincipal() p: Principal,
    @Args('employerId', { type: () => ID }) employerId: string,
    @Args('input') input: VettingCheckInput,
  ): Promise<VettingCheck> {
    return this.service.recordVettingCheck(p, employerId, { ...input });
  }

  @Mutation(() => VettingCheckType)
  archiveVettingCheck(@CurrentPrincipal() p: Principal, @Args('id', { type: () => ID }) id: string): Promise<VettingCheck> {
    return this.service.archiveVettingCheck(p, id);
  }

  // ── relations (batched per request) ───────────────────────────────────────

  @ResolveField(() => [EmployerContactType])
  contacts(
    @Parent() employer: Employer,
    @Context() ctx: GraphQLContext,
    @Args('includeArchived', { type: () => Boolean, nullable: true }) includeArchived?: boolean | null,
  ): Promise<EmployerContact[]> {
    return contactsLoader(ctx, this.service, includeArchived === true).load(employer.id);
  }

  @ResolveField(() => [VettingCheckType], { nullable: true, description: 'Null for those who may not see vetting details (school staff).' })
  async vettingChecks(
    @Parent() employer: Employer,
    @CurrentPrincipal() p: Principal,
    @Context() ctx: GraphQLContext,
    @Args('includeArchived', { type: () => Boolean, nullable: true }) includeArchived?: boolean | null,
  ): Promise<VettingCheck[] | null> {
    if (!canSeeVetting(p, employer)) return null;
    return vettingChecksLoader(ctx, this.service, includeArchived === true).load(employer.id);
  }

  @ResolveField(() => VettingStatusType, {
    description: 'Vetted on onDate (default today, Europe/London)? In-person offers need it on the day.',
  })
  async vettingStatus(
    @Parent() employer: Employer,
    @CurrentPrincipal() p: Principal,
    @Context() ctx: GraphQLContext,
    @Args('onDate', { type: () => String, nullable: true }) onDate?: string | null,
  ): Promise<VettingStatusType> {
    const checks = await vettingChecksLoader(ctx, this.service, false).load(employer.id);
    return this.service.vettingStatus(p, employer, checks, onDate);
  }
}

/** A contact's DBS check is a vetting detail: hub staff and the employer's own contacts see it, school staff do not (issue 14). */
@Resolver(() => EmployerContactType)
export class EmployerContactResolver {
  @ResolveField(() => DbsStatusEnum, { nullable: true, description: 'Null for those who may not see vetting details (school staff).' })
  dbsStatus(@Parent() contact: EmployerContact, @CurrentPrincipal() p: Principal): string | null {
    return canSeeVetting(p, { id: contact.employerId, tenantId: contact.tenantId }) ? contact.dbsStatus : null;
  }

  @ResolveField(() => CalendarDateScalar, {
    nullable: true,
    description: 'Null when there is none, or for those who may not see vetting details.',
  })
  dbsCheckedOn(@Parent() contact: EmployerContact, @CurrentPrincipal() p: Principal): string | null {
    return canSeeVetting(p, { id: contact.employerId, tenantId: contact.tenantId }) ? contact.dbsCheckedOn : null;
  }
}

/** Who recorded a vetting check, for the record (finding 10 of issue 14: nothing showed it). */
@Resolver(() => VettingCheckType)
export class VettingCheckResolver {
  constructor(private readonly systemDb: SystemDb) {}

  @ResolveField(() => String, {
    nullable: true,
    description: 'Who recorded it (their name, else their email); null for records older than this field.',
  })
  async recordedByName(@Parent() check: VettingCheck, @Context() ctx: GraphQLContext): Promise<string | null> {
    if (!check.recordedByUserId) return null;
    const user = await ctx.loaders
      .get<string, User | null>('vetting.recordedBy', async (ids) => byKeys(ids, await this.systemDb.findUsersByIds(ids), (u) => u.id))
      .load(check.recordedByUserId);
    return user ? user.displayName || user.email : null;
  }
}
