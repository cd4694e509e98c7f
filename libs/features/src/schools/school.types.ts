import { ArgsType, Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { SCHOOL_PHASES } from '@tandem/domain';
import { PageArgs, Paginated, graphqlEnum } from '@tandem/platform';

/* Enumerated output values are GraphQL enums made from the same lists the service checks input against. */
const SchoolPhaseEnum = graphqlEnum('SchoolPhase', SCHOOL_PHASES);

/* Enumerated values travel as strings (the vocabulary's spelling, e.g. "all_through"), checked by the service. */
const oneOf = (values: readonly string[]): string => `One of: ${values.join(', ')}.`;

@ObjectType('School')
export class SchoolType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'DfE unique reference number: 6 digits.' })
  urn!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true, description: 'UK postcode, upper case with one space (e.g. "LS1 4AP").' })
  postcode!: string | null;

  @Field(() => Float, { nullable: true })
  latitude!: number | null;

  @Field(() => Float, { nullable: true })
  longitude!: number | null;

  @Field(() => SchoolPhaseEnum)
  phase!: string;

  @Field(() => Int)
  lowestYearGroup!: number;

  @Field(() => Int)
  highestYearGroup!: number;

  @Field(() => ID, { nullable: true, description: 'The cluster (and so the Enterprise Coordinator) the school belongs to.' })
  clusterId!: string | null;

  @Field(() => Date, { nullable: true })
  archivedAt!: Date | null;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;
}

@ObjectType('SchoolConnection')
export class SchoolConnection extends Paginated(SchoolType, 'School') {}

@InputType('CreateSchoolInput')
export class CreateSchoolInput {
  @Field(() => String, { description: '6 digits.' })
  urn!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: 'A UK postcode; stored upper case with one space.' })
  postcode!: string;

  @Field(() => Float, { nullable: true, description: 'Give with longitude, or neither.' })
  latitude?: number | null;

  @Field(() => Float, { nullable: true, description: 'Give with latitude, or neither.' })
  longitude?: number | null;

  @Field(() => String, { description: oneOf(SCHOOL_PHASES) })
  phase!: string;

  @Field(() => Int, { description: '7–13.' })
  lowestYearGroup!: number;

  @Field(() => Int, { description: '7–13, not below lowestYearGroup.' })
  highestYearGroup!: number;

  @Field(() => ID, { description: 'A cluster of this hub.' })
  clusterId!: string;
}

@InputType('UpdateSchoolInput', { description: 'Only the fields given change. URN and cluster are for hub admins only.' })
export class UpdateSchoolInput {
  @Field(() => String, { nullable: true })
  urn?: string | null;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  postcode?: string | null;

  @Field(() => Float, { nullable: true })
  latitude?: number | null;

  @Field(() => Float, { nullable: true })
  longitude?: number | null;

  @Field(() => String, { nullable: true })
  phase?: string | null;

  @Field(() => Int, { nullable: true })
  lowestYearGroup?: number | null;

  @Field(() => Int, { nullable: true })
  highestYearGroup?: number | null;

  @Field(() => ID, { nullable: true })
  clusterId?: string | null;
}

@InputType('SchoolFilter')
export class SchoolFilter {
  @Field(() => ID, { nullable: true })
  clusterId?: string | null;

  @Field(() => String, { nullable: true, description: 'Part of the name (case-insensitive), or the first digits of the URN.' })
  search?: string | null;

  @Field(() => String, { nullable: true, description: oneOf(SCHOOL_PHASES) })
  phase?: string | null;

  @Field(() => Boolean, { nullable: true })
  includeArchived?: boolean | null;
}

@ArgsType()
export class SchoolsArgs extends PageArgs {
  @Field(() => SchoolFilter, { nullable: true })
  filter?: SchoolFilter | null;
}
