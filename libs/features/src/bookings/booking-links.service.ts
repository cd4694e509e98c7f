import { Injectable } from '@nestjs/common';
import {
  type BookingState,
  Clock,
  formatLondonDateTime,
  DomainError,
  type FieldProblem,
  judgeLink,
  type LinkAction,
  type LinkVerdict,
} from '@tandem/domain';
import { SystemDb, TenantContext, TenantDb, type BookingLink } from '@tandem/persistence';
import { LinkTokens } from '@tandem/platform';
import type { EntityManager } from 'typeorm';
import { BookingLinkRepository, BookingRepository } from './bookings.repository';
import { BookingsService, parseReasons } from './bookings.service';
import { formatLondonSlot } from './mail/booking-emails';

/** What the person holding a link is shown about the booking (no ids, no other people's details). */
export interface LinkSummary {
  title: string;
  schoolName: string;
  employerName: string;
  when: string;
  pupils: string;
}

export type LinkOutcome =
  | { kind: 'unknown' }
  | {
      kind: 'refused';
      verdict: Exclude<LinkVerdict, 'ok'>;
      action: LinkAction;
      summary: LinkSummary;
      usedAction: LinkAction | null;
      usedAt: string | null;
      state: BookingState;
    }
  | {
      kind: 'ask';
      action: LinkAction;
      summary: LinkSummary;
      problems: FieldProblem[];
      values: { reason: string; proposedAlternative: string };
    }
  | { kind: 'done'; action: LinkAction; summary: LinkSummary; state: BookingState };

/**
 * The employer answering a request from the emailed Accept / Decline links, without logging in.
 * The token names its tenant only through a SECURITY DEFINER look-up of its hash; everything else
 * happens inside that tenant, under RLS, in one transaction that locks the booking and the link.
 * Opening a link (GET) changes nothing: mail scanners that follow links cannot answer for anyone.
 */
@Injectable()
export class BookingLinksService {
  constructor(
    private readonly clock: Clock,
    private readonly systemDb: SystemDb,
    private readonly db: TenantDb,
    private readonly linkRows: BookingLinkRepository,
    private readonly bookings: BookingRepository,
    private readonly service: BookingsService,
    private readonly links: LinkTokens,
  ) {}

  open(token: string): Promise<LinkOutcome> {
    return this.withLink(token, async ({ link, action }) => {
      const booking = await this.bookings.findById(link.bookingId);
      if (!booking) return { kind: 'unknown' };
      const summary = await this.summary(booking.id);
      const verdict = judgeLink(link, booking, action, this.clock.now());
      if (verdict !== 'ok') return this.refused(verdict, action, summary, link, booking.state);
      return { kind: 'ask', action, summary, problems: [], values: { reason: '', proposedAlternative: '' } };
    });
  }

  answer(token: string, form: Record<string, unknown>): Promise<LinkOutcome> {
    return this.withLink(token, async ({ link: found, action }, em) => {
      const booking = await this.bookings.lock(found.bookingId);
      const link = await this.linkRows.lock(found.id);
      if (!booking || !link) return { kind: 'unknown' };
      const summary = await this.summary(booking.id);
      const now = this.clock.now();
      const verdict = judgeLink(link, booking, action, now);
      if (verdict !== 'ok') return this.refused(verdict, action, summary, link, booking.state);
      let details: { reason: string | null; proposedAlternative: string | null } = { reason: null, proposedAlternative: null };
      if (action === 'decline') {
        try {
          details = parseReasons(form, false, 'form');
        } catch (e) {
          if (!(e instanceof DomainError)) throw e;
          const problems = e.details?.length ? [...e.details] : [{ field: e.field ?? '', code: e.code, message: e.message }];
          const text = (v: unknown): string => (typeof v === 'string' ? v : '');
          return {
            kind: 'ask',
            action,
            summary,
            problems,
            values: { reason: text(form['reason']), proposedAlternative: text(form['proposedAlternative']) },
          };
        }
      }
      await this.linkRows.markUsed(booking.id, link.id, action, now);
      const next = await this.service.answerAsEmployerContact(em, booking, action, link.contactId, details, now);
      return { kind: 'done', action, summary, state: next.state };
    });
  }

  /** Finds the link's tenant from the token's hash, then runs `fn` in that tenant's transaction. */
  private async withLink(
    token: string,
    fn: (found: { link: BookingLink; action: LinkAction }, em: EntityManager) => Promise<LinkOutcome>,
  ): Promise<LinkOutcome> {
    const hash = this.links.hashOf(token);
    if (!hash) return { kind: 'unknown' };
    const tenantId = await this.systemDb.tenantOfBookingLink(hash);
    if (!tenantId) return { kind: 'unknown' };
    return TenantContext.run({ tenantId, actorUserId: null, correlationId: 'booking-link' }, () =>
      this.db.transaction(async (em) => {
        const found = await this.linkRows.byTokenHash(hash);
        return found ? fn(found, em) : { kind: 'unknown' };
      }),
    );
  }

  private refused(
    verdict: Exclude<LinkVerdict, 'ok'>,
    action: LinkAction,
    summary: LinkSummary,
    link: BookingLink,
    state: BookingState,
  ): LinkOutcome {
    return {
      kind: 'refused',
      verdict,
      action,
      summary,
      usedAction: link.usedAction,
      usedAt: link.usedAt ? formatLondonDateTime(link.usedAt) : null,
      state,
    };
  }

  private async summary(bookingId: string): Promise<LinkSummary> {
    const [details] = await this.bookings.detailsFor([bookingId]);
    const booking = await this.bookings.findById(bookingId);
    if (!details || !booking) throw new Error('a booking vanished inside its own transaction');
    return {
      title: details.title,
      schoolName: details.schoolName,
      employerName: details.employerName,
      when: formatLondonSlot(booking.startsAt, booking.endsAt),
      pupils: `${booking.pupilCount} pupils in Year ${booking.yearGroup}`,
    };
  }
}
