import { ArgsType, Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { DBS_STATUSES, SECTORS, SIZE_BANDS, VETTING_KINDS, VETTING_OUTCOMES } from '@tandem/domain';
import { CalendarDateScalar, PageArgs, Paginated, graphqlEnum } from '@tandem/platform';

/* Enumerated output values are GraphQL enums made from the same lists the service checks input against. */
const SizeBandEnum = graphqlEnum('SizeBand', SIZE_BANDS);
const VettingKindEnum = graphqlEnum('VettingKind', VETTING_KINDS);
const VettingOutcomeEnum = graphqlEnum('VettingOutcome', VETTING_OUTCOMES);
export const DbsStatusEnum = graphqlEnum('DbsStatus', DBS_STATUSES);

/*
 * Enumerated values travel as strings (the vocabulary's own spelling, e.g. "sme") and are checked
 * by the service, so a wrong value answers INVALID_ENUM_VALUE naming the input field.
 */
const oneOf = (values: readonly string[]): string => `One of: ${values.join(', ')}.`;

@ObjectType('Employer')
export class EmployerType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  // Not an enum: the column has held free text (no check constraint), so an old row may hold a word
  // outside SECTORS; new and changed employers are checked against SECTORS.
  @Field(() => String, {
    nullable: true,
    description: 'The sector: new entries are checked against the input list; older ones may hold other words.',
  })
  sector!: string | null;

  @Field(() => SizeBandEnum)
  sizeBand!: string;

  @Field(() => String, { nullable: true })
  postcode!: string | null;

  @Field(() => Float, { nullable: true })
  latitude!: number | null;

  @Field(() => Float, { nullable: true })
  longitude!: number | null;

  @Field(() => String, { nullable: true })
  website!: string | null;

  @Field(() => Int, { nullable: true, description: 'Contact-fatigue limit: at most this many requests a month (0 = paused).' })
  maxRequestsPerMonth!: number | null;

  @Field(() => Date, { nullable: true })
  archivedAt!: Date | null;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;
}

@ObjectType('EmployerConnection')
export class EmployerConnection extends Paginated(EmployerType, 'Employer') {}

@ObjectType('EmployerContact')
export class EmployerContactType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  employerId!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  email!: string;

  @Field(() => String, { nullable: true })
  phone!: string | null;

  @Field(() => String, { nullable: true })
  jobTitle!: string | null;

  // dbsStatus and dbsCheckedOn are resolved by EmployerContactResolver: null for those who may not
  // see vetting details (school staff).

  @Field(() => Date, { nullable: true })
  archivedAt!: Date | null;
}

@ObjectType('VettingCheck')
export class VettingCheckType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  employerId!: string;

  @Field(() => VettingKindEnum)
  kind!: string;

  @Field(() => CalendarDateScalar)
  checkedOn!: string;

  @Field(() => CalendarDateScalar, { description: 'Valid until this day (inclusive).' })
  expiresOn!: string;

  @Field(() => VettingOutcomeEnum, {
    description: `passed/failed are recorded by hub staff; declared is the employer's own word and never vets.`,
  })
  outcome!: string;

  @Field(() => String, { nullable: true })
  documentRef!: string | null;

  @Field(() => Date, { description: 'When it was recorded.' })
  recordedAt!: Date;

  // recordedByName: resolved by VettingCheckResolver.

  @Field(() => String, { nullable: true })
  notes!: string | null;

  @Field(() => Date, { nullable: true })
  archivedAt!: Date | null;

  @Field(() => Date)
  createdAt!: Date;
}

@ObjectType('VettingStatus', { description: 'Whether the employer is vetted on a date: every kind of check passed and valid that day.' })
export class VettingStatusType {
  @Field(() => CalendarDateScalar)
  onDate!: string;

  @Field(() => Boolean)
  vetted!: boolean;

  @Field(() => [String], {
    nullable: true,
    description: 'Kinds with no valid passed check (null for those who may not see vetting details).',
  })
  missingKinds!: string[] | null;

  @Field(() => CalendarDateScalar, {
    nullable: true,
    description: 'When vetted: the earliest expiry among the checks (null for those who may not see vetting details).',
  })
  validUntil!: string | null;
}

// ── inputs ──────────────────────────────────────────────────────────────────

@InputType('CreateEmployerInput')
export class CreateEmployerInput {
  @Field(() => String)
  name!: string;

  @Field(() => String, { description: oneOf(SECTORS) })
  sector!: string;

  @Field(() => String, { description: oneOf(SIZE_BANDS) })
  sizeBand!: string;

  @Field(() => String, { nullable: true })
  postcode?: string | null;

  @Field(() => Float, { nullable: true })
  latitude?: number | null;

  @Field(() => Float, { nullable: true })
  longitude?: number | null;

  @Field(() => String, { nullable: true })
  website?: string | null;

  @Field(() => Int, { nullable: true })
  maxRequestsPerMonth?: number | null;
}

@InputType('UpdateEmployerInput', { description: 'Only the fields given change; null clears an optional one.' })
export class UpdateEmployerInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  sector?: string | null;

  @Field(() => String, { nullable: true })
  sizeBand?: string | null;

  @Field(() => String, { nullable: true })
  postcode?: string | null;

  @Field(() => Float, { nullable: true })
  latitude?: number | null;

  @Field(() => Float, { nullable: true })
  longitude?: number | null;

  @Field(() => String, { nullable: true })
  website?: string | null;

  @Field(() => Int, { nullable: true })
  maxRequestsPerMonth?: number | null;
}

@InputType('EmployerFilter')
export class EmployerFilter {
  @Field(() => String, { nullable: true })
  sector?: string | null;

  @Field(() => String, { nullable: true })
  sizeBand?: string | null;

  @Field(() => String, { nullable: true, description: 'Part of the name (case-insensitive).' })
  search?: string | null;

  @Field(() => String, { nullable: true, description: 'vetted or not_vetted, on vettingOn (default today).' })
  vettingStatus?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; the day vettingStatus is judged on.' })
  vettingOn?: string | null;

  @Field(() => Boolean, { nullable: true })
  includeArchived?: boolean | null;
}

@ArgsType()
export class EmployersArgs extends PageArgs {
  @Field(() => EmployerFilter, { nullable: true })
  filter?: EmployerFilter | null;
}

@InputType('EmployerContactInput')
export class EmployerContactInput {
  @Field(() => String)
  name!: string;

  @Field(() => String)
  email!: string;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  jobTitle?: string | null;

  @Field(() => String, { nullable: true, description: `${oneOf(DBS_STATUSES)} Default none.` })
  dbsStatus?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; required unless dbsStatus is none.' })
  dbsCheckedOn?: string | null;
}

@InputType('UpdateEmployerContactInput', { description: 'Only the fields given change.' })
export class UpdateEmployerContactInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  jobTitle?: string | null;

  @Field(() => String, { nullable: true })
  dbsStatus?: string | null;

  @Field(() => String, { nullable: true })
  dbsCheckedOn?: string | null;
}

@InputType('VettingCheckInput')
export class VettingCheckInput {
  @Field(() => String, { description: oneOf(VETTING_KINDS) })
  kind!: string;

  @Field(() => String, { description: 'YYYY-MM-DD, not in the future.' })
  checkedOn!: string;

  @Field(() => String, { description: 'YYYY-MM-DD, on or after checkedOn (valid through this day).' })
  expiresOn!: string;

  @Field(() => String, { description: oneOf(VETTING_OUTCOMES) })
  outcome!: string;

  @Field(() => String, { nullable: true })
  documentRef?: string | null;

  @Field(() => String, { nullable: true })
  notes?: string | null;
}
