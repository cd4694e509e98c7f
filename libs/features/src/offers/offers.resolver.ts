import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Employer, Offer, OfferAvailabilityWindow, OfferSession } from '@tandem/persistence';
import { CurrentPrincipal, groupByKeys, type Connection, type GraphQLContext, type Principal } from '@tandem/platform';
import { employerLoader } from '@tandem/features/employers';
import { EmployerType } from '@tandem/features/employers';
import { EmployersService } from '@tandem/features/employers';
import {
  CreateOfferInput,
  OfferAvailabilityWindowType,
  OfferConnection,
  OffersArgs,
  OfferSessionInput,
  OfferSessionType,
  OfferType,
  UpdateOfferInput,
} from './offer.types';
import { OffersService } from './offers.service';

@Resolver(() => OfferType)
export class OffersResolver {
  constructor(
    private readonly service: OffersService,
    private readonly employers: EmployersService,
  ) {}

  @Query(() => OfferType, { description: 'One offer in your scope (school staff: published offers).' })
  offer(@CurrentPrincipal() p: Principal, @Args('id', { type: () => ID }) id: string): Promise<Offer> {
    return this.service.get(p, id);
  }

  @Query(() => OfferConnection, { description: 'Offers in your scope, newest first.' })
  offers(@CurrentPrincipal() p: Principal, @Args() args: OffersArgs): Promise<Connection<Offer>> {
    return this.service.list(p, args.filter, args.first, args.after);
  }

  @Mutation(() => OfferType)
  createOffer(@CurrentPrincipal() p: Principal, @Args('input') input: CreateOfferInput): Promise<Offer> {
    return this.service.create(p, { ...input });
  }

  @Mutation(() => OfferType)
  updateOffer(
    @CurrentPrincipal() p: Principal,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateOfferInput,
  ): Promise<Offer> {
    return this.service.update(p, id, { ...input });
  }

  @Mutation(() => OfferType)
  archiveOffer(@CurrentPrincipal() p: Principal, @Args('id', { type: () => ID }) id: string): Promise<Offer> {
    return this.service.archive(p, id);
  }

  @Mutation(() => OfferSessionType)
  addOfferSession(
    @CurrentPrincipal() p: Principal,
    @Args('offerId', { type: () => ID }) offerId: string,
    @Args('input') input: OfferSessionInput,
  ): Promise<OfferSession> {
    return this.service.addSession(p, offerId, { ...input });
  }

  @Mutation(() => OfferSessionType)
  cancelOfferSession(@CurrentPrincipal() p: Principal, @Args('id', { type: () => ID }) id: string): Promise<OfferSession> {
    return this.service.cancelSession(p, id);
  }

  // ── relations (one query per relation per request) ─────────────────────────

  @ResolveField(() => EmployerType)
  async employer(@Parent() offer: Offer, @Context() ctx: GraphQLContext): Promise<Employer | null> {
    return employerLoader(ctx, this.employers).load(offer.employerId);
  }

  @ResolveField(() => [OfferAvailabilityWindowType])
  async availabilityWindows(@Parent() offer: Offer, @Context() ctx: GraphQLContext): Promise<OfferAvailabilityWindowType[]> {
    const loader = ctx.loaders.get<string, OfferAvailabilityWindow[]>('offerWindows', async (ids) =>
      groupByKeys(ids, await this.service.windowsFor(ids), (w) => w.offerId),
    );
    const rows = await loader.load(offer.id);
    // The database keeps seconds ('13:30:00'); the API speaks HH:MM.
    return rows.map((w) => ({ ...w, startTime: w.startTime.slice(0, 5), endTime: w.endTime.slice(0, 5) }));
  }

  @ResolveField(() => [OfferSessionType])
  sessions(@Parent() offer: Offer, @Context() ctx: GraphQLContext): Promise<OfferSession[]> {
    const loader = ctx.loaders.get<string, OfferSession[]>('offerSessions', async (ids) =>
      groupByKeys(ids, await this.service.sessionsFor(ids), (s) => s.offerId),
    );
    return loader.load(offer.id);
  }
}
