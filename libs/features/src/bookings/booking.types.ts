import { ArgsType, Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { BOOKING_ACTIONS, BOOKING_SIDES, BOOKING_STATES, NOTIFICATION_CATEGORIES } from '@tandem/domain';
import { PageArgs, Paginated, graphqlEnum } from '@tandem/platform';

/* Enumerated output values are GraphQL enums made from the same lists the service checks input against. */
const BookingTransitionActionEnum = graphqlEnum('BookingTransitionAction', ['create', ...BOOKING_ACTIONS] as const);
const BookingSideEnum = graphqlEnum('BookingSide', BOOKING_SIDES);
const BookingStateEnum = graphqlEnum('BookingState', BOOKING_STATES);
const NotificationCategoryEnum = graphqlEnum('NotificationCategory', NOTIFICATION_CATEGORIES);

/* Enumerated values travel as strings (the domain's own spelling) and are checked by the service. */
const oneOf = (values: readonly string[]): string => `One of: ${values.join(', ')}.`;

@ObjectType('BookingTransition', { description: 'One change of a booking: who, when, why, from and to.' })
export class BookingTransitionType {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: "The booking's version after this change." })
  version!: number;

  @Field(() => BookingTransitionActionEnum)
  action!: string;

  @Field(() => String, { nullable: true })
  fromState!: string | null;

  @Field(() => String)
  toState!: string;

  @Field(() => BookingSideEnum)
  actorSide!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The user who made it (null when the employer answered from an emailed link, or a job did).',
  })
  actorUserId!: string | null;

  @Field(() => Boolean, { description: 'Made through an emailed Accept / Decline link, without logging in.' })
  byEmailLink!: boolean;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Field(() => String, { nullable: true, description: 'Another time suggested when declining.' })
  proposedAlternative!: string | null;

  @Field(() => ID)
  offerSessionId!: string;

  @Field(() => ID, { nullable: true, description: 'For a reschedule: the session it held before.' })
  previousOfferSessionId!: string | null;

  @Field(() => Date)
  createdAt!: Date;
}

@ObjectType('Booking', { description: "A school's request meeting one session of an employer's offer." })
export class BookingType {
  @Field(() => ID)
  id!: string;

  @Field(() => BookingStateEnum)
  state!: string;

  @Field(() => Int, { description: 'Goes up with every change.' })
  version!: number;

  @Field(() => ID)
  requestId!: string;

  @Field(() => ID)
  offerId!: string;

  @Field(() => ID)
  offerSessionId!: string;

  @Field(() => ID)
  schoolId!: string;

  @Field(() => ID)
  employerId!: string;

  @Field(() => ID, { description: 'The employer contact who is asked and reminded.' })
  contactId!: string;

  @Field(() => Int)
  yearGroup!: number;

  @Field(() => Int)
  pupilCount!: number;

  @Field(() => Date)
  startsAt!: Date;

  @Field(() => Date)
  endsAt!: Date;

  @Field(() => Date, { nullable: true })
  deliveredAt!: Date | null;

  @Field(() => Date, { nullable: true })
  recordedAt!: Date | null;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;
}

@ObjectType('BookingConnection')
export class BookingConnection extends Paginated(BookingType, 'Booking') {}

@ObjectType('BookingSettings', { description: "The hub's rules for booking mail (times are Europe/London)." })
export class BookingSettingsType {
  @Field(() => [Int], { description: 'Reminders this many days before each session (same London time of day).' })
  reminderDaysBefore!: number[];

  @Field(() => String, { description: 'HH:MM: mail goes out from this time…' })
  sendFrom!: string;

  @Field(() => String, { description: '…until this time (inclusive). Urgent mail (a session within 48 hours) ignores the hours.' })
  sendUntil!: string;

  @Field(() => Boolean)
  sendOnWeekends!: boolean;

  @Field(() => Int, { description: 'A booking waiting this many days for an answer nudges the coordinator.' })
  unansweredAfterDays!: number;

  @Field(() => Int, { description: 'Accept / Decline links expire after this many days (never after the session starts).' })
  linkValidityDays!: number;

  @Field(() => Int, { description: 'The follow-up goes this many hours after the session ends.' })
  followUpHoursAfter!: number;
}

@ObjectType('NotificationPreferences')
export class NotificationPreferencesType {
  @Field(() => String)
  email!: string;

  @Field(() => [NotificationCategoryEnum], { description: `Switched off.` })
  muted!: string[];
}

// ── inputs ──────────────────────────────────────────────────────────────────

@InputType('RequestOfferSessionInput', { description: 'A school asks for one session of a posted offer.' })
export class RequestOfferSessionInput {
  @Field(() => ID)
  offerSessionId!: string;

  @Field(() => ID)
  schoolId!: string;

  @Field(() => Int)
  yearGroup!: number;

  @Field(() => Int)
  pupilCount!: number;

  @Field(() => String, { nullable: true })
  notes?: string | null;
}

@InputType('DeclineBookingInput')
export class DeclineBookingInput {
  @Field(() => String, { nullable: true })
  reason?: string | null;

  @Field(() => String, { nullable: true, description: 'Another time you could do, in words.' })
  proposedAlternative?: string | null;
}

@InputType('BookingReasonInput')
export class BookingReasonInput {
  @Field(() => String, { description: 'Why, in a few words (required).' })
  reason!: string;
}

@InputType('RescheduleBookingInput')
export class RescheduleBookingInput {
  @Field(() => ID, { description: 'Another open session of the same offer.' })
  offerSessionId!: string;

  @Field(() => String, { nullable: true })
  reason?: string | null;
}

@InputType('BookingFilter')
export class BookingFilter {
  @Field(() => [String], { nullable: true, description: oneOf(BOOKING_STATES) })
  states?: string[] | null;

  @Field(() => ID, { nullable: true })
  schoolId?: string | null;

  @Field(() => ID, { nullable: true })
  employerId?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD (London): sessions starting on or after this day.' })
  dateFrom?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD (London): sessions starting on or before this day.' })
  dateTo?: string | null;
}

@ArgsType()
export class BookingsArgs extends PageArgs {
  @Field(() => BookingFilter, { nullable: true })
  filter?: BookingFilter | null;
}

@InputType('BookingSettingsInput', { description: 'Only the fields given change; null resets one to its default.' })
export class BookingSettingsInput {
  @Field(() => [Int], { nullable: true })
  reminderDaysBefore?: number[] | null;

  @Field(() => String, { nullable: true })
  sendFrom?: string | null;

  @Field(() => String, { nullable: true })
  sendUntil?: string | null;

  @Field(() => Boolean, { nullable: true })
  sendOnWeekends?: boolean | null;

  @Field(() => Int, { nullable: true })
  unansweredAfterDays?: number | null;

  @Field(() => Int, { nullable: true })
  linkValidityDays?: number | null;

  @Field(() => Int, { nullable: true })
  followUpHoursAfter?: number | null;
}

@InputType('NotificationPreferencesInput')
export class NotificationPreferencesInput {
  @Field(() => [String], {
    description: `The categories to switch off (an empty list switches everything on). ${oneOf(NOTIFICATION_CATEGORIES)}`,
  })
  muted!: string[];
}
