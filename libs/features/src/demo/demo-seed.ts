import { generateDemoData, type DemoData } from '@tandem/demo-data';
import { ROLE_LABELS, type CalendarDate, type Clock, type Role } from '@tandem/domain';
import {
  Cluster,
  Employer,
  EmployerContact,
  Encounter,
  EncounterEmployer,
  EncounterRequest,
  Membership,
  Offer,
  OfferAvailabilityWindow,
  OfferSession,
  Pupil,
  RequestWindow,
  School,
  SystemDb,
  TenantContext,
  TenantDb,
  VettingCheck,
} from '@tandem/persistence';
import { PasswordHasher } from '@tandem/platform';
import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * The demo hub `npm run dev` shows: one Careers Hub with 2 clusters, 20 schools (~1,000 pupils
 * each over Years 7–13), 80 employers with vetting, contacts and a spread of light-touch offers
 * with concrete sessions, some school requests, this year's encounters so far (so coverage has a
 * story), and a log-in for every role. Written as the app
 * role through TenantDb, so row-level security applies to the seed like to everything else.
 */
export interface DemoSeedOptions {
  seed?: number;
  /** The product's clock: the demo's rows are written at its time. */
  clock: Clock;
  /** "Today" for the demo (fixes the academic year, vetting dates, request windows); default the clock's London date. */
  referenceDate?: CalendarDate;
  slug?: string;
  name?: string;
  schools?: number;
  pupilsPerYearGroup?: number;
  employers?: number;
  requests?: number;
  /** Password of every demo log-in (development only). */
  password?: string;
}

export interface DemoLogin {
  role: Role | 'platform_admin';
  label: string;
  email: string;
  scope: string;
}

export interface DemoSeedResult {
  tenantId: string;
  slug: string;
  password: string;
  logins: DemoLogin[];
  counts: Record<string, number>;
}

export const DEMO_PASSWORD = 'tandem-demo-password';
export const DEMO_SLUG = 'greater-manchester';
const MAIL_DOMAIN = 'demo.tandem.example';

/** Inserts rows in chunks (one statement per chunk) and returns their ids in order. */
async function insertAll<E extends ObjectLiteral>(
  em: EntityManager,
  entity: EntityTarget<E>,
  rows: readonly Partial<E>[],
  chunk = 1000,
): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < rows.length; i += chunk) {
    const result = await em.insert(entity, rows.slice(i, i + chunk) as never);
    ids.push(...result.identifiers.map((x) => (x as { id: string }).id));
  }
  return ids;
}

export async function seedDemoHub(dataSource: DataSource, options: DemoSeedOptions): Promise<DemoSeedResult> {
  const { clock } = options;
  const systemDb = new SystemDb(dataSource, clock);
  const tenantDb = new TenantDb(dataSource, clock);
  const password = options.password ?? DEMO_PASSWORD;
  const slug = options.slug ?? DEMO_SLUG;
  const data: DemoData = generateDemoData(options.seed ?? 2026, {
    schools: options.schools ?? 20,
    clusters: 2,
    pupilsPerYearGroup: options.pupilsPerYearGroup ?? 190,
    employers: options.employers ?? 80,
    offersPerEmployer: [1, 3],
    requests: options.requests ?? 40,
    referenceDate: options.referenceDate ?? clock.today(),
  });

  const passwordHash = await new PasswordHasher().hash(password);
  const tenant = await systemDb.createTenant({ name: options.name ?? 'Greater Manchester Careers Hub', slug });
  const user = async (local: string, displayName: string, isPlatformAdmin = false): Promise<{ id: string; email: string }> => {
    const email = `${local}@${slug}.${MAIL_DOMAIN}`;
    const existing = await systemDb.findUserByEmail(email);
    const created = existing ?? (await systemDb.createUser({ email, displayName, passwordHash, isPlatformAdmin }));
    return { id: created.id, email };
  };
  // Every user first: global rows, outside the tenant transaction (embedded PostgreSQL serialises
  // transactions across connections, so a look-up on another connection inside it would wait forever).
  const platformAdmin = await user('platform', 'Pat Platform', true);
  const hubAdmin = await user('hub.admin', 'Helen Hubadmin');
  type DemoUser = Awaited<ReturnType<typeof user>>;
  const coordinators: DemoUser[] = [];
  for (const [i, cluster] of data.clusters.entries())
    coordinators.push(await user(`coordinator.${cluster.key}`, `${['Chris', 'Sam'][i] ?? `Coordinator ${i + 1}`} Coordinator`));
  const schoolStaff: DemoUser[] = [];
  for (const [i, school] of data.schools.slice(0, 2).entries())
    schoolStaff.push(await user(`careers.lead.${school.key}`, `${['Jo', 'Alex'][i]} Careers Leader`));
  const employerContacts: DemoUser[] = [];
  for (const employer of data.employers.slice(0, 2))
    employerContacts.push(await user(`employer.${employer.key}`, employer.contacts[0]?.name ?? employer.name));

  return TenantContext.run({ tenantId: tenant.id, actorUserId: hubAdmin.id }, () =>
    tenantDb.transaction(async (em) => {
      const tenantId = tenant.id;
      const clusterIds = await insertAll(
        em,
        Cluster,
        data.clusters.map((c) => ({ tenantId, name: c.name })),
      );
      const clusterIdByKey = new Map(data.clusters.map((c, i) => [c.key, clusterIds[i]]));
      const schoolIds = await insertAll(
        em,
        School,
        data.schools.map((s) => ({
          tenantId,
          clusterId: clusterIdByKey.get(s.clusterKey) ?? null,
          urn: s.urn,
          name: s.name,
          postcode: s.postcode,
          latitude: s.latitude,
          longitude: s.longitude,
          phase: s.phase,
          lowestYearGroup: s.lowestYearGroup,
          highestYearGroup: s.highestYearGroup,
        })),
      );
      const schoolIdByKey = new Map(data.schools.map((s, i) => [s.key, schoolIds[i]]));
      const pupilIds = await insertAll(
        em,
        Pupil,
        data.pupils.map((p) => ({
          tenantId,
          schoolId: schoolIdByKey.get(p.schoolKey),
          reference: p.reference,
          dateOfBirth: p.dateOfBirth,
          yearGroup: p.yearGroup,
          disadvantaged: p.disadvantaged,
          send: p.send,
          careExperienced: p.careExperienced,
          roniScore: p.roniScore,
          onRollFrom: p.onRollFrom,
        })),
        2000,
      );

      const employerIds = await insertAll(
        em,
        Employer,
        data.employers.map((e) => ({
          tenantId,
          name: e.name,
          sector: e.sector,
          sizeBand: e.sizeBand,
          postcode: e.postcode,
          latitude: e.latitude,
          longitude: e.longitude,
          maxRequestsPerMonth: e.maxRequestsPerMonth,
        })),
      );
      const employerIdByKey = new Map(data.employers.map((e, i) => [e.key, employerIds[i]]));
      const contactRows = data.employers.flatMap((e, i) =>
        e.contacts.map((c) => ({
          tenantId,
          employerId: employerIds[i],
          name: c.name,
          email: c.email,
          jobTitle: c.jobTitle,
          dbsStatus: c.dbsStatus,
          dbsCheckedOn: c.dbsCheckedOn,
        })),
      );
      const contactIds = await insertAll(em, EmployerContact, contactRows);
      const contactIdsByEmployer = new Map<string, string[]>();
      contactRows.forEach((c, i) =>
        contactIdsByEmployer.set(c.employerId, [...(contactIdsByEmployer.get(c.employerId) ?? []), contactIds[i]]),
      );
      await insertAll(
        em,
        VettingCheck,
        data.employers.flatMap((e, i) =>
          e.vetting.map((v) => ({ tenantId, employerId: employerIds[i], kind: v.kind, checkedOn: v.checkedOn, expiresOn: v.expiresOn })),
        ),
      );

      const offerIds = await insertAll(
        em,
        Offer,
        data.offers.map((o) => {
          const employerId = employerIdByKey.get(o.employerKey) as string;
          return {
            tenantId,
            employerId,
            contactId: contactIdsByEmployer.get(employerId)?.[o.contactIndex] ?? null,
            title: o.title,
            description: o.description,
            activityType: o.activityType,
            format: o.format,
            durationMinutes: o.durationMinutes,
            pupilsPerSession: o.pupilsPerSession,
            sessionsAvailable: o.sessionsAvailable,
            yearGroups: o.yearGroups,
            travelRadiusKm: o.travelRadiusKm,
            benchmark: o.benchmark,
            status: o.status,
            archivedAt: o.status === 'archived' ? clock.now() : null,
          };
        }),
      );
      const offerIdByKey = new Map(data.offers.map((o, i) => [o.key, offerIds[i]]));
      await insertAll(
        em,
        OfferAvailabilityWindow,
        data.offers.flatMap((o, i) => o.availability.map((w) => ({ tenantId, offerId: offerIds[i], ...w }))),
      );
      await insertAll(
        em,
        OfferSession,
        data.sessions.map((s) => ({
          tenantId,
          offerId: offerIdByKey.get(s.offerKey),
          startsAt: s.startsAt,
          endsAt: s.endsAt,
          capacity: s.capacity,
        })),
      );

      const requestIds = await insertAll(
        em,
        EncounterRequest,
        data.requests.map((r) => ({
          tenantId,
          schoolId: schoolIdByKey.get(r.schoolKey),
          activityType: r.activityType,
          yearGroup: r.yearGroup,
          pupilCount: r.pupilCount,
          formats: r.formats,
          deadline: r.deadline,
          notes: r.notes,
          status: r.status,
          createdByUserId: hubAdmin.id,
        })),
      );
      await insertAll(
        em,
        RequestWindow,
        data.requests.flatMap((r, i) =>
          r.windows.map((w) => ({ tenantId, requestId: requestIds[i], startsAt: w.startsAt, endsAt: w.endsAt })),
        ),
      );

      // What schools have logged so far this year, so coverage, heat map and gap lists have a story.
      const pupilIdByKey = new Map(data.pupils.map((p, i) => [p.key, pupilIds[i]]));
      const encounterIds = await insertAll(
        em,
        Encounter,
        data.encounters.map((e) => ({
          tenantId,
          schoolId: schoolIdByKey.get(e.schoolKey),
          occurredOn: e.occurredOn,
          activityType: e.activityType,
          format: e.format,
          title: e.title,
          yearGroups: [e.yearGroup],
          durationMinutes: e.durationMinutes,
          status: 'delivered' as const,
          checklist: [...e.checklist],
          checklistRecordedAt: clock.now(),
          attendanceRecordedAt: clock.now(),
          createdByUserId: hubAdmin.id,
        })),
      );
      await insertAll(
        em,
        EncounterEmployer,
        data.encounters.map((e, i) => ({
          tenantId,
          encounterId: encounterIds[i],
          employerId: employerIdByKey.get(e.employerKey),
          volunteers: 1,
        })),
      );
      // One statement for all attendance: the ledger recomputes each pupil once.
      const attendance = data.encounters.flatMap((e, i) =>
        e.attendeeKeys.map((key) => ({
          school_id: schoolIdByKey.get(e.schoolKey),
          encounter_id: encounterIds[i],
          pupil_id: pupilIdByKey.get(key),
        })),
      );
      await em.query(
        `insert into encounter_attendance (tenant_id, school_id, encounter_id, pupil_id)
         select $1, x.school_id, x.encounter_id, x.pupil_id from jsonb_to_recordset($2::jsonb) as x(school_id uuid, encounter_id uuid, pupil_id uuid)`,
        [tenantId, JSON.stringify(attendance)],
      );

      // A log-in for every role, scoped to real records of the demo.
      const logins: DemoLogin[] = [
        { role: 'platform_admin', label: 'Platform admin', email: platformAdmin.email, scope: 'the platform (no hub)' },
      ];
      const member = async (
        who: { id: string; email: string },
        role: Role,
        scope: Partial<Pick<Membership, 'clusterId' | 'schoolId' | 'employerId'>>,
        scopeLabel: string,
      ): Promise<void> => {
        await em.insert(Membership, { tenantId, userId: who.id, role, clusterId: null, schoolId: null, employerId: null, ...scope });
        logins.push({ role, label: ROLE_LABELS[role], email: who.email, scope: scopeLabel });
      };
      await member(hubAdmin, 'hub_admin', {}, tenant.name);
      for (const [i, who] of coordinators.entries()) await member(who, 'coordinator', { clusterId: clusterIds[i] }, data.clusters[i].name);
      for (const [i, who] of schoolStaff.entries()) await member(who, 'school_staff', { schoolId: schoolIds[i] }, data.schools[i].name);
      for (const [i, who] of employerContacts.entries())
        await member(who, 'employer_contact', { employerId: employerIds[i] }, data.employers[i].name);

      return {
        tenantId,
        slug,
        password,
        logins,
        counts: {
          clusters: clusterIds.length,
          schools: schoolIds.length,
          pupils: data.pupils.length,
          employers: employerIds.length,
          contacts: contactIds.length,
          offers: offerIds.length,
          sessions: data.sessions.length,
          requests: requestIds.length,
          encounters: encounterIds.length,
          attendances: attendance.length,
        },
      };
    }),
  );
}

/** The text of `.tandem/demo-logins.txt`. */
export function formatDemoLogins(result: DemoSeedResult): string {
  const width = Math.max(...result.logins.map((l) => l.label.length));
  return [
    `Password for every demo log-in: ${result.password}   (hub slug: ${result.slug})`,
    ...result.logins.map((l) => `${l.label.padEnd(width)}  ${l.email}  (${l.scope})`),
    '',
  ].join('\n');
}
