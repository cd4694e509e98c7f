import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { CoverageSnapshot } from '@tandem/persistence';
import { CurrentPrincipal, type Connection, type GraphQLContext, type Principal } from '@tandem/platform';
import {
  CoverageCsvInput,
  CoverageFigureType,
  CoverageGapsArgs,
  CoverageSnapshotConnection,
  CoverageSnapshotsArgs,
  CoverageSnapshotType,
  CoverageType,
  CsvExportType,
  EmployerImpactType,
  GapPupilConnection,
  GroupCoverageType,
  HeadcountSummaryType,
  PupilCoverageType,
  TakeCoverageSnapshotInput,
  YearGroupCoverageType,
  type GapPupilType,
} from './coverage.types';
import { CoverageService, type CoverageView, type CsvExport, type SnapshotView } from './coverage.service';
import { policyView } from './policy-view';
import { BenchmarkPolicyType } from './policy.types';

const yearArg = {
  type: () => Int,
  nullable: true,
  description: 'Academic year by its starting year (2025 = 2025/26); default the current one.',
} as const;

@Resolver(() => CoverageType)
export class CoverageResolver {
  constructor(private readonly service: CoverageService) {}

  @Query(() => CoverageType, { description: 'Hub admins: the whole hub, with its clusters.' })
  hubCoverage(@CurrentPrincipal() p: Principal, @Args('academicYear', yearArg) academicYear?: number | null): Promise<CoverageView> {
    return this.service.hub(p, academicYear);
  }

  @Query(() => CoverageType, { description: 'A cluster in your scope, with its schools.' })
  clusterCoverage(
    @CurrentPrincipal() p: Principal,
    @Args('clusterId', { type: () => ID }) clusterId: string,
    @Args('academicYear', yearArg) academicYear?: number | null,
  ): Promise<CoverageView> {
    return this.service.cluster(p, clusterId, academicYear);
  }

  @Query(() => CoverageType, { description: 'A school in your scope, by year group.' })
  schoolCoverage(
    @CurrentPrincipal() p: Principal,
    @Args('schoolId', { type: () => ID }) schoolId: string,
    @Args('academicYear', yearArg) academicYear?: number | null,
  ): Promise<CoverageView> {
    return this.service.school(p, schoolId, academicYear);
  }

  @Query(() => PupilCoverageType, { description: "A pupil's encounters and status per benchmark with reasons (audited)." })
  pupilCoverage(
    @CurrentPrincipal() p: Principal,
    @Args('pupilId', { type: () => ID }) pupilId: string,
    @Args('academicYear', yearArg) academicYear?: number | null,
    @Args('asOf', { type: () => String, nullable: true, description: 'YYYY-MM-DD; default today (or the end of a past year).' })
    asOf?: string | null,
  ): Promise<PupilCoverageType> {
    return this.service.pupil(p, pupilId, academicYear, asOf);
  }

  @Query(() => GapPupilConnection, {
    description: 'Pupils who have not met the benchmark yet: disadvantaged, SEND, care-experienced, at-risk first (audited).',
  })
  coverageGaps(@CurrentPrincipal() p: Principal, @Args() args: CoverageGapsArgs): Promise<Connection<GapPupilType>> {
    return this.service.gaps(p, args);
  }

  @Query(() => CsvExportType, { description: 'CSV of coverage: per pupil for one school (audited), else per school.' })
  coverageCsv(@CurrentPrincipal() p: Principal, @Args('input') input: CoverageCsvInput): Promise<CsvExport> {
    return this.service.csv(p, { ...input });
  }

  @Query(() => EmployerImpactType, { description: "An employer's impact (employer contacts: their own)." })
  employerImpact(
    @CurrentPrincipal() p: Principal,
    @Args('employerId', { type: () => ID }) employerId: string,
    @Args('academicYear', yearArg) academicYear?: number | null,
  ): Promise<EmployerImpactType> {
    return this.service.employerImpact(p, employerId, academicYear);
  }

  @ResolveField(() => HeadcountSummaryType)
  headcountOnly(@Parent() view: CoverageView): Promise<HeadcountSummaryType> {
    return this.service.headcounts(view);
  }
}

@Resolver(() => CoverageSnapshotType)
export class CoverageSnapshotResolver {
  constructor(private readonly service: CoverageService) {}

  @Query(() => CoverageSnapshotType)
  coverageSnapshot(@CurrentPrincipal() p: Principal, @Args('id', { type: () => ID }) id: string): Promise<CoverageSnapshot> {
    return this.service.snapshot(p, id);
  }

  @Query(() => CoverageSnapshotConnection, { description: 'Snapshots of the hub and of schools in your scope, newest first.' })
  coverageSnapshots(@CurrentPrincipal() p: Principal, @Args() args: CoverageSnapshotsArgs): Promise<Connection<CoverageSnapshot>> {
    return this.service.snapshotList(p, args.filter, args.first, args.after);
  }

  @Mutation(() => CoverageSnapshotType, {
    description: 'Freeze coverage as of a day (default today) for a school, or the hub (hub admins).',
  })
  takeCoverageSnapshot(@CurrentPrincipal() p: Principal, @Args('input') input: TakeCoverageSnapshotInput): Promise<CoverageSnapshot> {
    return this.service.takeSnapshot(p, { ...input });
  }

  @Mutation(() => [CoverageSnapshotType], {
    description: 'Hub admins: take the reporting-day snapshots (31 Dec, 31 Mar, 31 Jul) due this year and not taken yet.',
  })
  takeReportingSnapshots(@CurrentPrincipal() p: Principal): Promise<CoverageSnapshot[]> {
    return this.service.takeDueReportingSnapshots(p);
  }

  @ResolveField(() => Date)
  takenAt(@Parent() s: CoverageSnapshot): Date {
    return s.createdAt;
  }

  /** The snapshot's figures, narrowed to the caller's scope: read once per snapshot per request. */
  private view(s: CoverageSnapshot, p: Principal, ctx: GraphQLContext): Promise<SnapshotView> {
    return ctx.loaders
      .get<CoverageSnapshot, SnapshotView, string>(
        'coverageSnapshotView',
        (snapshots) => Promise.all(snapshots.map((x) => this.service.snapshotView(p, x))),
        { cacheKeyFn: (x) => x.id },
      )
      .load(s);
  }

  @ResolveField(() => BenchmarkPolicyType)
  async policy(
    @Parent() s: CoverageSnapshot,
    @CurrentPrincipal() p: Principal,
    @Context() ctx: GraphQLContext,
  ): Promise<BenchmarkPolicyType> {
    return policyView((await this.view(s, p, ctx)).policy);
  }

  @ResolveField(() => [CoverageFigureType])
  async figures(
    @Parent() s: CoverageSnapshot,
    @CurrentPrincipal() p: Principal,
    @Context() ctx: GraphQLContext,
  ): Promise<CoverageFigureType[]> {
    return (await this.view(s, p, ctx)).figures;
  }

  @ResolveField(() => [YearGroupCoverageType])
  async byYearGroup(
    @Parent() s: CoverageSnapshot,
    @CurrentPrincipal() p: Principal,
    @Context() ctx: GraphQLContext,
  ): Promise<YearGroupCoverageType[]> {
    return (await this.view(s, p, ctx)).byYearGroup;
  }

  @ResolveField(() => [GroupCoverageType])
  async schools(
    @Parent() s: CoverageSnapshot,
    @CurrentPrincipal() p: Principal,
    @Context() ctx: GraphQLContext,
  ): Promise<GroupCoverageType[]> {
    return (await this.view(s, p, ctx)).groups;
  }
}
