import { Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { DEFAULT_MATCHING_WEIGHTS, INVITATION_VALIDITY_HOURS } from '@tandem/domain';

/**
 * A hub (tenant) and its settings. Settings are typed fields, never free-form JSON: a new setting
 * is a field here, on HubSettingsInput, and a rule in @tandem/domain's hub-settings.ts.
 */
/** How matching values a proposal; everything is measured in gap pupils (closing the gap for one pupil is worth 1). */
@ObjectType('MatchingWeights')
export class MatchingWeightsType {
  @Field(() => Float, {
    description: `Worth of each pupil served who already has the benchmark (0–1, default ${DEFAULT_MATCHING_WEIGHTS.pupilBeyondGap}).`,
  })
  pupilBeyondGap!: number;

  @Field(() => Float, {
    description: `A proposal's worth is multiplied by (1 + this × the disadvantaged/at-risk share) (0–10, default ${DEFAULT_MATCHING_WEIGHTS.disadvantagedUplift}).`,
  })
  disadvantagedUplift!: number;

  @Field(() => Float, {
    description: `Subtracted per km of travel for in-person formats (0–100, default ${DEFAULT_MATCHING_WEIGHTS.perKm}).`,
  })
  perKm!: number;

  @Field(() => Float, {
    description: `Each further proposal for one school in a run is worth this much less (0–1000, default ${DEFAULT_MATCHING_WEIGHTS.fairnessStep}).`,
  })
  fairnessStep!: number;

  @Field(() => Float, { description: `…but never more than this much less (0–1000, default ${DEFAULT_MATCHING_WEIGHTS.fairnessCap}).` })
  fairnessCap!: number;
}

@InputType('MatchingWeightsInput', { description: 'Only the weights given change; null resets one to its default.' })
export class MatchingWeightsInput {
  @Field(() => Float, { nullable: true })
  pupilBeyondGap?: number | null;

  @Field(() => Float, { nullable: true })
  disadvantagedUplift?: number | null;

  @Field(() => Float, { nullable: true })
  perKm?: number | null;

  @Field(() => Float, { nullable: true })
  fairnessStep?: number | null;

  @Field(() => Float, { nullable: true })
  fairnessCap?: number | null;
}

@ObjectType('HubSettings')
export class HubSettingsType {
  @Field(() => Int, {
    nullable: true,
    description: `How long invitation links stay valid, in hours (${INVITATION_VALIDITY_HOURS.min}–${INVITATION_VALIDITY_HOURS.max}); null = the platform default.`,
  })
  invitationValidityHours!: number | null;

  @Field(() => MatchingWeightsType, { description: 'How matching runs value proposals (hub admins change them; each has a sane default).' })
  matchingWeights!: MatchingWeightsType;

  @Field(() => MatchingWeightsType, { description: 'The platform defaults of the matching weights (what a reset gives back).' })
  defaultMatchingWeights!: MatchingWeightsType;
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

  @Field(() => MatchingWeightsInput, { nullable: true, description: 'null resets every weight to its default.' })
  matchingWeights?: MatchingWeightsInput | null;
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
