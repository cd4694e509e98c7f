import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { canSeePupils, isAtRisk } from '@tandem/domain';
import type { Pupil, School } from '@tandem/persistence';
import { CurrentPrincipal, groupByKeys, type Connection, type GraphQLContext, type Principal } from '@tandem/platform';
import { schoolLoader, SchoolsService, SchoolType } from '@tandem/features/schools';
import {
  CreatePupilInput,
  PupilConnection,
  PupilDataExportType,
  PupilsArgs,
  PupilType,
  UpdatePupilInput,
  YearGroupPupilCountType,
} from './pupil.types';
import type { YearGroupCountRow } from './pupils.repository';
import { PupilsService, type PupilDataExport } from './pupils.service';

@Resolver(() => PupilType)
export class PupilsResolver {
  constructor(
    private readonly service: PupilsService,
    private readonly schools: SchoolsService,
  ) {}

  @Query(() => PupilConnection, { description: "A school's pupils in reference order (on roll today unless includeLeavers). Audited." })
  pupils(@CurrentPrincipal() p: Principal, @Args() args: PupilsArgs): Promise<Connection<Pupil>> {
    return this.service.list(p, args.schoolId, args.filter, args.first, args.after);
  }

  @Query(() => PupilType, { description: 'One pupil of a school in your scope (NOT_FOUND otherwise). Audited.' })
  pupil(@CurrentPrincipal() p: Principal, @Args('id', { type: () => ID }) id: string): Promise<Pupil> {
    return this.service.get(p, id);
  }

  @Query(() => PupilDataExportType, {
    description: "Subject-access export of everything held about a pupil, for those who manage the school's pupils. Audited.",
  })
  exportPupilData(@CurrentPrincipal() p: Principal, @Args('id', { type: () => ID }) id: string): Promise<PupilDataExport> {
    return this.service.exportData(p, id);
  }

  @Mutation(() => PupilType)
  createPupil(@CurrentPrincipal() p: Principal, @Args('input') input: CreatePupilInput): Promise<Pupil> {
    return this.service.create(p, { ...input });
  }

  @Mutation(() => PupilType)
  updatePupil(
    @CurrentPrincipal() p: Principal,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdatePupilInput,
  ): Promise<Pupil> {
    return this.service.update(p, id, { ...input });
  }

  @Mutation(() => PupilType, { description: 'Record the last day on roll (YYYY-MM-DD, not before the pupil joined).' })
  markPupilLeft(
    @CurrentPrincipal() p: Principal,
    @Args('id', { type: () => ID }) id: string,
    @Args('onDate', { type: () => String }) onDate: string,
  ): Promise<Pupil> {
    return this.service.markLeft(p, id, onDate);
  }

  @Mutation(() => PupilType, {
    description:
      'Erase the personal data of a pupil for good (reference replaced by an opaque token; name, date of birth, flags and score cleared). Irreversible; audited.',
  })
  erasePupil(@CurrentPrincipal() p: Principal, @Args('id', { type: () => ID }) id: string): Promise<Pupil> {
    return this.service.erase(p, id);
  }

  @ResolveField(() => Int, {
    nullable: true,
    description:
      'Year group (7–13) today, on the English school calendar: from the date of birth, or from the year group given and the academic year it was given in. Null once past Year 13. An archived or erased pupil keeps the year group last recorded.',
  })
  async yearGroup(@Parent() pupil: Pupil, @Context() ctx: GraphQLContext): Promise<number | null> {
    const today = await ctx.loaders
      .get<string, number | undefined>('pupilYearGroupToday', async (ids) => {
        const byId = new Map((await this.service.yearGroupsToday(ids)).map((r) => [r.pupilId, r.yearGroup]));
        return ids.map((id) => byId.get(id));
      })
      .load(pupil.id);
    if (today === undefined) return pupil.yearGroup;
    return today >= 7 && today <= 13 ? today : null;
  }

  @ResolveField(() => Boolean, { description: 'RONI score at or above the at-risk threshold.' })
  atRisk(@Parent() pupil: Pupil): boolean {
    return isAtRisk(pupil.roniScore);
  }

  @ResolveField(() => SchoolType, { nullable: true })
  school(@Parent() pupil: Pupil, @Context() ctx: GraphQLContext): Promise<School | null> {
    return schoolLoader(ctx, this.schools).load(pupil.schoolId);
  }
}

/** Pupil numbers on the School type: one aggregate query for every school on the page. */
@Resolver(() => SchoolType)
export class SchoolPupilCountsResolver {
  constructor(private readonly service: PupilsService) {}

  @ResolveField(() => [YearGroupPupilCountType], {
    nullable: true,
    description: "Pupils on roll today per year group; null for those who may not see the school's pupils.",
  })
  pupilCounts(
    @Parent() school: School,
    @CurrentPrincipal() p: Principal,
    @Context() ctx: GraphQLContext,
  ): Promise<YearGroupCountRow[]> | null {
    if (!canSeePupils(p, school)) return null;
    return this.counts(ctx).load(school.id);
  }

  @ResolveField(() => Int, { nullable: true, description: "Pupils on roll today; null for those who may not see the school's pupils." })
  async pupilCount(@Parent() school: School, @CurrentPrincipal() p: Principal, @Context() ctx: GraphQLContext): Promise<number | null> {
    if (!canSeePupils(p, school)) return null;
    return (await this.counts(ctx).load(school.id)).reduce((sum, row) => sum + row.pupils, 0);
  }

  private counts(ctx: GraphQLContext) {
    return ctx.loaders.get<string, YearGroupCountRow[]>('pupilCountsBySchool', async (ids) =>
      groupByKeys(ids, await this.service.countsBySchool(ids), (r) => r.schoolId),
    );
  }
}
