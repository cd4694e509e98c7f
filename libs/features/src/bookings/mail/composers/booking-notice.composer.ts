import { Injectable } from '@nestjs/common';
import { awaitedSide, awaitsEmployer, type BookingSide } from '@tandem/domain';
import { BookingLink, BookingTransition, OfferSession, TenantDb } from '@tandem/persistence';
import {
  AppConfig,
  LinkTokens,
  type MailAttachment,
  type RenderedEmail,
  type ComposedEmail,
  type MailComposer,
  type MailPayloadOf,
} from '@tandem/platform';
import type { EntityManager } from 'typeorm';
import {
  awaitingSchoolEmail,
  bookingRequestEmail,
  cancelledEmail,
  confirmedEmail,
  declinedEmail,
  rescheduledEmail,
  type Recipient,
} from '../booking-emails';
import { coordinatorRecipients, factsOf, loadBookingMailData, type BookingMailData } from '../booking-mail-data';
import { BOOKING_LINK_PURPOSES, bookingAppUrl, bookingLinkUrl, preferencesUrl } from '../booking-urls';
import { calendarInvite } from '../calendar-invite';

export type BookingNoticeKind =
  'booking_request' | 'booking_awaiting_school' | 'booking_confirmed' | 'booking_declined' | 'booking_cancelled' | 'booking_rescheduled';

/**
 * The emails one change of a booking causes (see effectsOf in the domain). Each is about one
 * version: if the booking has changed again before the job runs, nothing is sent (a newer email
 * says what is true now).
 */
@Injectable()
export class BookingNoticeComposer implements MailComposer<BookingNoticeKind> {
  constructor(
    private readonly db: TenantDb,
    private readonly links: LinkTokens,
    private readonly config: AppConfig,
  ) {}

  compose(payload: MailPayloadOf<BookingNoticeKind>): Promise<ComposedEmail[]> {
    return this.db.transaction(async (em) => {
      const d = await loadBookingMailData(em, payload.bookingId, payload.kind);
      if (!d || d.booking.version !== payload.version) return [];
      switch (payload.kind) {
        case 'booking_request':
          return this.request(em, d);
        case 'booking_awaiting_school':
          return this.awaitingSchool(d);
        case 'booking_confirmed':
          return this.confirmed(em, d);
        case 'booking_declined':
          return this.declined(em, d);
        case 'booking_cancelled':
          return this.cancelled(em, d);
        case 'booking_rescheduled':
          return this.rescheduled(em, d);
      }
    });
  }

  private prefs(d: BookingMailData, email: string): string {
    return preferencesUrl(this.config, this.links, d.booking.tenantId, email);
  }

  private sideName(d: BookingMailData, side: BookingSide | undefined): string {
    if (side === 'school') return d.school.name;
    if (side === 'employer') return d.employer.name;
    if (side === 'broker') return d.hubName;
    return 'Tandem';
  }

  private async request(em: EntityManager, d: BookingMailData): Promise<ComposedEmail[]> {
    if (!awaitsEmployer(d.booking.state)) return [];
    const link = await em
      .createQueryBuilder(BookingLink, 'l')
      .where('l.booking_id = :bookingId and l.offer_session_id = :sessionId and l.used_at is null and l.expires_at > app_now()', {
        bookingId: d.booking.id,
        sessionId: d.booking.offerSessionId,
      })
      .orderBy('l.created_at', 'DESC')
      .getOne();
    if (!link) return [];
    const url = (action: 'accept' | 'decline'): string =>
      bookingLinkUrl(
        this.config,
        this.links.derive(BOOKING_LINK_PURPOSES[action], link.id, action === 'accept' ? link.acceptTokenHash : link.declineTokenHash).token,
      );
    const to = d.contact;
    const rendered = bookingRequestEmail(factsOf(d), {
      recipientName: to.name,
      acceptUrl: url('accept'),
      declineUrl: url('decline'),
      expiresAt: link.expiresAt,
      notes: d.request.notes,
      rescheduled: d.lastChange?.action === 'reschedule',
      preferencesUrl: this.prefs(d, to.email),
    });
    return [{ to: to.email, rendered }];
  }

  private awaitingSchool(d: BookingMailData): ComposedEmail[] {
    const side = awaitedSide(d.booking.state);
    if (side !== 'school' && side !== 'both') return [];
    const rescheduledBy = d.lastChange?.action === 'reschedule' ? this.sideName(d, d.lastChange.actorSide) : null;
    return d.schoolPeople.map((r) => ({
      to: r.email,
      rendered: awaitingSchoolEmail(factsOf(d), { recipientName: r.name, appUrl: bookingAppUrl(this.config, d.booking.id), rescheduledBy }),
    }));
  }

  private async confirmed(em: EntityManager, d: BookingMailData): Promise<ComposedEmail[]> {
    if (d.booking.state !== 'confirmed') return [];
    const school = d.schoolPeople;
    const contact = d.contact;
    const invite = calendarInvite(d, 'confirmed', [...school, contact], this.config.mailFrom);
    const rescheduled = await em.existsBy(BookingTransition, { bookingId: d.booking.id, action: 'reschedule' });
    const one = (r: Recipient, side: 'school' | 'employer'): ComposedEmail => ({
      to: r.email,
      rendered: confirmedEmail(factsOf(d), { side, recipientName: r.name, rescheduled, preferencesUrl: this.prefs(d, r.email) }),
      attachments: [invite],
    });
    return [...school.map((r) => one(r, 'school')), one(contact, 'employer')];
  }

  private async declined(em: EntityManager, d: BookingMailData): Promise<ComposedEmail[]> {
    if (d.booking.state !== 'declined') return [];
    const by = d.lastChange?.actorSide;
    const otherSide = by === 'school' ? [d.contact] : d.schoolPeople;
    const recipients = unique([...otherSide, ...(await coordinatorRecipients(em, d.school.clusterId))]);
    const options = {
      declinedBy: this.sideName(d, by),
      reason: d.lastChange?.reason ?? null,
      proposedAlternative: d.lastChange?.proposedAlternative ?? null,
    };
    return recipients.map((r) => ({ to: r.email, rendered: declinedEmail(factsOf(d), { recipientName: r.name, ...options }) }));
  }

  private async cancelled(em: EntityManager, d: BookingMailData): Promise<ComposedEmail[]> {
    if (d.booking.state !== 'cancelled') return [];
    const parties = unique([...d.schoolPeople, d.contact]);
    const by = d.lastChange?.actorSide;
    const coordinators =
      by === 'broker' ? [] : (await coordinatorRecipients(em, d.school.clusterId)).filter((c) => !parties.some((p) => same(p, c)));
    // Only an event that reached calendars (it was confirmed once) needs withdrawing from them.
    const invite: MailAttachment[] = d.booking.confirmedVersion ? [calendarInvite(d, 'cancelled', parties, this.config.mailFrom)] : [];
    const render = (r: Recipient): RenderedEmail =>
      cancelledEmail(factsOf(d), { recipientName: r.name, cancelledBy: this.sideName(d, by), reason: d.lastChange?.reason ?? null });
    return [
      ...parties.map((r) => ({ to: r.email, rendered: render(r), attachments: invite })),
      ...coordinators.map((r) => ({ to: r.email, rendered: render(r) })),
    ];
  }

  private async rescheduled(em: EntityManager, d: BookingMailData): Promise<ComposedEmail[]> {
    const change = d.lastChange;
    const awaiting = awaitedSide(d.booking.state);
    if (change?.action !== 'reschedule' || !change.previousOfferSessionId || !awaiting) return [];
    const previous = await em.findOneBy(OfferSession, { id: change.previousOfferSessionId });
    if (!previous) return [];
    const parties = unique([...d.schoolPeople, d.contact]);
    const invite = calendarInvite(d, 'tentative', parties, this.config.mailFrom);
    const awaitingName = awaiting === 'both' ? `${d.school.name} and ${d.employer.name}` : this.sideName(d, awaiting);
    return parties.map((r) => ({
      to: r.email,
      rendered: rescheduledEmail(factsOf(d), {
        recipientName: r.name,
        previousStartsAt: previous.startsAt,
        previousEndsAt: previous.endsAt,
        movedBy: this.sideName(d, change.actorSide),
        awaiting: awaitingName,
        reason: change.reason,
      }),
      attachments: [invite],
    }));
  }
}

const same = (a: Recipient, b: Recipient): boolean => a.email.toLowerCase() === b.email.toLowerCase();

function unique(list: readonly Recipient[]): Recipient[] {
  return list.filter((r, i) => list.findIndex((x) => same(x, r)) === i);
}
