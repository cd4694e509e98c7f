import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { INVITATION_VALIDITY_HOURS } from '@tandem/domain';

/**
 * A hub (tenant) and its settings. Settings are typed fields, never free-form JSON: a new setting
 * is a field here, on HubSettingsInput, and a rule in @tandem/domain's hub-settings.ts.
 */
@ObjectType('HubSettings')
export class HubSettingsType {
  @Field(() => Int, {
    nullable: true,
    description: `How long invitation links stay valid, in hours (${INVITATION_VALIDITY_HOURS.min}–${INVITATION_VALIDITY_HOURS.max}); null = the platform default.`,
  })
  invitationValidityHours!: number | null;
}

@ObjectType('Hub')
export class HubType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: 'Used to pick the hub at log-in (LoginInput.tenantSlug).' })
  slug!: string;

  @Field(() => Date, { nullable: true })
  archivedAt!: Date | null;

  @Field(() => Date)
  createdAt!: Date;
}

@InputType('HubSettingsInput', { description: 'Only the settings given change; null resets one to its default.' })
export class HubSettingsInput {
  @Field(() => Int, { nullable: true })
  invitationValidityHours?: number | null;
}

@InputType('CreateHubInput')
export class CreateHubInput {
  @Field(() => String)
  name!: string;

  @Field(() => String, { description: 'Lower-case letters, digits and hyphens (1–63), e.g. "leeds-city-region".' })
  slug!: string;

  @Field(() => String, { description: 'The first hub admin: invited by email as the hub is created.' })
  firstAdminEmail!: string;
}

@InputType('UpdateHubInput', { description: 'Only the fields given change.' })
export class UpdateHubInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => HubSettingsInput, { nullable: true })
  settings?: HubSettingsInput | null;
}
