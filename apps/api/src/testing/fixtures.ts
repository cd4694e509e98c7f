/**
 * A small hub for integration tests: two clusters with one school each, one employer, and a user
 * for every role (plus a platform admin), with passwords set and access tokens signed.
 *
 *   const hub = await createHubFixture(api);            // tenant A
 *   const other = await createHubFixture(api, 'other'); // tenant B, same database
 */
import { randomBytes } from 'node:crypto';
import { Cluster, Employer, Membership, School, TenantContext, type MembershipRole } from '@tandem/persistence';
import { PasswordHasher, type Principal } from '@tandem/platform';
import type { TestApi } from './test-api';

export const FIXTURE_PASSWORD = 'correct horse battery staple';

export type FixtureRole = 'platformAdmin' | 'hubAdmin' | 'coordinator' | 'coordinatorB' | 'schoolStaff' | 'employerContact';

export interface HubFixture {
  tenantId: string;
  slug: string;
  clusterA: Cluster;
  clusterB: Cluster;
  /** In cluster A. */
  schoolA: School;
  /** In cluster B. */
  schoolB: School;
  employer: Employer;
  emails: Record<FixtureRole, string>;
  principals: Record<FixtureRole, Principal>;
  tokens: Record<FixtureRole, string>;
}

let hashed: Promise<string> | undefined;

export async function createHubFixture(api: TestApi, label = 'hub'): Promise<HubFixture> {
  const { systemDb, tenantDb } = api.db;
  const suffix = randomBytes(3).toString('hex');
  const slug = `${label}-${suffix}`;
  const passwordHash = await (hashed ??= new PasswordHasher().hash(FIXTURE_PASSWORD));
  const tenant = await systemDb.createTenant({ name: `Test ${label} ${suffix}`, slug });
  const emails = {} as Record<FixtureRole, string>;
  for (const role of ['platformAdmin', 'hubAdmin', 'coordinator', 'coordinatorB', 'schoolStaff', 'employerContact'] as const) {
    emails[role] = `${role.toLowerCase()}.${slug}@example.test`;
  }
  const users = {} as Record<FixtureRole, string>;
  for (const role of Object.keys(emails) as FixtureRole[]) {
    const user = await systemDb.createUser({
      email: emails[role],
      displayName: `${role} ${slug}`,
      passwordHash,
      isPlatformAdmin: role === 'platformAdmin',
    });
    users[role] = user.id;
  }
  const scope = { tenantId: tenant.id, actorUserId: users.hubAdmin };
  return TenantContext.run(scope, () =>
    tenantDb.transaction(async (em) => {
      const insert = async <E extends object>(entity: new () => E, values: Partial<E>): Promise<E> => {
        const result = await em.insert(entity, { tenantId: tenant.id, ...values } as never);
        return em.findOneByOrFail(entity, { id: (result.identifiers[0] as { id: string }).id } as never);
      };
      const clusterA = await insert(Cluster, { name: 'North cluster' });
      const clusterB = await insert(Cluster, { name: 'South cluster' });
      const urn = (): string => String(100000 + Math.floor(Math.random() * 899999));
      const schoolA = await insert(School, {
        clusterId: clusterA.id,
        urn: urn(),
        name: 'Northfield Academy',
        postcode: 'LS1 4AP',
        phase: 'secondary',
        lowestYearGroup: 7,
        highestYearGroup: 13,
        latitude: 53.7997,
        longitude: -1.5492,
      });
      const schoolB = await insert(School, {
        clusterId: clusterB.id,
        urn: urn(),
        name: 'Southgate School',
        postcode: 'LS11 5DQ',
        phase: 'secondary',
        lowestYearGroup: 7,
        highestYearGroup: 11,
        latitude: 53.7812,
        longitude: -1.5533,
      });
      const employer = await insert(Employer, {
        name: 'Aire Engineering Ltd',
        sector: 'Engineering',
        sizeBand: 'sme',
        postcode: 'LS10 1AB',
        latitude: 53.78,
        longitude: -1.53,
        maxRequestsPerMonth: 4,
      });

      const member = async (
        role: FixtureRole,
        membershipRole: MembershipRole,
        scopeIds: Partial<Pick<Membership, 'clusterId' | 'schoolId' | 'employerId'>>,
      ): Promise<Principal> => {
        const m = await insert(Membership, {
          userId: users[role],
          role: membershipRole,
          clusterId: null,
          schoolId: null,
          employerId: null,
          ...scopeIds,
        });
        const principal: { -readonly [K in keyof Principal]: Principal[K] } = {
          userId: users[role],
          tenantId: tenant.id,
          membershipId: m.id,
          role: membershipRole,
        };
        if (m.clusterId) principal.clusterId = m.clusterId;
        if (m.schoolId) principal.schoolId = m.schoolId;
        if (m.employerId) principal.employerId = m.employerId;
        return principal;
      };
      const principals: Record<FixtureRole, Principal> = {
        platformAdmin: { userId: users.platformAdmin, tenantId: null, membershipId: null, role: 'platform_admin' },
        hubAdmin: await member('hubAdmin', 'hub_admin', {}),
        coordinator: await member('coordinator', 'coordinator', { clusterId: clusterA.id }),
        coordinatorB: await member('coordinatorB', 'coordinator', { clusterId: clusterB.id }),
        schoolStaff: await member('schoolStaff', 'school_staff', { schoolId: schoolA.id }),
        employerContact: await member('employerContact', 'employer_contact', { employerId: employer.id }),
      };
      return { tenantId: tenant.id, slug, clusterA, clusterB, schoolA, schoolB, employer, emails, principals };
    }),
  ).then(async (hub) => {
    // One log-in (auth_sessions row) per role, made once; tokens are signed when read, at the API
    // clock's current time, so a test that moves the clock on keeps valid tokens (one about expiry
    // signs its own with api.tokenFor).
    const principals = {} as Record<FixtureRole, Principal>;
    for (const [role, principal] of Object.entries(hub.principals) as Array<[FixtureRole, Principal]>)
      principals[role] = await api.startSession(principal);
    const tokens = {} as Record<FixtureRole, string>;
    for (const [role, principal] of Object.entries(principals))
      Object.defineProperty(tokens, role, { enumerable: true, get: () => api.tokenFor(principal) });
    return { ...hub, principals, tokens };
  });
}
