import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, type Principal } from '@tandem/platform';
import { PoliciesService } from './policies.service';
import { policyView } from './policy-view';
import { BenchmarkPolicyType, ChooseBenchmarkPolicyInput } from './policy.types';

@Resolver(() => BenchmarkPolicyType)
export class PoliciesResolver {
  constructor(private readonly service: PoliciesService) {}

  @Query(() => [BenchmarkPolicyType], { description: 'Every benchmark policy, each version (any signed-in user).' })
  async benchmarkPolicies(@CurrentPrincipal() _p: Principal): Promise<BenchmarkPolicyType[]> {
    return (await this.service.list()).map(policyView);
  }

  @Query(() => BenchmarkPolicyType, { description: 'The policy your hub counts coverage by.' })
  async hubBenchmarkPolicy(@CurrentPrincipal() p: Principal): Promise<BenchmarkPolicyType> {
    return policyView(await this.service.forHub(p));
  }

  @Mutation(() => BenchmarkPolicyType, { description: "Hub admins: choose the hub's policy. Coverage is recomputed at once." })
  async chooseBenchmarkPolicy(
    @CurrentPrincipal() p: Principal,
    @Args('input') input: ChooseBenchmarkPolicyInput,
  ): Promise<BenchmarkPolicyType> {
    return policyView(await this.service.choose(p, { ...input }));
  }

  @Mutation(() => BenchmarkPolicyType, { description: 'Platform admins: add a policy (or a new version) as JSON; no code needed.' })
  async addBenchmarkPolicy(
    @CurrentPrincipal() p: Principal,
    @Args('definition', { type: () => String }) definition: string,
  ): Promise<BenchmarkPolicyType> {
    return policyView(await this.service.add(p, definition));
  }
}
