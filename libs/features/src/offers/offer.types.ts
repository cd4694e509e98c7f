import { ArgsType, Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { ACTIVITY_TYPES, FORMATS, OFFER_STATUSES } from '@tandem/domain';
import { CalendarDateScalar, PageArgs, Paginated, graphqlEnum } from '@tandem/platform';
import { ActivityTypeEnum, FormatEnum } from '@tandem/features/shared';

/* Enumerated output values are GraphQL enums made from the same lists the service checks input against. */
const OfferStatusEnum = graphqlEnum('OfferStatus', OFFER_STATUSES);

const oneOf = (values: readonly string[]): string => `One of: ${values.join(', ')}.`;

@ObjectType('OfferAvailabilityWindow', {
  description: 'When the employer can do it: days in a date range, on these weekdays, between two times (Europe/London).',
})
export class OfferAvailabilityWindowType {
  @Field(() => ID)
  id!: string;

  @Field(() => CalendarDateScalar)
  startsOn!: string;

  @Field(() => CalendarDateScalar)
  endsOn!: string;

  @Field(() => [Int], { description: 'ISO weekdays, 1 = Monday … 7 = Sunday.' })
  weekdays!: number[];

  @Field(() => String, { description: 'HH:MM' })
  startTime!: string;

  @Field(() => String, { description: 'HH:MM' })
  endTime!: string;
}

@ObjectType('OfferSession')
export class OfferSessionType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  offerId!: string;

  @Field(() => Date)
  startsAt!: Date;

  @Field(() => Date)
  endsAt!: Date;

  @Field(() => Int, { description: 'Pupils this session takes.' })
  capacity!: number;

  @Field(() => String, { description: 'open, held, booked or cancelled.' })
  status!: string;
}

@ObjectType('Offer', { description: "An employer's light-touch offer." })
export class OfferType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  employerId!: string;

  @Field(() => ID, { nullable: true })
  contactId!: string | null;

  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => ActivityTypeEnum)
  activityType!: string;

  @Field(() => FormatEnum)
  format!: string;

  @Field(() => Int, { description: '5 or 6, derived from the activity type and format.' })
  benchmark!: number;

  @Field(() => Int)
  durationMinutes!: number;

  @Field(() => Int)
  pupilsPerSession!: number;

  @Field(() => Int)
  sessionsAvailable!: number;

  @Field(() => [Int])
  yearGroups!: number[];

  @Field(() => Float, { nullable: true, description: 'How far the employer travels for visits in person at school.' })
  travelRadiusKm!: number | null;

  @Field(() => OfferStatusEnum)
  status!: string;

  @Field(() => Date, { nullable: true })
  archivedAt!: Date | null;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;
}

@ObjectType('OfferConnection')
export class OfferConnection extends Paginated(OfferType, 'Offer') {}

// ── inputs ──────────────────────────────────────────────────────────────────

@InputType('OfferAvailabilityWindowInput')
export class OfferAvailabilityWindowInput {
  @Field(() => String, { description: 'YYYY-MM-DD' })
  startsOn!: string;

  @Field(() => String, { description: 'YYYY-MM-DD, on or after startsOn.' })
  endsOn!: string;

  @Field(() => [Int], { nullable: true, description: 'ISO weekdays (1 = Monday); default Monday to Friday.' })
  weekdays?: number[] | null;

  @Field(() => String, { description: 'HH:MM (24-hour, Europe/London).' })
  startTime!: string;

  @Field(() => String, { description: 'HH:MM, after startTime.' })
  endTime!: string;
}

@InputType('OfferSessionInput')
export class OfferSessionInput {
  @Field(() => String, { description: 'ISO date-time with a zone, e.g. 2026-02-03T13:30:00Z; in the future.' })
  startsAt!: string;

  @Field(() => String, { description: 'After startsAt.' })
  endsAt!: string;

  @Field(() => Int, { nullable: true, description: "1 up to the offer's pupilsPerSession (the default)." })
  capacity?: number | null;
}

@InputType('CreateOfferInput')
export class CreateOfferInput {
  @Field(() => ID)
  employerId!: string;

  @Field(() => ID, { nullable: true, description: "One of the employer's contacts, who leads it." })
  contactId?: string | null;

  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => String, { description: oneOf(ACTIVITY_TYPES) })
  activityType!: string;

  @Field(() => String, { description: oneOf(FORMATS) })
  format!: string;

  @Field(() => Int)
  durationMinutes!: number;

  @Field(() => Int)
  pupilsPerSession!: number;

  @Field(() => Int)
  sessionsAvailable!: number;

  @Field(() => [Int], { description: 'Eligible year groups, 7–13.' })
  yearGroups!: number[];

  @Field(() => Float, { nullable: true, description: 'Required for in_person_school.' })
  travelRadiusKm?: number | null;

  @Field(() => String, { nullable: true, description: 'draft (default) or published.' })
  status?: string | null;

  @Field(() => [OfferAvailabilityWindowInput], { nullable: true })
  availabilityWindows?: OfferAvailabilityWindowInput[] | null;

  @Field(() => [OfferSessionInput], { nullable: true })
  sessions?: OfferSessionInput[] | null;
}

@InputType('UpdateOfferInput', { description: 'Only the fields given change; availabilityWindows, when given, replace the set.' })
export class UpdateOfferInput {
  @Field(() => ID, { nullable: true })
  contactId?: string | null;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => String, { nullable: true })
  activityType?: string | null;

  @Field(() => String, { nullable: true })
  format?: string | null;

  @Field(() => Int, { nullable: true })
  durationMinutes?: number | null;

  @Field(() => Int, { nullable: true })
  pupilsPerSession?: number | null;

  @Field(() => Int, { nullable: true })
  sessionsAvailable?: number | null;

  @Field(() => [Int], { nullable: true })
  yearGroups?: number[] | null;

  @Field(() => Float, { nullable: true })
  travelRadiusKm?: number | null;

  @Field(() => String, { nullable: true })
  status?: string | null;

  @Field(() => [OfferAvailabilityWindowInput], { nullable: true })
  availabilityWindows?: OfferAvailabilityWindowInput[] | null;
}

@InputType('OfferFilter')
export class OfferFilter {
  @Field(() => String, { nullable: true })
  activityType?: string | null;

  @Field(() => String, { nullable: true })
  format?: string | null;

  @Field(() => Int, { nullable: true, description: 'Offers open to this year group.' })
  yearGroup?: number | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: available on or after this day.' })
  dateFrom?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: available on or before this day.' })
  dateTo?: string | null;

  @Field(() => ID, { nullable: true })
  employerId?: string | null;

  @Field(() => String, { nullable: true, description: 'draft or published (school staff only ever see published).' })
  status?: string | null;

  @Field(() => Boolean, { nullable: true })
  includeArchived?: boolean | null;
}

@ArgsType()
export class OffersArgs extends PageArgs {
  @Field(() => OfferFilter, { nullable: true })
  filter?: OfferFilter | null;
}
