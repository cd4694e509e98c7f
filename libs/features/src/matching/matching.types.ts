import { ArgsType, Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { MATCHING_REASON_CODES } from '@tandem/domain';
import { PageArgs, Paginated, graphqlEnum } from '@tandem/platform';
import { MatchingWeightsInput, MatchingWeightsType } from '@tandem/features/hubs';
import { LEFT_OUT_REASONS } from './matching-input';
import { MATCHING_PROPOSAL_STATUSES, MATCHING_RUN_STATUSES } from './matching-rules';

/* Enumerated output values are GraphQL enums made from the same lists the service checks input against. */
const MatchingReasonCodeEnum = graphqlEnum('MatchingReasonCode', [
  ...MATCHING_REASON_CODES,
  ...(Object.keys(LEFT_OUT_REASONS) as Array<keyof typeof LEFT_OUT_REASONS>),
]);
const MatchingProposalStatusEnum = graphqlEnum('MatchingProposalStatus', MATCHING_PROPOSAL_STATUSES);
const MatchingRunStatusEnum = graphqlEnum('MatchingRunStatus', MATCHING_RUN_STATUSES);

/* Enumerated values travel as strings (the stored spelling, e.g. "succeeded"), checked by the service. */
const oneOf = (values: readonly string[]): string => `One of: ${values.join(', ')}.`;

@ObjectType('MatchingReasonParam')
export class MatchingReasonParamType {
  @Field(() => String)
  name!: string;

  @Field(() => String)
  value!: string;
}

@ObjectType('MatchingReason', {
  description: 'Why a proposal was chosen, or what stopped a request: a code with its numbers, and the sentence.',
})
export class MatchingReasonType {
  @Field(() => MatchingReasonCodeEnum)
  code!: string;

  @Field(() => String)
  text!: string;

  @Field(() => [MatchingReasonParamType], { description: 'The numbers and names in the sentence, for a UI to show its own way.' })
  params!: MatchingReasonParamType[];
}

@ObjectType('MatchingProposal', {
  description: 'A booking a matching run proposes: a request meeting an offer session, what it is worth and why.',
})
export class MatchingProposalType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  runId!: string;

  @Field(() => ID)
  requestId!: string;

  @Field(() => ID)
  offerSessionId!: string;

  @Field(() => ID)
  offerId!: string;

  @Field(() => String)
  offerTitle!: string;

  @Field(() => String)
  activityType!: string;

  @Field(() => String)
  format!: string;

  @Field(() => ID)
  schoolId!: string;

  @Field(() => String)
  schoolName!: string;

  @Field(() => Int)
  yearGroup!: number;

  @Field(() => ID)
  employerId!: string;

  @Field(() => String)
  employerName!: string;

  @Field(() => Date)
  startsAt!: Date;

  @Field(() => Date)
  endsAt!: Date;

  @Field(() => Int, { description: 'The benchmark the session serves (5 or 6).' })
  benchmark!: number;

  @Field(() => Int, { description: 'Pupils the request is for.' })
  pupils!: number;

  @Field(() => Int, { description: 'Of those, pupils of that year group still missing the benchmark.' })
  gapPupilsClosed!: number;

  @Field(() => Float, { nullable: true, description: 'Great-circle km between school and employer; null for virtual sessions.' })
  distanceKm!: number | null;

  @Field(() => Float, { description: 'What the pair is worth, in gap pupils (before the fairness term).' })
  worth!: number;

  @Field(() => Int, {
    nullable: true,
    description: "Requests the employer could still take that month once this run's proposals count; null = no limit.",
  })
  employerMonthRemaining!: number | null;

  @Field(() => Int, { description: "The offer's sessions left once this run's proposals count." })
  offerSessionsRemaining!: number;

  @Field(() => [MatchingReasonType])
  reasons!: MatchingReasonType[];

  @Field(() => String, { description: 'The reasons as one sentence.' })
  summary!: string;

  @Field(() => MatchingProposalStatusEnum)
  status!: string;

  @Field(() => ID, { nullable: true, description: 'The booking an accepted proposal became.' })
  bookingId!: string | null;

  @Field(() => Date, { nullable: true })
  decidedAt!: Date | null;
}

@ObjectType('MatchingUnmatchedRequest', { description: 'A request a run left out, with what stopped it.' })
export class MatchingUnmatchedRequestType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  requestId!: string;

  @Field(() => ID)
  schoolId!: string;

  @Field(() => String)
  schoolName!: string;

  @Field(() => String)
  activityType!: string;

  @Field(() => Int)
  yearGroup!: number;

  @Field(() => Int)
  pupils!: number;

  @Field(() => [MatchingReasonType])
  reasons!: MatchingReasonType[];

  @Field(() => String)
  summary!: string;
}

@ObjectType('MatchingRun', { description: 'One run of the matching solver over a cluster or the whole hub.' })
export class MatchingRunType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'cluster or hub.' })
  scope!: string;

  @Field(() => ID, { nullable: true, description: 'The cluster the run covers; null for the whole hub.' })
  clusterId!: string | null;

  @Field(() => ID, { nullable: true })
  requestedByUserId!: string | null;

  @Field(() => MatchingRunStatusEnum)
  status!: string;

  @Field(() => String, { description: 'What the worker is doing: queued, loading, solving, saving, done.' })
  phase!: string;

  @Field(() => Int, { description: 'How far along, 0–100.' })
  progress!: number;

  @Field(() => MatchingWeightsType, { description: 'The weights the run used.' })
  weights!: MatchingWeightsType;

  @Field(() => Float, { description: 'The deterministic search-work limit the run used.' })
  maxWork!: number;

  @Field(() => Int, { description: 'The branch-and-bound node limit the run used.' })
  maxBranchNodes!: number;

  @Field(() => Float, { nullable: true, description: 'Total worth of the proposals, in gap pupils (fairness terms subtracted).' })
  objective!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'A proven upper bound on the worth of any proposals that keep every rule, in gap pupils.',
  })
  bound!: number | null;

  @Field(() => Float, { nullable: true, description: '(bound − objective) / bound: 0 when proven optimal.' })
  relativeGap!: number | null;

  @Field(() => Boolean, { nullable: true })
  optimal!: boolean | null;

  @Field(() => Int, { nullable: true, description: 'Open requests in scope.' })
  requestsConsidered!: number | null;

  @Field(() => Int, { nullable: true, description: 'Open sessions ahead of published offers.' })
  sessionsConsidered!: number | null;

  @Field(() => Int, { nullable: true })
  candidatePairs!: number | null;

  @Field(() => Int, { nullable: true })
  proposalCount!: number | null;

  @Field(() => Int, { nullable: true })
  unmatchedCount!: number | null;

  @Field(() => Int, { nullable: true })
  pupilsCovered!: number | null;

  @Field(() => Int, { nullable: true })
  gapPupilsCovered!: number | null;

  @Field(() => Int, { nullable: true, description: 'Milliseconds reading the hub.' })
  loadMs!: number | null;

  @Field(() => Int, { nullable: true, description: 'Milliseconds solving and explaining.' })
  solveMs!: number | null;

  @Field(() => String, { nullable: true, description: 'Why a failed run failed: a code…' })
  errorCode!: string | null;

  @Field(() => String, { nullable: true, description: '…and the words.' })
  errorMessage!: string | null;

  @Field(() => Date, { nullable: true })
  startedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  finishedAt!: Date | null;

  @Field(() => Date)
  createdAt!: Date;
}

@ObjectType('MatchingRunConnection')
export class MatchingRunConnection extends Paginated(MatchingRunType, 'MatchingRun') {}

@ObjectType('MatchingDecisionError')
export class MatchingDecisionErrorType {
  @Field(() => String)
  code!: string;

  @Field(() => String)
  message!: string;

  @Field(() => String, { nullable: true, description: 'ids[i]: the position of the proposal in the ids given.' })
  field!: string | null;
}

@ObjectType('MatchingDecision', { description: 'What happened to one proposal of an accept or reject.' })
export class MatchingDecisionType {
  @Field(() => ID)
  proposalId!: string;

  @Field(() => Boolean, { description: 'True when the proposal is now accepted (or rejected) as asked.' })
  ok!: boolean;

  @Field(() => MatchingProposalType, { description: 'The proposal as it is now.' })
  proposal!: MatchingProposalType;

  @Field(() => MatchingDecisionErrorType, { nullable: true, description: 'Why this one could not be decided (nothing of it was written).' })
  error!: MatchingDecisionErrorType | null;
}

@ObjectType('MatchingDecisionResult', {
  description: 'Per proposal: each is decided in its own transaction, so one that cannot be does not hold back the others.',
})
export class MatchingDecisionResultType {
  @Field(() => [MatchingDecisionType])
  results!: MatchingDecisionType[];

  @Field(() => Int)
  succeeded!: number;

  @Field(() => Int)
  failed!: number;
}

// ── inputs ──────────────────────────────────────────────────────────────────

@InputType('StartMatchingRunInput')
export class StartMatchingRunInput {
  @Field(() => ID, {
    nullable: true,
    description: 'The cluster to match. Coordinators: their own (the default). Hub admins: any cluster, or none for the whole hub.',
  })
  clusterId?: string | null;

  @Field(() => MatchingWeightsInput, {
    nullable: true,
    description: "This run's own weights, over the hub's (a weight not given keeps the hub's).",
  })
  weights?: MatchingWeightsInput | null;
}

@InputType('MatchingRunFilter')
export class MatchingRunFilter {
  @Field(() => ID, { nullable: true })
  clusterId?: string | null;

  @Field(() => String, { nullable: true, description: oneOf(MATCHING_RUN_STATUSES) })
  status?: string | null;
}

@ArgsType()
export class MatchingRunsArgs extends PageArgs {
  @Field(() => MatchingRunFilter, { nullable: true })
  filter?: MatchingRunFilter | null;
}
