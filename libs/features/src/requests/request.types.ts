import { ArgsType, Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { ACTIVITY_TYPES, FORMATS, REQUEST_STATUSES } from '@tandem/domain';
import { CalendarDateScalar, PageArgs, Paginated, graphqlEnum } from '@tandem/platform';
import { ActivityTypeEnum, FormatEnum } from '@tandem/features/shared';

/* Enumerated output values are GraphQL enums made from the same lists the service checks input against. */
const RequestStatusEnum = graphqlEnum('RequestStatus', REQUEST_STATUSES);

const oneOf = (values: readonly string[]): string => `One of: ${values.join(', ')}.`;

@ObjectType('RequestWindow', { description: 'A time the school can do it.' })
export class RequestWindowType {
  @Field(() => ID)
  id!: string;

  @Field(() => Date)
  startsAt!: Date;

  @Field(() => Date)
  endsAt!: Date;
}

@ObjectType('Request', { description: 'A school asks for a specific kind of encounter for a year group.' })
export class RequestType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  schoolId!: string;

  @Field(() => ActivityTypeEnum)
  activityType!: string;

  @Field(() => Int)
  yearGroup!: number;

  @Field(() => Int)
  pupilCount!: number;

  @Field(() => [FormatEnum], { description: `Acceptable formats.` })
  formats!: string[];

  @Field(() => CalendarDateScalar, { nullable: true })
  deadline!: string | null;

  @Field(() => String, { nullable: true })
  notes!: string | null;

  @Field(() => RequestStatusEnum)
  status!: string;

  @Field(() => Date, { nullable: true })
  archivedAt!: Date | null;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;
}

@ObjectType('RequestConnection')
export class RequestConnection extends Paginated(RequestType, 'Request') {}

@InputType('RequestWindowInput')
export class RequestWindowInput {
  @Field(() => String, { description: 'ISO date-time with a zone, e.g. 2026-02-03T13:30:00Z; not in the past.' })
  startsAt!: string;

  @Field(() => String, { description: 'After startsAt.' })
  endsAt!: string;
}

@InputType('CreateRequestInput')
export class CreateRequestInput {
  @Field(() => ID)
  schoolId!: string;

  @Field(() => String, { description: oneOf(ACTIVITY_TYPES) })
  activityType!: string;

  @Field(() => Int, { description: 'A year group the school teaches.' })
  yearGroup!: number;

  @Field(() => Int)
  pupilCount!: number;

  @Field(() => [String], { description: oneOf(FORMATS) })
  formats!: string[];

  @Field(() => [RequestWindowInput], { description: 'At least one.' })
  windows!: RequestWindowInput[];

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: answer needed by.' })
  deadline?: string | null;

  @Field(() => String, { nullable: true })
  notes?: string | null;
}

@InputType('UpdateRequestInput', { description: 'Only the fields given change; windows, when given, replace the set.' })
export class UpdateRequestInput {
  @Field(() => String, { nullable: true })
  activityType?: string | null;

  @Field(() => Int, { nullable: true })
  yearGroup?: number | null;

  @Field(() => Int, { nullable: true })
  pupilCount?: number | null;

  @Field(() => [String], { nullable: true })
  formats?: string[] | null;

  @Field(() => [RequestWindowInput], { nullable: true })
  windows?: RequestWindowInput[] | null;

  @Field(() => String, { nullable: true })
  deadline?: string | null;

  @Field(() => String, { nullable: true })
  notes?: string | null;
}

@InputType('RequestFilter')
export class RequestFilter {
  @Field(() => ID, { nullable: true })
  clusterId?: string | null;

  @Field(() => ID, { nullable: true })
  schoolId?: string | null;

  @Field(() => Int, { nullable: true })
  yearGroup?: number | null;

  @Field(() => String, { nullable: true })
  activityType?: string | null;

  @Field(() => String, { nullable: true, description: oneOf(REQUEST_STATUSES) })
  status?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: a window on or after this day.' })
  dateFrom?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: a window on or before this day.' })
  dateTo?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Include cancelled (archived) requests.' })
  includeArchived?: boolean | null;
}

@ArgsType()
export class RequestsArgs extends PageArgs {
  @Field(() => RequestFilter, { nullable: true })
  filter?: RequestFilter | null;
}
