import { Injectable } from '@nestjs/common';
import { addDays, Clock, londonWallClockToInstant, termlyCheckInDue, termStartsOn } from '@tandem/domain';
import { Employer, EmployerContact, Tenant, TenantDb } from '@tandem/persistence';
import { AppConfig, LinkTokens, type ComposedEmail, type MailComposer, type MailPayloadOf } from '@tandem/platform';
import { termlyCheckInEmail } from '../booking-emails';
import { withoutMuted } from '../booking-mail-data';
import { preferencesUrl } from '../booking-urls';

/**
 * "What could you realistically offer next term?" to an employer's main contact, once per term
 * (the term is part of the job id). Replies go to the employer's coordinator.
 */
@Injectable()
export class TermlyCheckInComposer implements MailComposer<'termly_check_in'> {
  constructor(
    private readonly clock: Clock,
    private readonly db: TenantDb,
    private readonly links: LinkTokens,
    private readonly config: AppConfig,
  ) {}

  compose(payload: MailPayloadOf<'termly_check_in'>): Promise<ComposedEmail[]> {
    return this.db.transaction(async (em) => {
      // Still worth asking until the term starts (a check-in delayed past it would be pointless).
      const startsOn = termStartsOn(payload.term);
      const due = startsOn ? termlyCheckInDue(addDays(startsOn, -1)) : null;
      if (!startsOn || !due || due.term !== payload.term || this.clock.today() >= startsOn) return [];
      const employer = await em.findOneBy(Employer, { id: payload.employerId });
      const tenant = await em.findOneBy(Tenant, { id: payload.tenantId });
      if (!employer || employer.archivedAt || !tenant) return [];
      const contact = await em
        .createQueryBuilder(EmployerContact, 'c')
        .where('c.employer_id = :id and c.archived_at is null', { id: employer.id })
        .orderBy('c.created_at', 'ASC')
        .getOne();
      if (!contact) return [];
      const [to] = await withoutMuted(em, payload.kind, [{ email: contact.email, name: contact.name }]);
      if (!to) return [];
      // Replies go to the coordinator who last brokered with this employer (their latest booking's
      // school's cluster), else to the hub admin.
      const coordinators: Array<{ email: string }> = await em.query(
        `select u.email from memberships m join users u on u.id = m.user_id
          where m.archived_at is null and u.disabled_at is null
            and (m.role = 'hub_admin'
                 or (m.role = 'coordinator' and m.cluster_id = (select s.cluster_id from bookings b join schools s on s.id = b.school_id
                                                                  where b.employer_id = $1 order by b.created_at desc limit 1)))
          order by (m.role = 'coordinator') desc, m.created_at, u.email limit 1`,
        [employer.id],
      );
      const replyTo = coordinators[0]?.email ?? null;
      const rendered = termlyCheckInEmail({
        hubName: tenant.name,
        employerName: employer.name,
        recipientName: to.name,
        termLabel: due.label,
        startsOn: londonWallClockToInstant(due.startsOn, '12:00'),
        replyTo,
        preferencesUrl: preferencesUrl(this.config, this.links, payload.tenantId, to.email),
      });
      return [{ to: to.email, rendered, ...(replyTo ? { headers: { 'Reply-To': replyTo } } : {}) }];
    });
  }
}
