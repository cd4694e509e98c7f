import { ArgsType, Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { ACTIVITY_TYPES, ENCOUNTER_STATUSES, FORMATS, MEANINGFUL_CRITERIA } from '@tandem/domain';
import { CalendarDateScalar, PageArgs, Paginated, graphqlEnum } from '@tandem/platform';
import { ActivityTypeEnum, FormatEnum } from '@tandem/features/shared';

/* Enumerated output values are GraphQL enums made from the same lists the service checks input against. */
const EncounterStatusEnum = graphqlEnum('EncounterStatus', ENCOUNTER_STATUSES);
const MeaningfulCriterionEnum = graphqlEnum('MeaningfulCriterion', MEANINGFUL_CRITERIA);

const oneOf = (values: readonly string[]): string => `One of: ${values.join(', ')}.`;

@ObjectType('EncounterEmployer')
export class EncounterEmployerType {
  @Field(() => ID)
  employerId!: string;

  @Field(() => String)
  name!: string;

  @Field(() => Int, { description: 'Volunteers the employer sent.' })
  volunteers!: number;
}

@ObjectType('EncounterBenchmark', { description: "Whether the encounter counts for a benchmark under the hub's policy, and why not." })
export class EncounterBenchmarkType {
  @Field(() => Int)
  benchmark!: number;

  @Field(() => Boolean)
  counts!: boolean;

  @Field(() => [String])
  reasons!: string[];
}

@ObjectType('Attendee', { description: 'A pupil who attended (reading these is audited).' })
export class AttendeeType {
  @Field(() => ID)
  pupilId!: string;

  @Field(() => String)
  reference!: string;

  @Field(() => Int, { description: 'Year group on the day of the encounter.' })
  yearGroup!: number;
}

@ObjectType('Encounter', { description: 'An employer encounter a school logged (or, later, a delivered booking).' })
export class EncounterType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  schoolId!: string;

  @Field(() => ID, { nullable: true })
  bookingId!: string | null;

  @Field(() => CalendarDateScalar)
  date!: string;

  @Field(() => ActivityTypeEnum)
  activityType!: string;

  @Field(() => FormatEnum)
  format!: string;

  @Field(() => String, { nullable: true })
  title!: string | null;

  @Field(() => [Int])
  yearGroups!: number[];

  @Field(() => Int, { nullable: true })
  durationMinutes!: number | null;

  @Field(() => EncounterStatusEnum)
  status!: string;

  @Field(() => Boolean, { description: 'Only a headcount is known: never counted as pupil-level coverage.' })
  headcountOnly!: boolean;

  @Field(() => Int, { nullable: true })
  headcount!: number | null;

  @Field(() => [MeaningfulCriterionEnum], { description: `Meaningful-checklist criteria ticked.` })
  checklist!: string[];

  @Field(() => Date, { nullable: true })
  checklistRecordedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  attendanceRecordedAt!: Date | null;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;
}

@ObjectType('EncounterConnection')
export class EncounterConnection extends Paginated(EncounterType, 'Encounter') {}

@ObjectType('AttendanceRowError', { description: 'A line of an attendance CSV that was not used.' })
export class AttendanceRowErrorType {
  @Field(() => Int, { description: 'The row number a spreadsheet shows (header = 1).' })
  line!: number;

  @Field(() => String)
  field!: string;

  @Field(() => String)
  code!: string;

  @Field(() => String)
  message!: string;
}

@ObjectType('AttendanceResult')
export class AttendanceResultType {
  @Field(() => EncounterType)
  encounter!: EncounterType;

  @Field(() => Int)
  added!: number;

  @Field(() => Int)
  removed!: number;

  @Field(() => Int, { description: 'Pupils attending after the change.' })
  attendanceCount!: number;

  @Field(() => [AttendanceRowErrorType], { description: 'Lines left out (valid_rows_only); empty otherwise.' })
  errors!: AttendanceRowErrorType[];
}

// ── inputs ──────────────────────────────────────────────────────────────────

@InputType('EncounterEmployerInput')
export class EncounterEmployerInput {
  @Field(() => ID)
  employerId!: string;

  @Field(() => Int, { nullable: true, description: 'Default 1.' })
  volunteers?: number | null;
}

@InputType('LogEncounterInput')
export class LogEncounterInput {
  @Field(() => ID)
  schoolId!: string;

  @Field(() => String, { description: 'YYYY-MM-DD (Europe/London); not in the future when delivered.' })
  date!: string;

  @Field(() => String, { description: oneOf(ACTIVITY_TYPES) })
  activityType!: string;

  @Field(() => String, { description: oneOf(FORMATS) })
  format!: string;

  @Field(() => [Int], { description: 'Year groups it was for (the school must teach them).' })
  yearGroups!: number[];

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => Int, { nullable: true })
  durationMinutes?: number | null;

  @Field(() => String, { nullable: true, description: `${oneOf(ENCOUNTER_STATUSES)} Default delivered.` })
  status?: string | null;

  @Field(() => [EncounterEmployerInput], { nullable: true })
  employers?: EncounterEmployerInput[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Only a headcount is known (no attendance list).' })
  headcountOnly?: boolean | null;

  @Field(() => Int, { nullable: true, description: 'Headcount-only encounters: how many attended (at most the year groups on roll).' })
  headcount?: number | null;

  @Field(() => [String], { nullable: true, description: `Meaningful-checklist criteria ticked. ${oneOf(MEANINGFUL_CRITERIA)}` })
  checklist?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Pupils who attended (delivered, not headcount-only).' })
  pupilIds?: string[] | null;
}

@InputType('UpdateEncounterInput', { description: 'Only the fields given change.' })
export class UpdateEncounterInput {
  @Field(() => String, { nullable: true })
  date?: string | null;

  @Field(() => String, { nullable: true })
  activityType?: string | null;

  @Field(() => String, { nullable: true })
  format?: string | null;

  @Field(() => [Int], { nullable: true })
  yearGroups?: number[] | null;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => Int, { nullable: true })
  durationMinutes?: number | null;

  @Field(() => String, { nullable: true })
  status?: string | null;

  @Field(() => [EncounterEmployerInput], { nullable: true, description: 'Replaces the list.' })
  employers?: EncounterEmployerInput[] | null;

  @Field(() => Boolean, { nullable: true })
  headcountOnly?: boolean | null;

  @Field(() => Int, { nullable: true })
  headcount?: number | null;
}

@InputType('AttendanceInput')
export class AttendanceInput {
  @Field(() => [ID])
  pupilIds!: string[];

  @Field(() => String, { nullable: true, description: 'replace (default: the list is the whole attendance), add or remove.' })
  mode?: string | null;
}

@InputType('AttendanceCsvInput')
export class AttendanceCsvInput {
  @Field(() => String, { description: 'CSV text with a header and a pupil reference column ("UPN", "Reference", "Admission Number").' })
  csv!: string;

  @Field(() => String, { nullable: true, description: 'replace (default) or add.' })
  mode?: string | null;

  @Field(() => String, { nullable: true, description: 'all_or_nothing (default: any bad line writes nothing) or valid_rows_only.' })
  onError?: string | null;
}

@InputType('EncounterFilter')
export class EncounterFilter {
  @Field(() => ID, { nullable: true })
  schoolId?: string | null;

  @Field(() => Int, { nullable: true, description: 'Academic year by its starting year (2025 = 2025/26).' })
  academicYear?: number | null;

  @Field(() => String, { nullable: true })
  activityType?: string | null;

  @Field(() => String, { nullable: true })
  status?: string | null;

  @Field(() => ID, { nullable: true, description: 'The encounter a delivered booking became.' })
  bookingId?: string | null;
}

@ArgsType()
export class EncountersArgs extends PageArgs {
  @Field(() => EncounterFilter, { nullable: true })
  filter?: EncounterFilter | null;
}
