import {
  ACTIONS,
  can,
  canCreateOffer,
  canCreateTenant,
  canEditOffer,
  canManageTenant,
  canRunMatching,
  canSeeCoverage,
  canSeeEmployer,
  canSeeOffer,
  canSeePupils,
  canSeeRequest,
  canSeeSchool,
  PRINCIPAL_ROLES,
  reachOf,
  type Action,
  type Principal,
  type PrincipalRole,
  type ScopedResource,
} from './scope';

const T = 'tenant-1';
const principals: Record<PrincipalRole, Principal> = {
  platform_admin: { userId: 'u0', tenantId: null, membershipId: null, role: 'platform_admin' },
  hub_admin: { userId: 'u1', tenantId: T, membershipId: 'm1', role: 'hub_admin' },
  coordinator: { userId: 'u2', tenantId: T, membershipId: 'm2', role: 'coordinator', clusterId: 'c1' },
  school_staff: { userId: 'u3', tenantId: T, membershipId: 'm3', role: 'school_staff', schoolId: 's1' },
  employer_contact: { userId: 'u4', tenantId: T, membershipId: 'm4', role: 'employer_contact', employerId: 'e1' },
};

/** A record "near" the principal (their cluster / school / employer) and one far from them. */
const near: ScopedResource = { tenantId: T, clusterId: 'c1', schoolId: 's1', employerId: 'e1', status: 'draft' };
const far: ScopedResource = { tenantId: T, clusterId: 'c2', schoolId: 's2', employerId: 'e2', status: 'draft' };
const farPublished: ScopedResource = { ...far, status: 'published' };

/**
 * The expected answers, written out independently of PERMISSIONS: per action, per role,
 * 'all' = near and far, 'own' = near only, 'pub' = published only, '-' = never.
 * Order: platform_admin, hub_admin, coordinator, school_staff, employer_contact.
 */
type E = 'all' | 'own' | 'pub' | '-';
const EXPECTED: Record<Action, [E, E, E, E, E]> = {
  createTenant: ['all', '-', '-', '-', '-'],
  manageTenant: ['all', 'all', '-', '-', '-'],
  createSchool: ['all', 'all', '-', '-', '-'],
  viewSchool: ['all', 'all', 'own', 'own', '-'],
  editSchool: ['all', 'all', 'own', 'own', '-'],
  viewPupils: ['-', 'all', 'own', 'own', '-'],
  managePupils: ['-', 'all', '-', 'own', '-'],
  createEmployer: ['all', 'all', 'all', '-', '-'],
  viewEmployer: ['all', 'all', 'all', 'all', 'own'],
  editEmployer: ['all', 'all', 'all', '-', 'own'],
  viewVetting: ['all', 'all', 'all', '-', 'own'],
  recordVettingOutcome: ['-', 'all', 'all', '-', '-'],
  declareVetting: ['-', 'all', 'all', '-', 'own'],
  viewOffer: ['all', 'all', 'all', 'pub', 'own'],
  createOffer: ['-', 'all', 'all', '-', 'own'],
  editOffer: ['-', 'all', 'all', '-', 'own'],
  viewRequest: ['all', 'all', 'own', 'own', '-'],
  editRequest: ['-', 'all', 'own', 'own', '-'],
  recordEncounter: ['-', 'all', 'own', 'own', '-'],
  viewCoverage: ['-', 'all', 'own', 'own', '-'],
  runMatching: ['-', 'all', 'own', '-', '-'],
  viewEmployerImpact: ['-', 'all', 'all', '-', 'own'],
  manageBenchmarkPolicies: ['all', '-', '-', '-', '-'],
  viewCluster: ['all', 'all', 'own', 'own', '-'],
  viewMemberships: ['all', 'all', 'own', '-', '-'],
  inviteSchoolStaff: ['all', 'all', 'own', '-', '-'],
  inviteEmployerContact: ['all', 'all', 'all', '-', '-'],
};

describe('permission table', () => {
  it('has an expectation for every action', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...ACTIONS].sort());
  });

  const cases = ACTIONS.flatMap((action) => PRINCIPAL_ROLES.map((role, k) => [action, role, EXPECTED[action][k]] as const));
  it.each(cases)('%s for %s: %s', (action, role, expected) => {
    const p = principals[role];
    expect([can(p, action, near), can(p, action, far), can(p, action, farPublished)]).toEqual(
      expected === 'all'
        ? [true, true, true]
        : expected === 'own'
          ? [true, false, false]
          : expected === 'pub'
            ? [false, false, true]
            : [false, false, false],
    );
    const filter = reachOf(p, action);
    const expectedKind = {
      all: 'all',
      pub: 'published',
      '-': 'none',
      own: { coordinator: 'cluster', school_staff: 'school', employer_contact: 'employer' }[role as string] ?? 'none',
    }[expected];
    expect(filter.kind).toBe(expectedKind);
  });
});

describe('fails closed', () => {
  it('refuses records of another tenant, whatever the role (except platform admin)', () => {
    const other = { ...near, tenantId: 'tenant-2' };
    for (const role of PRINCIPAL_ROLES.filter((r) => r !== 'platform_admin')) {
      for (const action of ACTIONS) expect(can(principals[role], action, other)).toBe(false);
    }
    expect(can(principals.platform_admin, 'viewSchool', other)).toBe(true);
  });

  it('refuses a tenant role without a tenant', () => {
    const p = { ...principals.hub_admin, tenantId: null };
    expect(can(p, 'viewSchool', near)).toBe(false);
    expect(reachOf(p, 'viewSchool')).toEqual({ kind: 'none' });
  });

  it('refuses a scoped role that lacks its scope id', () => {
    const coordinator = { ...principals.coordinator, clusterId: undefined };
    expect(can(coordinator, 'viewSchool', near)).toBe(false);
    expect(can(coordinator, 'viewSchool', { ...near, clusterId: undefined })).toBe(false);
    expect(reachOf(coordinator, 'viewSchool')).toEqual({ kind: 'none' });
    const staff = { ...principals.school_staff, schoolId: null };
    expect(can(staff, 'viewPupils', { schoolId: null })).toBe(false);
    expect(reachOf(staff, 'viewPupils')).toEqual({ kind: 'none' });
    const contact = { ...principals.employer_contact, employerId: '' };
    expect(can(contact, 'editOffer', { employerId: '' })).toBe(false);
    expect(reachOf(contact, 'editOffer')).toEqual({ kind: 'none' });
  });

  it('refuses an unknown role', () => {
    const p = { ...principals.hub_admin, role: 'superuser' as PrincipalRole };
    for (const action of ACTIONS) expect(can(p, action, near)).toBe(false);
  });

  it('gives reach filters carrying the scope id', () => {
    expect(reachOf(principals.coordinator, 'viewSchool')).toEqual({ kind: 'cluster', clusterId: 'c1' });
    expect(reachOf(principals.school_staff, 'viewPupils')).toEqual({ kind: 'school', schoolId: 's1' });
    expect(reachOf(principals.employer_contact, 'viewOffer')).toEqual({ kind: 'employer', employerId: 'e1' });
  });
});

describe('named questions', () => {
  const s1 = { id: 's1', clusterId: 'c1' };
  const s2 = { id: 's2', clusterId: 'c2' };
  const unclustered = { id: 's3', clusterId: null };

  it('canSeeSchool by role', () => {
    expect(canSeeSchool(principals.hub_admin, unclustered)).toBe(true);
    expect(canSeeSchool(principals.coordinator, s1)).toBe(true);
    expect(canSeeSchool(principals.coordinator, s2)).toBe(false);
    expect(canSeeSchool(principals.coordinator, unclustered)).toBe(false);
    expect(canSeeSchool(principals.school_staff, s1)).toBe(true);
    expect(canSeeSchool(principals.school_staff, s2)).toBe(false);
    expect(canSeeSchool(principals.employer_contact, s1)).toBe(false);
  });

  it('canSeePupils: never for employer contacts or platform admins', () => {
    expect(canSeePupils(principals.employer_contact, s1)).toBe(false);
    expect(canSeePupils(principals.platform_admin, s1)).toBe(false);
    expect(canSeePupils(principals.school_staff, s1)).toBe(true);
    expect(canSeePupils(principals.school_staff, s2)).toBe(false);
    expect(canSeePupils(principals.coordinator, s1)).toBe(true);
    expect(canSeePupils(principals.hub_admin, s2)).toBe(true);
  });

  it('offers: employers edit their own, schools see published ones', () => {
    expect(canEditOffer(principals.employer_contact, { employerId: 'e1' })).toBe(true);
    expect(canEditOffer(principals.employer_contact, { employerId: 'e2' })).toBe(false);
    expect(canEditOffer(principals.school_staff, { employerId: 'e1' })).toBe(false);
    expect(canSeeOffer(principals.school_staff, { employerId: 'e2', status: 'published' })).toBe(true);
    expect(canSeeOffer(principals.school_staff, { employerId: 'e2', status: 'draft' })).toBe(false);
    expect(canSeeOffer(principals.employer_contact, { employerId: 'e1', status: 'draft' })).toBe(true);
    expect(canCreateOffer(principals.employer_contact, { id: 'e1' })).toBe(true);
    expect(canCreateOffer(principals.employer_contact, { id: 'e2' })).toBe(false);
  });

  it('tenant, employer, request, coverage and matching questions', () => {
    expect(canCreateTenant(principals.platform_admin)).toBe(true);
    expect(canCreateTenant(principals.hub_admin)).toBe(false);
    expect(canManageTenant(principals.hub_admin)).toBe(true);
    expect(canManageTenant(principals.hub_admin, 'tenant-2')).toBe(false);
    expect(canManageTenant(principals.coordinator)).toBe(false);
    expect(canSeeEmployer(principals.employer_contact, { id: 'e1' })).toBe(true);
    expect(canSeeEmployer(principals.employer_contact, { id: 'e2' })).toBe(false);
    expect(canSeeEmployer(principals.school_staff, { id: 'e2' })).toBe(true);
    expect(canSeeRequest(principals.coordinator, { schoolId: 's2', clusterId: 'c1' })).toBe(true);
    expect(canSeeRequest(principals.employer_contact, { schoolId: 's1', clusterId: 'c1' })).toBe(false);
    expect(canSeeCoverage(principals.school_staff, s1)).toBe(true);
    expect(canRunMatching(principals.coordinator)).toBe(true);
    expect(canRunMatching(principals.school_staff)).toBe(false);
  });
});
