import { canInvite, canSeeCluster, canSeeMembership, invitationReachOf, type Principal, type PrincipalRole, type RoleGrant } from './scope';
import type { Role } from './vocabulary';

const T = 'tenant-1';
const principals: Record<PrincipalRole, Principal> = {
  platform_admin: { userId: 'u0', tenantId: null, membershipId: null, role: 'platform_admin' },
  hub_admin: { userId: 'u1', tenantId: T, membershipId: 'm1', role: 'hub_admin' },
  coordinator: { userId: 'u2', tenantId: T, membershipId: 'm2', role: 'coordinator', clusterId: 'c1' },
  school_staff: { userId: 'u3', tenantId: T, membershipId: 'm3', role: 'school_staff', schoolId: 's1' },
  employer_contact: { userId: 'u4', tenantId: T, membershipId: 'm4', role: 'employer_contact', employerId: 'e1' },
};

const grants: Record<string, RoleGrant> = {
  hubAdmin: { tenantId: T, role: 'hub_admin' },
  coordinatorHere: { tenantId: T, role: 'coordinator', clusterId: 'c1' },
  coordinatorThere: { tenantId: T, role: 'coordinator', clusterId: 'c2' },
  staffHere: { tenantId: T, role: 'school_staff', schoolId: 's1', schoolClusterId: 'c1' },
  staffThere: { tenantId: T, role: 'school_staff', schoolId: 's2', schoolClusterId: 'c2' },
  staffUnclustered: { tenantId: T, role: 'school_staff', schoolId: 's3', schoolClusterId: null },
  employerContact: { tenantId: T, role: 'employer_contact', employerId: 'e2' },
};

const allowed = (p: Principal, question: (p: Principal, g: RoleGrant) => boolean): string[] =>
  Object.entries(grants)
    .filter(([, g]) => question(p, g))
    .map(([name]) => name);

describe('canInvite', () => {
  it('lets hub admins (and platform admins) invite any role', () => {
    expect(allowed(principals.hub_admin, canInvite)).toEqual(Object.keys(grants));
    expect(allowed(principals.platform_admin, canInvite)).toEqual(Object.keys(grants));
  });

  it('lets a coordinator invite staff of schools in their cluster and employer contacts, nothing else', () => {
    expect(allowed(principals.coordinator, canInvite)).toEqual(['staffHere', 'employerContact']);
  });

  it('lets school staff and employer contacts invite nobody', () => {
    expect(allowed(principals.school_staff, canInvite)).toEqual([]);
    expect(allowed(principals.employer_contact, canInvite)).toEqual([]);
  });

  it('fails closed: another tenant, a role it does not know, a coordinator without a cluster', () => {
    expect(canInvite(principals.hub_admin, { ...grants['staffHere'], tenantId: 'tenant-2' })).toBe(false);
    expect(canInvite(principals.hub_admin, { tenantId: T, role: 'platform_admin' as Role })).toBe(false);
    expect(canInvite(principals.hub_admin, { tenantId: T, role: 'toString' as Role })).toBe(false);
    expect(canInvite({ ...principals.coordinator, clusterId: undefined }, grants['staffUnclustered'])).toBe(false);
  });
});

describe('canSeeMembership', () => {
  it('shows hub admins everything and coordinators their cluster only', () => {
    expect(allowed(principals.hub_admin, canSeeMembership)).toEqual(Object.keys(grants));
    expect(allowed(principals.coordinator, canSeeMembership)).toEqual(['coordinatorHere', 'staffHere']);
    expect(allowed(principals.school_staff, canSeeMembership)).toEqual([]);
    expect(allowed(principals.employer_contact, canSeeMembership)).toEqual([]);
  });
});

describe('canSeeCluster', () => {
  it('hub admins: any; coordinators: their own; school staff: their school’s; employer contacts: none', () => {
    const c1 = { id: 'c1', tenantId: T };
    const c2 = { id: 'c2', tenantId: T };
    expect([canSeeCluster(principals.hub_admin, c1), canSeeCluster(principals.hub_admin, c2)]).toEqual([true, true]);
    expect([canSeeCluster(principals.coordinator, c1), canSeeCluster(principals.coordinator, c2)]).toEqual([true, false]);
    expect([canSeeCluster(principals.school_staff, c1, 'c1'), canSeeCluster(principals.school_staff, c2, 'c1')]).toEqual([true, false]);
    expect(canSeeCluster(principals.school_staff, c1)).toBe(false);
    expect(canSeeCluster(principals.employer_contact, c1, 'c1')).toBe(false);
    expect(canSeeCluster(principals.hub_admin, { id: 'c1', tenantId: 'tenant-2' })).toBe(false);
  });
});

describe('invitationReachOf', () => {
  it('gives, per invited role, the list filter matching canInvite', () => {
    expect(invitationReachOf(principals.hub_admin)).toEqual({
      hub_admin: { kind: 'all' },
      coordinator: { kind: 'all' },
      school_staff: { kind: 'all' },
      employer_contact: { kind: 'all' },
    });
    expect(invitationReachOf(principals.coordinator)).toEqual({
      hub_admin: { kind: 'none' },
      coordinator: { kind: 'none' },
      school_staff: { kind: 'cluster', clusterId: 'c1' },
      employer_contact: { kind: 'all' },
    });
    expect(Object.values(invitationReachOf(principals.school_staff)).every((f) => f.kind === 'none')).toBe(true);
  });
});
