import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';

/**
 * The GraphQL auth contract of docs/CONVENTIONS.md ("GraphQL auth contract"), which the admin app
 * relies on. Additions since: Me.tenantSlug, Me.membershipId, myMemberships, switchMembership.
 */

/** GraphQL `Role`: names as the contract spells them, values as the database and scope.ts do. */
export enum RoleValue {
  PLATFORM_ADMIN = 'platform_admin',
  HUB_ADMIN = 'hub_admin',
  COORDINATOR = 'coordinator',
  SCHOOL_STAFF = 'school_staff',
  EMPLOYER_CONTACT = 'employer_contact',
}

registerEnumType(RoleValue, {
  name: 'Role',
  description: 'PLATFORM_ADMIN runs the platform; the others are roles in one hub (membership roles).',
});

@InputType('LoginInput')
export class LoginInput {
  @Field(() => String)
  email!: string;

  @Field(() => String)
  password!: string;

  @Field(() => String, { nullable: true, description: 'The hub to log in to, when you belong to several (its slug).' })
  tenantSlug?: string | null;
}

@InputType('ChangePasswordInput')
export class ChangePasswordInput {
  @Field(() => String)
  currentPassword!: string;

  @Field(() => String, { description: 'At least 12 characters, not your email address.' })
  newPassword!: string;
}

@InputType('ResetPasswordInput')
export class ResetPasswordInput {
  @Field(() => String, { description: 'The token from the reset email.' })
  token!: string;

  @Field(() => String, { description: 'At least 12 characters, not your email address.' })
  newPassword!: string;
}

@ObjectType('Me', { description: 'Who you are logged in as: the user, and the hub and role you are acting in.' })
export class MeType {
  @Field(() => ID)
  userId!: string;

  @Field(() => String)
  email!: string;

  @Field(() => String, { nullable: true })
  displayName!: string | null;

  @Field(() => ID, { nullable: true, description: 'Null for a platform admin outside any hub.' })
  tenantId!: string | null;

  @Field(() => String, { nullable: true })
  tenantName!: string | null;

  @Field(() => String, { nullable: true })
  tenantSlug!: string | null;

  @Field(() => RoleValue)
  role!: string;

  @Field(() => ID, { nullable: true, description: 'The membership acted in (null for a platform admin).' })
  membershipId!: string | null;

  @Field(() => ID, { nullable: true })
  clusterId!: string | null;

  @Field(() => ID, { nullable: true })
  schoolId!: string | null;

  @Field(() => ID, { nullable: true })
  employerId!: string | null;
}

@ObjectType('AuthPayload')
export class AuthPayloadType {
  @Field(() => String, { description: 'Send as `Authorization: Bearer <accessToken>`.' })
  accessToken!: string;

  @Field(() => String, {
    description: 'Single use: exchange it with refreshSession for a new pair. Presenting a used one again ends the session.',
  })
  refreshToken!: string;

  @Field(() => Date)
  accessTokenExpiresAt!: Date;

  @Field(() => MeType)
  me!: MeType;
}

@ObjectType('MyMembership', { description: 'One of your roles in a hub (switch to it with switchMembership).' })
export class MyMembershipType {
  @Field(() => ID)
  membershipId!: string;

  @Field(() => ID)
  tenantId!: string;

  @Field(() => String)
  tenantName!: string;

  @Field(() => String)
  tenantSlug!: string;

  @Field(() => RoleValue)
  role!: string;

  @Field(() => ID, { nullable: true })
  clusterId!: string | null;

  @Field(() => ID, { nullable: true })
  schoolId!: string | null;

  @Field(() => ID, { nullable: true })
  employerId!: string | null;

  @Field(() => Boolean, { description: 'The membership you are acting in now.' })
  current!: boolean;
}
