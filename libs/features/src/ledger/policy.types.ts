import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('PolicyWindow', { description: 'A run of year groups and the counted encounters a pupil needs while in them.' })
export class PolicyWindowType {
  @Field(() => String)
  label!: string;

  @Field(() => Int)
  fromYearGroup!: number;

  @Field(() => Int)
  toYearGroup!: number;

  @Field(() => Int)
  minimum!: number;
}

@ObjectType('BenchmarkRule', { description: 'What counts for one benchmark under a policy.' })
export class BenchmarkRuleType {
  @Field(() => Int)
  benchmark!: number;

  @Field(() => String)
  label!: string;

  @Field(() => [String])
  activityTypes!: string[];

  @Field(() => [String])
  formats!: string[];

  @Field(() => [String], { description: 'Meaningful-checklist criteria an encounter must tick.' })
  requiredCriteria!: string[];

  @Field(() => [PolicyWindowType])
  windows!: PolicyWindowType[];
}

@ObjectType('BenchmarkPolicy', { description: 'A versioned benchmark policy: data, chosen per hub.' })
export class BenchmarkPolicyType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  key!: string;

  @Field(() => Int)
  version!: number;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  description!: string;

  @Field(() => Boolean, { description: 'Hubs that have not chosen follow this one.' })
  isDefault!: boolean;

  @Field(() => [BenchmarkRuleType])
  benchmarks!: BenchmarkRuleType[];
}

@InputType('ChooseBenchmarkPolicyInput')
export class ChooseBenchmarkPolicyInput {
  @Field(() => String, { description: 'e.g. "gatsby-2014" or "gatsby-2024".' })
  policyKey!: string;

  @Field(() => Int, { nullable: true, description: 'Default: the latest version of that policy.' })
  version?: number | null;
}
