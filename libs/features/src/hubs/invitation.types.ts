import { ArgsType, Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageArgs, Paginated } from '@tandem/platform';
import { RoleValue } from '@tandem/features/auth';

export enum InvitationStateValue {
  PENDING = 'pending',
  ACCEPTED = 'accepted',
  EXPIRED = 'expired',
  REVOKED = 'revoked',
}

registerEnumType(InvitationStateValue, {
  name: 'InvitationState',
  description: 'PENDING until accepted, revoked (also when replaced by a resend) or past its expiry.',
});

@ObjectType('Invitation')
export class InvitationType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  email!: string;

  @Field(() => RoleValue)
  role!: string;

  @Field(() => ID, { nullable: true })
  clusterId!: string | null;

  @Field(() => ID, { nullable: true })
  schoolId!: string | null;

  @Field(() => ID, { nullable: true })
  employerId!: string | null;

  @Field(() => Date)
  expiresAt!: Date;

  @Field(() => Date, { nullable: true })
  acceptedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  revokedAt!: Date | null;

  @Field(() => ID, { nullable: true })
  invitedByUserId!: string | null;

  @Field(() => Date)
  createdAt!: Date;
}

@ObjectType('InvitationConnection')
export class InvitationConnection extends Paginated(InvitationType, 'Invitation') {}

@ObjectType('InvitationPreview', { description: 'What the accept page shows before the invitee commits (no log-in needed).' })
export class InvitationPreviewType {
  @Field(() => String)
  hubName!: string;

  @Field(() => RoleValue)
  role!: string;

  @Field(() => String)
  email!: string;

  @Field(() => Date)
  expiresAt!: Date;

  @Field(() => InvitationStateValue)
  state!: string;

  @Field(() => Boolean, { description: 'True: the invitee already has a Tandem password and enters it to accept. False: they choose one.' })
  accountExists!: boolean;
}

@InputType('InviteUserInput')
export class InviteUserInput {
  @Field(() => String)
  email!: string;

  @Field(() => RoleValue, {
    description: 'HUB_ADMIN, COORDINATOR (needs clusterId), SCHOOL_STAFF (needs schoolId) or EMPLOYER_CONTACT (needs employerId).',
  })
  role!: string;

  @Field(() => ID, { nullable: true })
  clusterId?: string | null;

  @Field(() => ID, { nullable: true })
  schoolId?: string | null;

  @Field(() => ID, { nullable: true })
  employerId?: string | null;
}

@InputType('AcceptInvitationInput')
export class AcceptInvitationInput {
  @Field(() => String, { description: 'The token from the emailed link.' })
  token!: string;

  @Field(() => String, {
    nullable: true,
    description: 'A new account: the password to set (at least 12 characters). An existing account: its current password.',
  })
  password?: string | null;

  @Field(() => String, { nullable: true, description: 'A new account: the name to show.' })
  displayName?: string | null;
}

@InputType('InvitationFilter')
export class InvitationFilter {
  @Field(() => InvitationStateValue, { nullable: true })
  state?: string | null;

  @Field(() => RoleValue, { nullable: true })
  role?: string | null;

  @Field(() => String, { nullable: true, description: 'Part of the email (case-insensitive).' })
  search?: string | null;
}

@ArgsType()
export class InvitationsArgs extends PageArgs {
  @Field(() => InvitationFilter, { nullable: true })
  filter?: InvitationFilter | null;
}
