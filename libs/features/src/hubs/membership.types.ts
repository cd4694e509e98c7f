import { ArgsType, Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { PageArgs, Paginated } from '@tandem/platform';
import { RoleValue } from '@tandem/features/auth';

@ObjectType('Membership', { description: "A person's role in this hub, with the one scope id the role has." })
export class MembershipType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  userId!: string;

  @Field(() => RoleValue)
  role!: string;

  @Field(() => ID, { nullable: true })
  clusterId!: string | null;

  @Field(() => ID, { nullable: true })
  schoolId!: string | null;

  @Field(() => ID, { nullable: true })
  employerId!: string | null;

  @Field(() => Date, { nullable: true })
  archivedAt!: Date | null;

  @Field(() => Date)
  createdAt!: Date;
}

@ObjectType('MembershipConnection')
export class MembershipConnection extends Paginated(MembershipType, 'Membership') {}

@InputType('MembershipFilter')
export class MembershipFilter {
  @Field(() => RoleValue, { nullable: true })
  role?: string | null;

  @Field(() => ID, { nullable: true, description: 'Coordinators of this cluster and staff of its schools.' })
  clusterId?: string | null;

  @Field(() => ID, { nullable: true })
  schoolId?: string | null;

  @Field(() => ID, { nullable: true })
  employerId?: string | null;

  @Field(() => String, { nullable: true, description: 'Part of the email or name (case-insensitive).' })
  search?: string | null;

  @Field(() => Boolean, { nullable: true })
  includeArchived?: boolean | null;
}

@ArgsType()
export class MembershipsArgs extends PageArgs {
  @Field(() => MembershipFilter, { nullable: true })
  filter?: MembershipFilter | null;
}
