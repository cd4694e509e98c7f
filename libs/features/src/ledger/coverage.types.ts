import { ArgsType, Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { BENCHMARK_STATES, PRIORITY_GROUPS } from '@tandem/domain';
import { CalendarDateScalar, PageArgs, Paginated, graphqlEnum } from '@tandem/platform';
import { BenchmarkPolicyType } from './policy.types';

/* Enumerated output values are GraphQL enums made from the same lists the service checks input against. */
const BenchmarkStateEnum = graphqlEnum('BenchmarkState', BENCHMARK_STATES);
const PriorityGroupEnum = graphqlEnum('PriorityGroup', PRIORITY_GROUPS);

@ObjectType('CoverageFigure', { description: 'Pupils counted for a benchmark and how many have met it.' })
export class CoverageFigureType {
  @Field(() => Int)
  benchmark!: number;

  @Field(() => Int, { description: 'Denominator: pupils on roll in the academic year, in a year group the benchmark counts.' })
  pupils!: number;

  @Field(() => Int, { description: 'Numerator: of those, pupils who have met the target.' })
  met!: number;

  @Field(() => Int, { description: 'pupils − met: the length of the gap list.' })
  gap!: number;

  @Field(() => Float, { nullable: true, description: 'met / pupils × 100, one decimal; null when there are no pupils.' })
  percentage!: number | null;

  @Field(() => Int, { description: 'Pupils in a priority group (disadvantaged, SEND, care-experienced or at risk).' })
  priorityPupils!: number;

  @Field(() => Int)
  priorityMet!: number;

  @Field(() => Int)
  disadvantagedPupils!: number;

  @Field(() => Int)
  disadvantagedMet!: number;
}

@ObjectType('YearGroupCoverage')
export class YearGroupCoverageType {
  @Field(() => Int)
  yearGroup!: number;

  @Field(() => [CoverageFigureType])
  figures!: CoverageFigureType[];
}

@ObjectType('GroupCoverage', { description: 'Coverage of one school or cluster inside a wider view.' })
export class GroupCoverageType {
  @Field(() => ID, { nullable: true, description: 'Null for schools in no cluster.' })
  id!: string | null;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true, description: 'Schools: the URN.' })
  urn!: string | null;

  @Field(() => [CoverageFigureType])
  figures!: CoverageFigureType[];

  @Field(() => [YearGroupCoverageType], { description: "Its figures by year group: a cluster's heat map comes from one query (issue 16)." })
  byYearGroup!: YearGroupCoverageType[];
}

@ObjectType('HeadcountSummary', { description: 'Headcount-only encounters: counted honestly as headcount, never as pupil coverage.' })
export class HeadcountSummaryType {
  @Field(() => Int)
  encounters!: number;

  @Field(() => Int)
  headcount!: number;
}

@ObjectType('Coverage', { description: 'Benchmark coverage for a hub, a cluster or a school in an academic year.' })
export class CoverageType {
  @Field(() => String, { description: 'hub, cluster or school.' })
  level!: string;

  @Field(() => ID, { nullable: true, description: 'The cluster or school (null for the hub).' })
  id!: string | null;

  @Field(() => String)
  name!: string;

  @Field(() => Int)
  academicYear!: number;

  @Field(() => String, { description: 'e.g. 2025/26.' })
  academicYearLabel!: string;

  @Field(() => BenchmarkPolicyType)
  policy!: BenchmarkPolicyType;

  @Field(() => [CoverageFigureType])
  figures!: CoverageFigureType[];

  @Field(() => [YearGroupCoverageType])
  byYearGroup!: YearGroupCoverageType[];

  @Field(() => [GroupCoverageType], { description: 'Hub: its clusters. Cluster: its schools. School: empty.' })
  groups!: GroupCoverageType[];
}

@ObjectType('BenchmarkStatus', { description: "A pupil's standing against a benchmark on a day, with the reasons." })
export class BenchmarkStatusType {
  @Field(() => Int)
  benchmark!: number;

  @Field(() => BenchmarkStateEnum)
  state!: string;

  @Field(() => Int)
  yearGroup!: number;

  @Field(() => String, { nullable: true })
  windowLabel!: string | null;

  @Field(() => CalendarDateScalar, { nullable: true })
  windowEndsOn!: string | null;

  @Field(() => Int)
  counted!: number;

  @Field(() => Int)
  minimum!: number;

  @Field(() => CalendarDateScalar, { nullable: true })
  metOn!: string | null;

  @Field(() => [String])
  reasons!: string[];
}

@ObjectType('EncounterVerdict')
export class EncounterVerdictType {
  @Field(() => Int)
  benchmark!: number;

  @Field(() => Boolean)
  counts!: boolean;

  @Field(() => [String])
  reasons!: string[];
}

@ObjectType('PupilEncounter', { description: 'An encounter the pupil attended and whether it counts.' })
export class PupilEncounterType {
  @Field(() => ID)
  encounterId!: string;

  @Field(() => CalendarDateScalar)
  date!: string;

  @Field(() => String)
  activityType!: string;

  @Field(() => String)
  format!: string;

  @Field(() => String, { nullable: true })
  title!: string | null;

  @Field(() => [EncounterVerdictType])
  verdicts!: EncounterVerdictType[];
}

@ObjectType('PupilCoverage', { description: "One pupil's encounters and status per benchmark (reading it is audited)." })
export class PupilCoverageType {
  @Field(() => ID)
  pupilId!: string;

  @Field(() => String)
  reference!: string;

  @Field(() => ID)
  schoolId!: string;

  @Field(() => Int)
  academicYear!: number;

  @Field(() => CalendarDateScalar)
  asOf!: string;

  @Field(() => Int)
  yearGroup!: number;

  @Field(() => [PriorityGroupEnum], { description: `Gap-list priority groups.` })
  priorityGroups!: string[];

  @Field(() => [BenchmarkStatusType])
  statuses!: BenchmarkStatusType[];

  @Field(() => [PupilEncounterType])
  encounters!: PupilEncounterType[];
}

@ObjectType('GapPupil', { description: 'A pupil who has not yet met the target (reading these is audited).' })
export class GapPupilType {
  @Field(() => ID)
  pupilId!: string;

  @Field(() => String)
  reference!: string;

  @Field(() => ID)
  schoolId!: string;

  @Field(() => Int)
  yearGroup!: number;

  @Field(() => [PriorityGroupEnum])
  priorityGroups!: string[];

  @Field(() => Int, { description: 'Counted encounters so far in the window.' })
  counted!: number;

  @Field(() => Int)
  minimum!: number;
}

@ObjectType('GapPupilConnection')
export class GapPupilConnection extends Paginated(GapPupilType, 'GapPupil') {}

@InputType('CoverageGapFilter')
export class CoverageGapFilter {
  @Field(() => ID, { nullable: true })
  schoolId?: string | null;

  @Field(() => ID, { nullable: true })
  clusterId?: string | null;

  @Field(() => Int, { nullable: true })
  yearGroup?: number | null;
}

@ArgsType()
export class CoverageGapsArgs extends PageArgs {
  @Field(() => Int, { description: '5 or 6.' })
  benchmark!: number;

  @Field(() => Int, { nullable: true, description: 'Default: the current academic year (Europe/London).' })
  academicYear?: number | null;

  @Field(() => CoverageGapFilter, { nullable: true })
  filter?: CoverageGapFilter | null;
}

@ObjectType('CoverageSnapshot', { description: 'Coverage frozen as of a day: reproducible whatever is corrected later.' })
export class CoverageSnapshotType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { nullable: true, description: 'Null: the whole hub.' })
  schoolId!: string | null;

  @Field(() => Int)
  academicYear!: number;

  @Field(() => CalendarDateScalar)
  asOf!: string;

  @Field(() => String, { description: 'reporting_date (31 Dec, 31 Mar, 31 Jul) or on_demand.' })
  kind!: string;

  @Field(() => Date)
  takenAt!: Date;

  @Field(() => BenchmarkPolicyType)
  policy!: BenchmarkPolicyType;

  @Field(() => [CoverageFigureType])
  figures!: CoverageFigureType[];

  @Field(() => [YearGroupCoverageType])
  byYearGroup!: YearGroupCoverageType[];

  @Field(() => [GroupCoverageType], { description: 'Per school.' })
  schools!: GroupCoverageType[];
}

@ObjectType('CoverageSnapshotConnection')
export class CoverageSnapshotConnection extends Paginated(CoverageSnapshotType, 'CoverageSnapshot') {}

@InputType('TakeCoverageSnapshotInput')
export class TakeCoverageSnapshotInput {
  @Field(() => ID, { nullable: true, description: 'One school; omit for the whole hub (hub admins).' })
  schoolId?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, not in the future. Default today.' })
  asOf?: string | null;
}

@InputType('CoverageSnapshotFilter')
export class CoverageSnapshotFilter {
  @Field(() => ID, { nullable: true })
  schoolId?: string | null;

  @Field(() => Int, { nullable: true })
  academicYear?: number | null;
}

@ArgsType()
export class CoverageSnapshotsArgs extends PageArgs {
  @Field(() => CoverageSnapshotFilter, { nullable: true })
  filter?: CoverageSnapshotFilter | null;
}

@InputType('CoverageCsvInput')
export class CoverageCsvInput {
  @Field(() => ID, {
    nullable: true,
    description: 'One school: a line per pupil. Omit: a line per school, year group and benchmark in your scope.',
  })
  schoolId?: string | null;

  @Field(() => Int, { nullable: true })
  academicYear?: number | null;

  @Field(() => ID, { nullable: true, description: 'Export a snapshot instead of the live figures.' })
  snapshotId?: string | null;
}

@ObjectType('CsvExport')
export class CsvExportType {
  @Field(() => String)
  filename!: string;

  @Field(() => String)
  contentType!: string;

  @Field(() => Int, { description: 'Data lines (header not counted).' })
  rows!: number;

  @Field(() => String)
  content!: string;
}

@ObjectType('EmployerImpact', { description: "An employer's impact: aggregates only, never pupils." })
export class EmployerImpactType {
  @Field(() => ID)
  employerId!: string;

  @Field(() => Int, { nullable: true })
  academicYear!: number | null;

  @Field(() => Int)
  encountersDelivered!: number;

  @Field(() => Int, { description: 'Distinct pupils recorded as attending.' })
  pupilsReached!: number;

  @Field(() => Int)
  disadvantagedReached!: number;

  @Field(() => Float, { nullable: true, description: 'Share of pupils reached who are disadvantaged (0–1); null when none.' })
  shareDisadvantaged!: number | null;

  @Field(() => Int, { description: 'Pupils counted by headcount only (not pupil by pupil).' })
  headcountReached!: number;

  @Field(() => Float, { description: 'Σ duration × volunteers, for encounters with a duration.' })
  volunteerHours!: number;
}
