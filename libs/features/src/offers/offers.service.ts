import { Injectable } from '@nestjs/common';
import {
  ACTIVITY_TYPES,
  canCreateOffer,
  canEditOffer,
  canSeeOffer,
  Clock,
  collect,
  DomainError,
  FORMATS,
  isBlank,
  OFFER_STATUSES,
  parseEnum,
  parseYearGroup,
  type Principal,
  reachOf,
  pageSize,
} from '@tandem/domain';
import { AuditLog, isUuid, TenantDb, type Offer, type OfferAvailabilityWindow, type OfferSession } from '@tandem/persistence';
import { type Connection } from '@tandem/platform';
import { connectionOf, mustBeAllowed, parseDayRangeFilter, requireTenant, updated, visibleOrNotFound } from '@tandem/features/shared';
import { EmployersService } from '@tandem/features/employers';
import { offerBenchmark, parseOfferInput, parseSession, type OfferFields, type SessionFields, type WindowFields } from './offer-rules';
import type { OfferFilter } from './offer.types';
import { OfferRepository, OfferSessionRepository, OfferWindowRepository } from './offers.repository';

@Injectable()
export class OffersService {
  constructor(
    private readonly clock: Clock,
    private readonly db: TenantDb,
    private readonly offers: OfferRepository,
    private readonly windows: OfferWindowRepository,
    private readonly sessions: OfferSessionRepository,
    private readonly employers: EmployersService,
  ) {}

  /** The offer if the caller may see it (school staff: published only); NOT_FOUND otherwise. */
  async get(p: Principal, id: string, field = 'id'): Promise<Offer> {
    requireTenant(p);
    return visibleOrNotFound(await this.offers.findById(id), (o) => canSeeOffer(p, o), 'Offer', field);
  }

  async list(
    p: Principal,
    filter: OfferFilter | null | undefined,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<Connection<Offer>> {
    requireTenant(p);
    const f = filter ?? {};
    const size = pageSize(first);
    const c = collect();
    const activityType = isBlank(f.activityType)
      ? undefined
      : c.run(() => parseEnum(f.activityType, ACTIVITY_TYPES, 'filter.activityType'));
    const format = isBlank(f.format) ? undefined : c.run(() => parseEnum(f.format, FORMATS, 'filter.format'));
    const yearGroup = isBlank(f.yearGroup) ? undefined : c.run(() => parseYearGroup(f.yearGroup, 'filter.yearGroup'));
    const status = isBlank(f.status) ? undefined : c.run(() => parseEnum(f.status, OFFER_STATUSES, 'filter.status'));
    const range = c.run(() => parseDayRangeFilter(f.dateFrom, f.dateTo));
    if (!isBlank(f.employerId) && !isUuid(f.employerId)) c.add('filter.employerId', 'NOT_FOUND', 'Employer not found');
    c.throwIfAny();
    const { page, total } = await this.offers.list(
      reachOf(p, 'viewOffer'),
      {
        activityType,
        format,
        yearGroup,
        status,
        employerId: f.employerId ?? undefined,
        ...range,
        includeArchived: f.includeArchived === true,
      },
      { first: size, after },
    );
    return connectionOf(page, total);
  }

  async create(p: Principal, input: Record<string, unknown>): Promise<Offer> {
    return this.db.transaction(async (em) => {
      const employer = await this.employers.get(p, String(input['employerId'] ?? ''), 'input.employerId');
      mustBeAllowed(canCreateOffer(p, employer), 'create offers for this employer');
      if (employer.archivedAt)
        throw new DomainError('CONFLICT', 'This employer is archived: restore it before adding offers', 'input.employerId');
      const parsed = parseOfferInput(input, 'create', this.clock.now());
      const fields = parsed.fields as OfferFields;
      const contactId = await this.contactOf(employer.id, input['contactId']);
      const offer = await this.offers.insert({
        ...fields,
        employerId: employer.id,
        contactId,
        benchmark: offerBenchmark(fields.activityType, fields.format),
      });
      await this.insertWindows(offer.id, parsed.windows ?? []);
      await this.insertSessions(offer.id, parsed.sessions ?? []);
      await AuditLog.record(em, { action: 'offer.created', entityType: 'offer', entityId: offer.id, detail: { employerId: employer.id } });
      return offer;
    });
  }

  async update(p: Principal, id: string, input: Record<string, unknown>): Promise<Offer> {
    return this.db.transaction(async () => {
      const offer = await this.editable(p, id);
      const parsed = parseOfferInput(input, 'update', this.clock.now(), offer as OfferFields);
      const patch: Partial<Offer> = { ...parsed.fields };
      if (parsed.fields.activityType || parsed.fields.format) {
        patch.benchmark = offerBenchmark(parsed.fields.activityType ?? offer.activityType, parsed.fields.format ?? offer.format);
      }
      if (Object.prototype.hasOwnProperty.call(input, 'contactId') && input['contactId'] !== undefined)
        patch.contactId = await this.contactOf(offer.employerId, input['contactId']);
      if (parsed.windows) {
        await this.windows.removeForOffer(offer.id);
        await this.insertWindows(offer.id, parsed.windows);
      }
      if (!Object.keys(patch).length) return offer;
      return updated(await this.offers.update(offer.id, patch));
    });
  }

  async archive(p: Principal, id: string): Promise<Offer> {
    return this.db.transaction(async (em) => {
      const offer = await this.editable(p, id);
      if (offer.archivedAt) return offer;
      await AuditLog.record(em, { action: 'offer.archived', entityType: 'offer', entityId: offer.id });
      return updated(await this.offers.update(offer.id, { archivedAt: this.clock.now(), status: 'archived' }));
    });
  }

  /** One more concrete session, within the offer's size and number of sessions. */
  async addSession(p: Principal, offerId: string, input: Record<string, unknown>): Promise<OfferSession> {
    return this.db.transaction(async () => {
      const offer = await this.editable(p, offerId, 'offerId');
      if (offer.archivedAt) throw new DomainError('CONFLICT', 'This offer is archived', 'offerId');
      const c = collect();
      const session = parseSession(input, 'input', offer.pupilsPerSession, this.clock.now(), c);
      c.throwIfAny();
      if (!session) throw new Error('parseSession returned nothing without a problem');
      if ((await this.sessions.countLive(offer.id)) >= offer.sessionsAvailable) {
        throw new DomainError(
          'INVALID_CAPACITY',
          `This offer has all its ${offer.sessionsAvailable} sessions already: raise sessionsAvailable first`,
          'offerId',
        );
      }
      const [row] = await this.insertSessions(offer.id, [session]);
      return row;
    });
  }

  async cancelSession(p: Principal, id: string): Promise<OfferSession> {
    return this.db.transaction(async () => {
      requireTenant(p);
      const found = await this.sessions.findById(id);
      const offer = visibleOrNotFound(
        found ? await this.offers.findById(found.offerId) : null,
        (o) => canSeeOffer(p, o),
        'Offer session',
        'id',
      );
      const session = visibleOrNotFound(found, () => true, 'Offer session', 'id');
      mustBeAllowed(canEditOffer(p, offer), 'change this offer');
      if (session.status === 'booked') throw new DomainError('CONFLICT', 'This session is booked: cancel the booking first', 'id');
      if (session.status === 'cancelled') return session;
      return updated(await this.sessions.update(session.id, { status: 'cancelled' }));
    });
  }

  windowsFor(offerIds: readonly string[]): Promise<OfferAvailabilityWindow[]> {
    return this.windows.forOffers(offerIds);
  }

  sessionsFor(offerIds: readonly string[]): Promise<OfferSession[]> {
    return this.sessions.forOffers(offerIds);
  }

  /** An offer the caller may change: NOT_FOUND when out of sight, FORBIDDEN when only visible. */
  private async editable(p: Principal, id: string, field = 'id'): Promise<Offer> {
    const offer = await this.get(p, id, field);
    mustBeAllowed(canEditOffer(p, offer), 'change this offer');
    return offer;
  }

  /** A live contact of this employer, or null; anything else is NOT_FOUND on input.contactId. */
  private async contactOf(employerId: string, contactId: unknown): Promise<string | null> {
    if (isBlank(contactId)) return null;
    const contacts = await this.employers.contactsFor([employerId], false);
    if (!contacts.some((c) => c.id === contactId)) throw DomainError.notFound('Employer contact', 'input.contactId');
    return contactId as string;
  }

  private async insertWindows(offerId: string, windows: readonly WindowFields[]): Promise<void> {
    for (const w of windows) await this.windows.insert({ ...w, offerId });
  }

  private async insertSessions(offerId: string, sessions: readonly SessionFields[]): Promise<OfferSession[]> {
    const rows: OfferSession[] = [];
    for (const s of sessions) rows.push(await this.sessions.insert({ ...s, offerId }));
    return rows;
  }
}
