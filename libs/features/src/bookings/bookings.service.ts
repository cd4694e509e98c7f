import { Inject, Injectable } from '@nestjs/common';
import {
  BOOKING_STATES,
  type BookingAction,
  bookingListScope,
  type BookingRef,
  type BookingSide,
  bookingSideOf,
  type BookingState,
  canEditRequest,
  canRunMatching,
  canSeeBooking,
  canSeeOffer,
  Clock,
  collect,
  decideMove,
  DomainError,
  effectsOf,
  isBlank,
  parseCapacity,
  parseEnum,
  parseList,
  parseText,
  parseYearGroup,
  type Principal,
  pageSize,
} from '@tandem/domain';
import { AuditLog, isUuid, TenantDb, type Booking, type BookingTransition, type Offer, type OfferSession } from '@tandem/persistence';
import { type Connection } from '@tandem/platform';
import type { EntityManager } from 'typeorm';
import { connectionOf, mustBeAllowed, parseDayRangeFilter, requireTenant, updated, visibleOrNotFound } from '@tandem/features/shared';
import { RequestsService } from '@tandem/features/requests';
import { BookingOutbox } from './booking-outbox';
import { BookingSettingsService } from './booking-settings.service';
import { BookingRepository, BookingSlotRepository, type BookingDetails } from './bookings.repository';

/** Who made a change: a side, and the user (logged in) or the employer contact (through an emailed link). */
export interface BookingActor {
  side: BookingSide;
  userId: string | null;
  contactId: string | null;
}

export interface ChangeDetails {
  reason?: string | null;
  proposedAlternative?: string | null;
  /** For a reschedule: the session the booking moves to (already locked and checked). */
  newSession?: OfferSession;
}

/**
 * Called inside the transaction that marks a booking delivered: the ledger turns it into an
 * encounter. Required: the ledger's BookingEncounterBridgeModule provides it, and an app that has
 * bookings without it does not boot (rather than silently delivering bookings the ledger never sees).
 */
export interface BookingDeliveredListener {
  onBookingDelivered(em: EntityManager, booking: Booking): Promise<void>;
}
export const BOOKING_DELIVERED_LISTENER = Symbol('BOOKING_DELIVERED_LISTENER');

const MAX_CALENDAR_DAYS = 100;
const MAX_CALENDAR_ROWS = 500;

/**
 * Bookings: a school asking for a slot of a posted offer, a proposal from matching, and every
 * change after that. Each change locks the booking, is decided by the domain state machine, is
 * stored with who/when/why, and writes the mail it causes through the outbox, all in one
 * transaction. Asking for a change that has already happened returns the booking unchanged.
 */
@Injectable()
export class BookingsService {
  constructor(
    private readonly clock: Clock,
    private readonly db: TenantDb,
    private readonly bookings: BookingRepository,
    private readonly slots: BookingSlotRepository,
    private readonly requests: RequestsService,
    private readonly settings: BookingSettingsService,
    private readonly outbox: BookingOutbox,
    @Inject(BOOKING_DELIVERED_LISTENER) private readonly delivered: BookingDeliveredListener,
  ) {}

  // ── reading ───────────────────────────────────────────────────────────────

  /** The booking if the caller may see it; NOT_FOUND (naming `field`) otherwise. */
  async get(p: Principal, id: string, field = 'id'): Promise<Booking> {
    requireTenant(p);
    const booking = await this.bookings.findById(id);
    const ref = booking ? await this.refOf(booking) : null;
    visibleOrNotFound(ref, (r) => canSeeBooking(p, r), 'Booking', field);
    return booking as Booking;
  }

  async list(
    p: Principal,
    filter: BookingFilterInput | null | undefined,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<Connection<Booking>> {
    requireTenant(p);
    const size = pageSize(first);
    const parsed = parseBookingFilter(filter ?? {});
    const { page, total } = await this.bookings.list(bookingListScope(p), parsed, { first: size, after });
    return connectionOf(page, total);
  }

  /** Bookings whose sessions start on the London days dateFrom..dateTo (inclusive), in time order. */
  async calendar(p: Principal, dateFrom: unknown, dateTo: unknown, filter: BookingFilterInput | null | undefined): Promise<Booking[]> {
    requireTenant(p);
    const c = collect();
    const range = c.run(() => parseDayRangeFilter(dateFrom, dateTo));
    if (range && (!range.from || !range.to))
      c.add(range.from ? 'dateTo' : 'dateFrom', 'REQUIRED', `${range.from ? 'dateTo' : 'dateFrom'} is required (YYYY-MM-DD)`);
    if (range?.from && range.to && range.to.at.getTime() - range.from.at.getTime() > MAX_CALENDAR_DAYS * 86_400_000 + 3_600_000) {
      c.add(
        'dateTo',
        'INVALID_WINDOW',
        `dateTo may be at most ${MAX_CALENDAR_DAYS} days after dateFrom (got ${range.from.day} to ${range.to.day})`,
      );
    }
    const parsed = c.run(() => parseBookingFilter(filter ?? {}));
    c.throwIfAny();
    return this.bookings.calendar(bookingListScope(p), { ...parsed, from: range?.from?.at, to: range?.to?.at }, MAX_CALENDAR_ROWS);
  }

  transitionsFor(bookingIds: readonly string[]): Promise<BookingTransition[]> {
    return this.bookings.transitionsFor(bookingIds);
  }

  detailsFor(bookingIds: readonly string[]): Promise<BookingDetails[]> {
    return this.bookings.detailsFor(bookingIds);
  }

  // ── creating ──────────────────────────────────────────────────────────────

  /**
   * A school asks for one session of a posted offer, directly (no matching run): a request for that
   * slot and a booking already accepted by the school, and the employer contact is emailed the
   * request with Accept / Decline links.
   */
  async requestSlot(p: Principal, input: Record<string, unknown>): Promise<Booking> {
    requireTenant(p);
    const c = collect();
    const yearGroup = c.run(() => parseYearGroup(input['yearGroup'], 'input.yearGroup'));
    const pupilCount = c.run(() => parseCapacity(input['pupilCount'], 'input.pupilCount', 2000));
    const notes = isBlank(input['notes']) ? null : c.run(() => parseText(input['notes'], 'input.notes', 4000, 'multiline'));
    if (!isUuid(input['offerSessionId'])) c.add('input.offerSessionId', 'NOT_FOUND', 'Offer session not found');
    if (!isUuid(input['schoolId'])) c.add('input.schoolId', 'NOT_FOUND', 'School not found');
    c.throwIfAny();
    const now = this.clock.now();
    return this.db.transaction(async (em) => {
      const { session, offer } = await this.openSlot(p, input['offerSessionId'] as string, 'input.offerSessionId', now);
      this.checkFits(offer, session, yearGroup as number, pupilCount as number, 'input');
      const contactId = await this.contactOf(offer, 'input.offerSessionId');
      const request = await this.requests.create(p, {
        schoolId: input['schoolId'],
        activityType: offer.activityType,
        yearGroup,
        pupilCount,
        formats: [offer.format],
        notes,
        windows: [{ startsAt: session.startsAt, endsAt: session.endsAt }],
      });
      const booking = await this.create(
        em,
        {
          request: { id: request.id, schoolId: request.schoolId },
          offer,
          session,
          contactId,
          yearGroup: yearGroup as number,
          pupilCount: pupilCount as number,
        },
        'accepted_by_school',
        { side: 'school', userId: p.userId, contactId: null },
        now,
      );
      await AuditLog.record(em, {
        action: 'booking.requested',
        entityType: 'booking',
        entityId: booking.id,
        detail: { offerSessionId: session.id, requestId: request.id },
      });
      return booking;
    });
  }

  /**
   * A proposal (from matching, or a coordinator by hand): an open request meets an open session of
   * a compatible offer. Both sides are asked; the employer by email with Accept / Decline links.
   * This is the method the matching feature calls for each proposal it makes.
   */
  async propose(p: Principal, requestId: unknown, offerSessionId: unknown): Promise<Booking> {
    requireTenant(p);
    mustBeAllowed(canRunMatching(p), 'propose bookings');
    const now = this.clock.now();
    return this.db.transaction(async (em) => {
      const request = await this.requests.get(p, String(requestId ?? ''), 'requestId');
      const school = visibleOrNotFound(await this.slots.school(request.schoolId), () => true, 'Request', 'requestId');
      mustBeAllowed(canEditRequest(p, { schoolId: school.id, clusterId: school.clusterId }), 'propose bookings for this school');
      if (request.status !== 'open' || request.archivedAt)
        throw new DomainError('CONFLICT', `This request is ${request.status}: only open requests can be matched`, 'requestId');
      const { session, offer } = await this.openSlot(p, String(offerSessionId ?? ''), 'offerSessionId', now);
      if (offer.activityType !== request.activityType)
        throw new DomainError(
          'CONFLICT',
          `The offer is a different activity (${offer.activityType}) from the request (${request.activityType})`,
          'offerSessionId',
        );
      if (!request.formats.includes(offer.format))
        throw new DomainError(
          'CONFLICT',
          `The offer's format (${offer.format}) is not one the request accepts (${request.formats.join(', ')})`,
          'offerSessionId',
        );
      this.checkFits(offer, session, request.yearGroup, request.pupilCount, null);
      const contactId = await this.contactOf(offer, 'offerSessionId');
      const booking = await this.create(
        em,
        { request, offer, session, contactId, yearGroup: request.yearGroup, pupilCount: request.pupilCount },
        'proposed',
        { side: 'broker', userId: p.userId, contactId: null },
        now,
      );
      await AuditLog.record(em, {
        action: 'booking.proposed',
        entityType: 'booking',
        entityId: booking.id,
        detail: { offerSessionId: session.id, requestId: request.id },
      });
      return booking;
    });
  }

  // ── changing ──────────────────────────────────────────────────────────────

  accept(p: Principal, id: string): Promise<Booking> {
    return this.changeAs(p, id, 'accept', {});
  }

  decline(p: Principal, id: string, input: Record<string, unknown>): Promise<Booking> {
    return this.changeAs(p, id, 'decline', parseReasons(input, false));
  }

  cancel(p: Principal, id: string, input: Record<string, unknown>): Promise<Booking> {
    const details = parseReasons(input, true);
    return this.changeAs(p, id, 'cancel', { reason: details.reason });
  }

  markDelivered(p: Principal, id: string): Promise<Booking> {
    return this.changeAs(p, id, 'mark_delivered', {});
  }

  markNoShow(p: Principal, id: string, input: Record<string, unknown>): Promise<Booking> {
    return this.changeAs(p, id, 'mark_no_show', { reason: parseReasons(input, true).reason });
  }

  /**
   * Attendance has been recorded for a delivered booking (the ledger calls this inside its own
   * transaction when the school records who took part; it joins that transaction).
   */
  markRecorded(p: Principal, id: string): Promise<Booking> {
    return this.changeAs(p, id, 'record', {});
  }

  /** Moves the booking to another open session of the same offer; the other side is asked again. */
  async reschedule(p: Principal, id: string, input: Record<string, unknown>): Promise<Booking> {
    const c = collect();
    const reason = isBlank(input['reason']) ? null : c.run(() => parseText(input['reason'], 'input.reason', 1000, 'multiline'));
    if (!isUuid(input['offerSessionId'])) c.add('input.offerSessionId', 'NOT_FOUND', 'Offer session not found');
    c.throwIfAny();
    const now = this.clock.now();
    return this.db.transaction(async (em) => {
      const { booking, side } = await this.lockForChange(p, id);
      if (booking.offerSessionId === input['offerSessionId']) return booking;
      // The booking's own state and the caller's side are checked before the new slot is looked at.
      decideMove({ state: booking.state, action: 'reschedule', side, startsAt: booking.startsAt, now });
      const { session, offer } = await this.openSlot(p, input['offerSessionId'] as string, 'input.offerSessionId', now);
      if (offer.id !== booking.offerId)
        throw new DomainError('CONFLICT', 'A booking can move only to another session of the same offer', 'input.offerSessionId');
      this.checkFits(offer, session, booking.yearGroup, booking.pupilCount, null);
      return this.apply(em, booking, 'reschedule', { side, userId: p.userId, contactId: null }, { reason, newSession: session }, now);
    });
  }

  /** The employer answering through an emailed link (the link itself was checked by the caller). */
  answerAsEmployerContact(
    em: EntityManager,
    booking: Booking,
    action: 'accept' | 'decline',
    contactId: string,
    details: ChangeDetails,
    now: Date,
  ): Promise<Booking> {
    return this.apply(em, booking, action, { side: 'employer', userId: null, contactId }, details, now);
  }

  /** The booking locked for a change by someone logged in, with the side they act as. */
  private async lockForChange(p: Principal, id: string): Promise<{ booking: Booking; side: BookingSide }> {
    requireTenant(p);
    const booking = await this.bookings.lock(id);
    const ref = booking ? await this.refOf(booking) : null;
    const visible = visibleOrNotFound(ref, (r) => canSeeBooking(p, r), 'Booking', 'id');
    const side = bookingSideOf(p, visible);
    if (!side) throw new DomainError('FORBIDDEN', 'You may not change this booking');
    return { booking: booking as Booking, side };
  }

  private changeAs(p: Principal, id: string, action: BookingAction, details: ChangeDetails): Promise<Booking> {
    return this.db.transaction(async (em) => {
      const { booking, side } = await this.lockForChange(p, id);
      return this.apply(em, booking, action, { side, userId: p.userId, contactId: null }, details, this.clock.now());
    });
  }

  /**
   * One change: decide (domain), store the new state and the transition, hold or release sessions,
   * keep the request's status in step, and write the mail it causes. Unchanged → nothing written.
   */
  private async apply(
    em: EntityManager,
    booking: Booking,
    action: BookingAction,
    actor: BookingActor,
    details: ChangeDetails,
    now: Date,
  ): Promise<Booking> {
    const decision = decideMove({ state: booking.state, action, side: actor.side, startsAt: booking.startsAt, now });
    if (decision.kind === 'unchanged') return booking;
    const { from, to } = decision;
    const version = booking.version + 1;
    const patch: Partial<Booking> = { state: to, version };
    if (to === 'confirmed') patch.confirmedVersion = version;
    if (to === 'delivered') patch.deliveredAt = now;
    if (to === 'recorded') patch.recordedAt = now;
    const previousSessionId = booking.offerSessionId;
    if (details.newSession) {
      patch.offerSessionId = details.newSession.id;
      patch.startsAt = details.newSession.startsAt;
      patch.endsAt = details.newSession.endsAt;
    }
    // Release the old slot first: the live-session index allows one live booking per session.
    if (details.newSession) await this.slots.setSessionStatus(previousSessionId, 'open');
    const next = updated(await this.bookings.update(booking.id, patch));
    await this.bookings.insertTransition({
      tenantId: booking.tenantId,
      bookingId: booking.id,
      version,
      action,
      fromState: from,
      toState: to,
      actorSide: actor.side,
      actorUserId: actor.userId,
      actorContactId: actor.contactId,
      reason: details.reason ?? null,
      proposedAlternative: details.proposedAlternative ?? null,
      offerSessionId: next.offerSessionId,
      previousOfferSessionId: details.newSession ? previousSessionId : null,
    });
    await this.keepInStep(next, to);
    if (to === 'delivered') await this.delivered.onBookingDelivered(em, next);
    await this.outbox.afterChange(em, next, effectsOf(from, to, action), await this.settings.current(), now);
    return next;
  }

  /** The offer session and the request follow the booking. */
  private async keepInStep(booking: Booking, to: BookingState): Promise<void> {
    if (to === 'confirmed') await this.slots.setSessionStatus(booking.offerSessionId, 'booked');
    else if (to === 'proposed' || to === 'accepted_by_school' || to === 'accepted_by_employer')
      await this.slots.setSessionStatus(booking.offerSessionId, 'held');
    else if (to === 'declined' || to === 'cancelled') await this.slots.setSessionStatus(booking.offerSessionId, 'open');
    if (to === 'delivered' || to === 'recorded') await this.slots.setRequestStatus(booking.requestId, 'fulfilled');
    else if (to === 'declined' || to === 'cancelled' || to === 'no_show') await this.slots.setRequestStatus(booking.requestId, 'open');
    else await this.slots.setRequestStatus(booking.requestId, 'matched');
  }

  private async create(
    em: EntityManager,
    v: {
      request: { id: string; schoolId: string };
      offer: Offer;
      session: OfferSession;
      contactId: string;
      yearGroup: number;
      pupilCount: number;
    },
    state: 'proposed' | 'accepted_by_school',
    actor: BookingActor,
    now: Date,
  ): Promise<Booking> {
    const booking = await this.bookings.insert({
      requestId: v.request.id,
      offerId: v.offer.id,
      offerSessionId: v.session.id,
      schoolId: v.request.schoolId,
      employerId: v.offer.employerId,
      contactId: v.contactId,
      yearGroup: v.yearGroup,
      pupilCount: v.pupilCount,
      startsAt: v.session.startsAt,
      endsAt: v.session.endsAt,
      state,
      version: 1,
      createdByUserId: actor.userId,
    });
    await this.bookings.insertTransition({
      tenantId: booking.tenantId,
      bookingId: booking.id,
      version: 1,
      action: 'create',
      fromState: null,
      toState: state,
      actorSide: actor.side,
      actorUserId: actor.userId,
      actorContactId: null,
      offerSessionId: v.session.id,
    });
    await this.keepInStep(booking, state);
    await this.outbox.afterChange(em, booking, effectsOf(null, state, 'create'), await this.settings.current(), now);
    return booking;
  }

  // ── checks ────────────────────────────────────────────────────────────────

  /**
   * The session (locked) and its offer, when the caller may see the offer, the offer is published
   * and the session is open (no live booking holds it) and still ahead.
   */
  private async openSlot(p: Principal, sessionId: string, field: string, now: Date): Promise<{ session: OfferSession; offer: Offer }> {
    const found = await this.slots.lockSession(sessionId);
    const offer = visibleOrNotFound(found?.offer, (o) => canSeeOffer(p, o), 'Offer session', field);
    const session = (found as { session: OfferSession }).session;
    if (offer.archivedAt || offer.status !== 'published')
      throw new DomainError(
        'CONFLICT',
        `This offer is not open for booking (it is ${offer.archivedAt ? 'archived' : offer.status})`,
        field,
      );
    if (session.status === 'cancelled') throw new DomainError('CONFLICT', 'This session was cancelled by the employer', field);
    if (session.status !== 'open') throw new DomainError('CONFLICT', 'This session is already taken: choose another one', field);
    if (session.startsAt.getTime() <= now.getTime())
      throw new DomainError('CONFLICT', `This session has already started (${session.startsAt.toISOString()})`, field);
    return { session, offer };
  }

  /** The group fits the offer: an eligible year group, no more pupils than the session takes. */
  private checkFits(offer: Offer, session: OfferSession, yearGroup: number, pupilCount: number, inputPrefix: 'input' | null): void {
    const field = (name: string): string => (inputPrefix ? `${inputPrefix}.${name}` : 'offerSessionId');
    if (!offer.yearGroups.map(Number).includes(yearGroup)) {
      throw DomainError.invalid(
        field('yearGroup'),
        'INVALID_YEAR_GROUP',
        `${field('yearGroup')} must be a year group the offer is for: ${[...offer.yearGroups].sort((a, b) => a - b).join(', ')} (got ${yearGroup})`,
      );
    }
    if (pupilCount > session.capacity) {
      throw DomainError.invalid(
        field('pupilCount'),
        'INVALID_CAPACITY',
        `${field('pupilCount')} must be at most the session's ${session.capacity} places (got ${pupilCount})`,
      );
    }
  }

  private async contactOf(offer: Offer, field: string): Promise<string> {
    const contact = await this.slots.contactFor(offer);
    if (!contact) throw new DomainError('CONFLICT', 'This employer has no contact to send the request to yet', field);
    return contact.id;
  }

  private async refOf(booking: Booking): Promise<BookingRef> {
    const school = await this.slots.school(booking.schoolId);
    return { tenantId: booking.tenantId, schoolId: booking.schoolId, clusterId: school?.clusterId ?? null, employerId: booking.employerId };
  }
}

// ── input parsing ───────────────────────────────────────────────────────────

export interface BookingFilterInput {
  states?: string[] | null;
  schoolId?: string | null;
  employerId?: string | null;
  dateFrom?: string | null;
  dateTo?: string | null;
}

function parseBookingFilter(f: BookingFilterInput): {
  states?: BookingState[];
  schoolId?: string;
  employerId?: string;
  from?: Date;
  to?: Date;
} {
  const c = collect();
  const states =
    isBlank(f.states) || (Array.isArray(f.states) && f.states.length === 0)
      ? undefined
      : c.run(() => parseList(f.states, 'filter.states', (v, field) => parseEnum(v, BOOKING_STATES, field)));
  const range = c.run(() => parseDayRangeFilter(f.dateFrom, f.dateTo));
  for (const key of ['schoolId', 'employerId'] as const) {
    if (!isBlank(f[key]) && !isUuid(f[key])) c.add(`filter.${key}`, 'NOT_FOUND', `${key === 'schoolId' ? 'School' : 'Employer'} not found`);
  }
  c.throwIfAny();
  return { states, schoolId: f.schoolId ?? undefined, employerId: f.employerId ?? undefined, from: range?.from?.at, to: range?.to?.at };
}

/** A reason (required when `required`, at most 1,000 characters) and a suggested other time (at most 500). */
export function parseReasons(
  input: Record<string, unknown>,
  required: boolean,
  prefix = 'input',
): { reason: string | null; proposedAlternative: string | null } {
  const c = collect();
  let reason: string | null | undefined = null;
  if (isBlank(input['reason'])) {
    if (required) c.add(`${prefix}.reason`, 'REQUIRED', `${prefix}.reason is required: say why, in a few words`);
  } else reason = c.run(() => parseText(input['reason'], `${prefix}.reason`, 1000, 'multiline'));
  const proposedAlternative = isBlank(input['proposedAlternative'])
    ? null
    : c.run(() => parseText(input['proposedAlternative'], `${prefix}.proposedAlternative`, 500, 'multiline'));
  c.throwIfAny();
  return { reason: reason ?? null, proposedAlternative: proposedAlternative ?? null };
}
