import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { DEFAULT_MATCHING_WEIGHTS, readHubSettings, type HubSettings } from '@tandem/domain';
import type { Tenant, TenantSummary } from '@tandem/persistence';
import { CurrentPrincipal, type Principal } from '@tandem/platform';
import { CreateHubInput, HubSettingsType, HubType, UpdateHubInput } from './hub.types';
import { HubsService } from './hubs.service';

@Resolver(() => HubType)
export class HubsResolver {
  constructor(private readonly service: HubsService) {}

  @Query(() => [HubType], { description: 'Every hub, by name (platform admins).' })
  hubs(
    @CurrentPrincipal() p: Principal,
    @Args('includeArchived', { type: () => Boolean, nullable: true }) includeArchived?: boolean | null,
  ): Promise<TenantSummary[]> {
    return this.service.list(p, includeArchived === true);
  }

  @Query(() => HubType, { description: 'The hub you are acting in.' })
  hub(@CurrentPrincipal() p: Principal): Promise<Tenant> {
    return this.service.current(p);
  }

  @Mutation(() => HubType, { description: 'Create a hub and invite its first hub admin by email (platform admins).' })
  createHub(@CurrentPrincipal() p: Principal, @Args('input') input: CreateHubInput): Promise<Tenant> {
    return this.service.create(p, { ...input });
  }

  @Mutation(() => HubType, { description: 'Rename the hub or change its settings (hub admins).' })
  updateHub(@CurrentPrincipal() p: Principal, @Args('input') input: UpdateHubInput): Promise<Tenant> {
    return this.service.update(p, { name: input.name, settings: input.settings ? { ...input.settings } : null });
  }

  /** `hub` and `createHub` carry the row; `hubs` (platform list) reads each hub's settings only when asked. */
  @ResolveField(() => HubSettingsType)
  async settings(@Parent() hub: Tenant | TenantSummary): Promise<HubSettingsType> {
    const settings: HubSettings = 'settings' in hub ? readHubSettings(hub.settings) : await this.service.settingsOf(hub.id);
    return { ...settings, defaultMatchingWeights: DEFAULT_MATCHING_WEIGHTS };
  }
}
