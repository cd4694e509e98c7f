import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { BookingSettings } from '@tandem/domain';
import type { Booking, BookingTransition } from '@tandem/persistence';
import { byKeys, CurrentPrincipal, groupByKeys, type Connection, type GraphQLContext, type Principal } from '@tandem/platform';
import { BookingSettingsService } from './booking-settings.service';
import {
  BookingConnection,
  BookingFilter,
  BookingReasonInput,
  BookingsArgs,
  BookingSettingsInput,
  BookingSettingsType,
  BookingTransitionType,
  BookingType,
  DeclineBookingInput,
  NotificationPreferencesInput,
  NotificationPreferencesType,
  RequestOfferSessionInput,
  RescheduleBookingInput,
} from './booking.types';
import type { BookingDetails } from './bookings.repository';
import { BookingsService } from './bookings.service';
import { NotificationPreferencesService, type PreferencesView } from './notification-preferences.service';

@Resolver(() => BookingType)
export class BookingsResolver {
  constructor(
    private readonly service: BookingsService,
    private readonly settings: BookingSettingsService,
    private readonly preferences: NotificationPreferencesService,
  ) {}

  @Query(() => BookingType, { description: 'One booking in your scope (NOT_FOUND otherwise).' })
  booking(@CurrentPrincipal() p: Principal, @Args('id', { type: () => ID }) id: string): Promise<Booking> {
    return this.service.get(p, id);
  }

  @Query(() => BookingConnection, { description: 'Bookings in your scope, newest first.' })
  bookings(@CurrentPrincipal() p: Principal, @Args() args: BookingsArgs): Promise<Connection<Booking>> {
    return this.service.list(p, args.filter, args.first, args.after);
  }

  @Query(() => [BookingType], {
    description: 'Bookings whose sessions start on the London days dateFrom..dateTo (at most 100 days), in time order.',
  })
  bookingCalendar(
    @CurrentPrincipal() p: Principal,
    @Args('dateFrom', { type: () => String }) dateFrom: string,
    @Args('dateTo', { type: () => String }) dateTo: string,
    @Args('filter', { type: () => BookingFilter, nullable: true }) filter?: BookingFilter | null,
  ): Promise<Booking[]> {
    return this.service.calendar(p, dateFrom, dateTo, filter);
  }

  @Mutation(() => BookingType, {
    description: 'A school asks for one session of a posted offer: the employer is emailed Accept / Decline links.',
  })
  requestOfferSession(@CurrentPrincipal() p: Principal, @Args('input') input: RequestOfferSessionInput): Promise<Booking> {
    return this.service.requestSlot(p, { ...input });
  }

  @Mutation(() => BookingType, { description: 'A coordinator proposes an open request for an open session; both sides are asked.' })
  proposeBooking(
    @CurrentPrincipal() p: Principal,
    @Args('requestId', { type: () => ID }) requestId: string,
    @Args('offerSessionId', { type: () => ID }) offerSessionId: string,
  ): Promise<Booking> {
    return this.service.propose(p, requestId, offerSessionId);
  }

  @Mutation(() => BookingType, { description: 'Accept as the school or the employer (accepting twice changes nothing).' })
  acceptBooking(@CurrentPrincipal() p: Principal, @Args('id', { type: () => ID }) id: string): Promise<Booking> {
    return this.service.accept(p, id);
  }

  @Mutation(() => BookingType)
  declineBooking(
    @CurrentPrincipal() p: Principal,
    @Args('id', { type: () => ID }) id: string,
    @Args('input', { type: () => DeclineBookingInput, nullable: true }) input?: DeclineBookingInput | null,
  ): Promise<Booking> {
    return this.service.decline(p, id, { ...input });
  }

  @Mutation(() => BookingType)
  cancelBooking(
    @CurrentPrincipal() p: Principal,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: BookingReasonInput,
  ): Promise<Booking> {
    return this.service.cancel(p, id, { ...input });
  }

  @Mutation(() => BookingType, { description: 'Move to another open session of the same offer; the other side is asked again.' })
  rescheduleBooking(
    @CurrentPrincipal() p: Principal,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: RescheduleBookingInput,
  ): Promise<Booking> {
    return this.service.reschedule(p, id, { ...input });
  }

  @Mutation(() => BookingType, { description: 'The session took place (once it has started).' })
  markBookingDelivered(@CurrentPrincipal() p: Principal, @Args('id', { type: () => ID }) id: string): Promise<Booking> {
    return this.service.markDelivered(p, id);
  }

  @Mutation(() => BookingType, { description: 'The session did not take place (once it was due to start).' })
  markBookingNoShow(
    @CurrentPrincipal() p: Principal,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: BookingReasonInput,
  ): Promise<Booking> {
    return this.service.markNoShow(p, id, { ...input });
  }

  @Query(() => BookingSettingsType)
  bookingSettings(@CurrentPrincipal() p: Principal): Promise<BookingSettings> {
    return this.settings.get(p);
  }

  @Mutation(() => BookingSettingsType)
  updateBookingSettings(@CurrentPrincipal() p: Principal, @Args('input') input: BookingSettingsInput): Promise<BookingSettings> {
    return this.settings.update(p, { ...input });
  }

  @Query(() => NotificationPreferencesType, { description: 'Which emails you (your address, in this hub) receive.' })
  myNotificationPreferences(@CurrentPrincipal() p: Principal): Promise<PreferencesView> {
    return this.preferences.mine(p);
  }

  @Mutation(() => NotificationPreferencesType)
  updateMyNotificationPreferences(
    @CurrentPrincipal() p: Principal,
    @Args('input') input: NotificationPreferencesInput,
  ): Promise<PreferencesView> {
    return this.preferences.updateMine(p, input.muted);
  }

  // ── fields (batched per request; the parent booking is already in scope) ──

  @ResolveField(() => [BookingTransitionType], { description: 'Every change, oldest first.' })
  async transitions(
    @Parent() booking: Booking,
    @Context() ctx: GraphQLContext,
  ): Promise<Array<BookingTransition & { byEmailLink: boolean }>> {
    const loader = ctx.loaders.get<string, BookingTransition[]>('bookingTransitions', async (ids) =>
      groupByKeys(ids, await this.service.transitionsFor(ids), (t) => t.bookingId),
    );
    return (await loader.load(booking.id)).map((t) => Object.assign(t, { byEmailLink: t.actorContactId !== null }));
  }

  @ResolveField(() => String, { description: "The offer's title." })
  async title(@Parent() booking: Booking, @Context() ctx: GraphQLContext): Promise<string> {
    return (await this.details(ctx, booking)).title;
  }

  @ResolveField(() => String)
  async activityType(@Parent() booking: Booking, @Context() ctx: GraphQLContext): Promise<string> {
    return (await this.details(ctx, booking)).activityType;
  }

  @ResolveField(() => String)
  async format(@Parent() booking: Booking, @Context() ctx: GraphQLContext): Promise<string> {
    return (await this.details(ctx, booking)).format;
  }

  @ResolveField(() => String)
  async schoolName(@Parent() booking: Booking, @Context() ctx: GraphQLContext): Promise<string> {
    return (await this.details(ctx, booking)).schoolName;
  }

  @ResolveField(() => String)
  async employerName(@Parent() booking: Booking, @Context() ctx: GraphQLContext): Promise<string> {
    return (await this.details(ctx, booking)).employerName;
  }

  private async details(ctx: GraphQLContext, booking: Booking): Promise<BookingDetails> {
    const loader = ctx.loaders.get<string, BookingDetails | null>('bookingDetails', async (ids) =>
      byKeys(ids, await this.service.detailsFor(ids), (d) => d.bookingId),
    );
    const found = await loader.load(booking.id);
    if (!found) throw new Error(`booking ${booking.id} has no offer, school or employer`);
    return found;
  }
}
