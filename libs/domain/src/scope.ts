import type { OfferStatus, Role } from './vocabulary';

/**
 * Who may do what, as data. Each action gives each role a *reach*: how far from the principal's own
 * cluster / school / employer the permission extends. Features ask `can…(principal, thing)` for one
 * record and `reachOf(principal, action)` to narrow a list query. Everything fails closed: a missing
 * scope id, another tenant, or an unknown role means no.
 */

export const PRINCIPAL_ROLES = ['platform_admin', 'hub_admin', 'coordinator', 'school_staff', 'employer_contact'] as const;
export type PrincipalRole = Role | 'platform_admin';

export interface Principal {
  readonly userId: string;
  /** The tenant acted in; null only for a platform admin outside any tenant. */
  readonly tenantId: string | null;
  /** memberships.id; null for a platform admin (who acts without a membership). */
  readonly membershipId: string | null;
  readonly role: PrincipalRole;
  readonly clusterId?: string | null;
  readonly schoolId?: string | null;
  readonly employerId?: string | null;
}

/**
 * - `tenant`: everything in the tenant (a platform admin: in any tenant);
 * - `cluster`: records of schools in the principal's cluster;
 * - `school`: records of the principal's school;
 * - `employer`: records of the principal's employer;
 * - `published`: published records anywhere in the tenant (offers, for schools);
 * - `none`.
 */
export type Reach = 'tenant' | 'cluster' | 'school' | 'employer' | 'published' | 'none';

export const ACTIONS = [
  'createTenant',
  'manageTenant', // settings, clusters, memberships and invitations
  'createSchool',
  'viewSchool',
  'editSchool',
  'viewPupils',
  'managePupils', // add, edit, import, archive
  'createEmployer',
  'viewEmployer',
  'editEmployer', // details, contacts, vetting
  'viewVetting',
  'recordVettingOutcome', // passed / failed: what unlocks in-person matching
  'declareVetting', // an employer's own declaration or evidence, for hub staff to review
  'viewOffer',
  'createOffer',
  'editOffer',
  'viewRequest',
  'editRequest', // create, change, cancel a school's request
  'recordEncounter', // attendance and the meaningful checklist
  'viewCoverage', // benchmark coverage and gap lists
  'runMatching',
  'viewEmployerImpact', // an employer's aggregate impact (encounters, pupils reached, hours): no pupil identities
  'manageBenchmarkPolicies', // add a benchmark policy (global data every hub may choose)
  'viewCluster', // a cluster record (its name); managing clusters is manageTenant
  'viewMemberships', // who has which role (and the invitations that would create them)
  'inviteSchoolStaff', // invite (and revoke, resend) school staff for a school
  'inviteEmployerContact', // invite (and revoke, resend) an employer's contacts
] as const;
export type Action = (typeof ACTIONS)[number];

type Row = Readonly<Record<PrincipalRole, Reach>>;
const row = (platform_admin: Reach, hub_admin: Reach, coordinator: Reach, school_staff: Reach, employer_contact: Reach): Row => ({
  platform_admin,
  hub_admin,
  coordinator,
  school_staff,
  employer_contact,
});

/**
 * The permission table. Columns: platform admin, hub admin, coordinator, school staff, employer
 * contact. Platform admins run the platform, not the hubs: they see no pupil data.
 */
export const PERMISSIONS: Readonly<Record<Action, Row>> = {
  //                      platform   hub        coordinator school     employer
  createTenant: row('tenant', 'none', 'none', 'none', 'none'),
  manageTenant: row('tenant', 'tenant', 'none', 'none', 'none'),
  createSchool: row('tenant', 'tenant', 'none', 'none', 'none'),
  viewSchool: row('tenant', 'tenant', 'cluster', 'school', 'none'),
  editSchool: row('tenant', 'tenant', 'cluster', 'school', 'none'),
  viewPupils: row('none', 'tenant', 'cluster', 'school', 'none'),
  managePupils: row('none', 'tenant', 'none', 'school', 'none'),
  createEmployer: row('tenant', 'tenant', 'tenant', 'none', 'none'),
  viewEmployer: row('tenant', 'tenant', 'tenant', 'tenant', 'employer'),
  editEmployer: row('tenant', 'tenant', 'tenant', 'none', 'employer'),
  viewVetting: row('tenant', 'tenant', 'tenant', 'none', 'employer'),
  recordVettingOutcome: row('none', 'tenant', 'tenant', 'none', 'none'),
  declareVetting: row('none', 'tenant', 'tenant', 'none', 'employer'),
  viewOffer: row('tenant', 'tenant', 'tenant', 'published', 'employer'),
  createOffer: row('none', 'tenant', 'tenant', 'none', 'employer'),
  editOffer: row('none', 'tenant', 'tenant', 'none', 'employer'),
  viewRequest: row('tenant', 'tenant', 'cluster', 'school', 'none'),
  editRequest: row('none', 'tenant', 'cluster', 'school', 'none'),
  recordEncounter: row('none', 'tenant', 'cluster', 'school', 'none'),
  viewCoverage: row('none', 'tenant', 'cluster', 'school', 'none'),
  runMatching: row('none', 'tenant', 'cluster', 'none', 'none'),
  viewEmployerImpact: row('none', 'tenant', 'tenant', 'none', 'employer'),
  manageBenchmarkPolicies: row('tenant', 'none', 'none', 'none', 'none'),
  // A school's staff see the cluster their school is in (see canSeeCluster).
  viewCluster: row('tenant', 'tenant', 'cluster', 'school', 'none'),
  viewMemberships: row('tenant', 'tenant', 'cluster', 'none', 'none'),
  // Coordinators bring in the people they broker with: staff of their cluster's schools, and
  // employer contacts (employers are hub-wide). Hub admins and coordinators are invited by hub admins.
  inviteSchoolStaff: row('tenant', 'tenant', 'cluster', 'none', 'none'),
  inviteEmployerContact: row('tenant', 'tenant', 'tenant', 'none', 'none'),
};

/** What a record is, as far as permissions care. Leave out what does not apply. */
export interface ScopedResource {
  readonly tenantId?: string | null;
  readonly clusterId?: string | null;
  readonly schoolId?: string | null;
  readonly employerId?: string | null;
  readonly status?: OfferStatus | string | null;
}

function isKnownRole(role: unknown): role is PrincipalRole {
  return typeof role === 'string' && (PRINCIPAL_ROLES as readonly string[]).includes(role);
}

const same = (a: string | null | undefined, b: string | null | undefined): boolean => typeof a === 'string' && a !== '' && a === b;

/** The reach of a principal for an action (fails closed on an unknown role or action). */
export function reachFor(principal: Principal, action: Action): Reach {
  if (!isKnownRole(principal.role)) return 'none';
  return PERMISSIONS[action]?.[principal.role] ?? 'none';
}

/** May the principal do `action` to this record? */
export function can(principal: Principal, action: Action, resource: ScopedResource = {}): boolean {
  // Inside a tenant only, unless a platform admin.
  if (principal.role !== 'platform_admin') {
    if (!principal.tenantId) return false;
    if (resource.tenantId != null && resource.tenantId !== principal.tenantId) return false;
  }
  switch (reachFor(principal, action)) {
    case 'tenant':
      return true;
    case 'cluster':
      return same(principal.clusterId, resource.clusterId);
    case 'school':
      return same(principal.schoolId, resource.schoolId);
    case 'employer':
      return same(principal.employerId, resource.employerId);
    case 'published':
      return resource.status === 'published';
    case 'none':
      return false;
  }
}

/** How to narrow a list query for an action: features translate this into a WHERE clause. */
export type ScopeFilter =
  | { readonly kind: 'all' }
  | { readonly kind: 'cluster'; readonly clusterId: string }
  | { readonly kind: 'school'; readonly schoolId: string }
  | { readonly kind: 'employer'; readonly employerId: string }
  | { readonly kind: 'published' }
  | { readonly kind: 'none' };

export function reachOf(principal: Principal, action: Action): ScopeFilter {
  if (principal.role !== 'platform_admin' && !principal.tenantId) return { kind: 'none' };
  switch (reachFor(principal, action)) {
    case 'tenant':
      return { kind: 'all' };
    case 'cluster':
      return principal.clusterId ? { kind: 'cluster', clusterId: principal.clusterId } : { kind: 'none' };
    case 'school':
      return principal.schoolId ? { kind: 'school', schoolId: principal.schoolId } : { kind: 'none' };
    case 'employer':
      return principal.employerId ? { kind: 'employer', employerId: principal.employerId } : { kind: 'none' };
    case 'published':
      return { kind: 'published' };
    case 'none':
      return { kind: 'none' };
  }
}

// ── named questions, for readable call sites ────────────────────────────────

export interface SchoolRef {
  readonly id: string;
  readonly clusterId: string | null;
  readonly tenantId?: string;
}
export interface EmployerRef {
  readonly id: string;
  readonly tenantId?: string;
}
export interface OfferRef {
  readonly employerId: string;
  readonly status?: OfferStatus;
  readonly tenantId?: string;
}
/** A request (or encounter) belongs to a school; pass that school's cluster too. */
export interface SchoolOwnedRef {
  readonly schoolId: string;
  readonly clusterId: string | null;
  readonly tenantId?: string;
}

const schoolResource = (s: SchoolRef): ScopedResource => ({ tenantId: s.tenantId, schoolId: s.id, clusterId: s.clusterId });

export const canCreateTenant = (p: Principal): boolean => reachFor(p, 'createTenant') === 'tenant';
export const canManageTenant = (p: Principal, tenantId?: string): boolean => can(p, 'manageTenant', { tenantId });
export const canCreateSchool = (p: Principal): boolean => can(p, 'createSchool');
export const canSeeSchool = (p: Principal, school: SchoolRef): boolean => can(p, 'viewSchool', schoolResource(school));
export const canEditSchool = (p: Principal, school: SchoolRef): boolean => can(p, 'editSchool', schoolResource(school));
/** Employer contacts never see pupils; platform admins neither. */
export const canSeePupils = (p: Principal, school: SchoolRef): boolean => can(p, 'viewPupils', schoolResource(school));
export const canManagePupils = (p: Principal, school: SchoolRef): boolean => can(p, 'managePupils', schoolResource(school));
export const canCreateEmployer = (p: Principal): boolean => can(p, 'createEmployer');
export const canSeeEmployer = (p: Principal, employer: EmployerRef): boolean =>
  can(p, 'viewEmployer', { tenantId: employer.tenantId, employerId: employer.id });
export const canEditEmployer = (p: Principal, employer: EmployerRef): boolean =>
  can(p, 'editEmployer', { tenantId: employer.tenantId, employerId: employer.id });
export const canSeeVetting = (p: Principal, employer: EmployerRef): boolean =>
  can(p, 'viewVetting', { tenantId: employer.tenantId, employerId: employer.id });
/** Only hub admins and coordinators say whether an employer passed a check; an employer may only declare. */
export const canRecordVettingOutcome = (p: Principal, employer: EmployerRef): boolean =>
  can(p, 'recordVettingOutcome', { tenantId: employer.tenantId, employerId: employer.id });
export const canDeclareVetting = (p: Principal, employer: EmployerRef): boolean =>
  can(p, 'declareVetting', { tenantId: employer.tenantId, employerId: employer.id });
/** School staff see published offers only; an employer sees its own in any status. */
export const canSeeOffer = (p: Principal, offer: OfferRef): boolean => can(p, 'viewOffer', offer);
export const canCreateOffer = (p: Principal, employer: EmployerRef): boolean =>
  can(p, 'createOffer', { tenantId: employer.tenantId, employerId: employer.id });
export const canEditOffer = (p: Principal, offer: OfferRef): boolean => can(p, 'editOffer', offer);
export const canSeeRequest = (p: Principal, request: SchoolOwnedRef): boolean => can(p, 'viewRequest', request);
export const canEditRequest = (p: Principal, request: SchoolOwnedRef): boolean => can(p, 'editRequest', request);
export const canRecordEncounter = (p: Principal, encounter: SchoolOwnedRef): boolean => can(p, 'recordEncounter', encounter);
export const canSeeCoverage = (p: Principal, school: SchoolRef): boolean => can(p, 'viewCoverage', schoolResource(school));
export const canRunMatching = (p: Principal): boolean => reachOf(p, 'runMatching').kind !== 'none';
/** Aggregate impact only; an employer contact sees its own employer's. */
export const canSeeEmployerImpact = (p: Principal, employer: EmployerRef): boolean =>
  can(p, 'viewEmployerImpact', { tenantId: employer.tenantId, employerId: employer.id });
export const canManageBenchmarkPolicies = (p: Principal): boolean => reachFor(p, 'manageBenchmarkPolicies') === 'tenant';

// ── people: clusters, memberships, invitations ───────────────────────────────

export interface ClusterRef {
  readonly id: string;
  readonly tenantId?: string;
}

/**
 * A cluster: hub admins see all, a coordinator their own, school staff the cluster their school is
 * in (pass `principalSchoolClusterId`, the cluster of the principal's school, when the caller is
 * school staff).
 */
export const canSeeCluster = (p: Principal, cluster: ClusterRef, principalSchoolClusterId?: string | null): boolean =>
  can(p, 'viewCluster', {
    tenantId: cluster.tenantId,
    clusterId: cluster.id,
    schoolId: principalSchoolClusterId != null && principalSchoolClusterId === cluster.id ? p.schoolId : null,
  });

/**
 * A role in a tenant and its scope, as a membership or an invitation has it. `schoolClusterId` is the
 * cluster of `schoolId` (school staff belong to their school's cluster).
 */
export interface RoleGrant {
  readonly tenantId?: string;
  readonly role: Role;
  readonly clusterId?: string | null;
  readonly schoolId?: string | null;
  readonly schoolClusterId?: string | null;
  readonly employerId?: string | null;
}

/** The cluster a grant sits in, if any: a coordinator's cluster, or the cluster of a school's staff. */
function clusterOfGrant(g: RoleGrant): string | null {
  if (g.role === 'coordinator') return g.clusterId ?? null;
  if (g.role === 'school_staff') return g.schoolClusterId ?? null;
  return null;
}

/** The action that governs inviting someone with `role`. */
const INVITE_ACTION: Readonly<Record<Role, Action>> = {
  hub_admin: 'manageTenant',
  coordinator: 'manageTenant',
  school_staff: 'inviteSchoolStaff',
  employer_contact: 'inviteEmployerContact',
};

/**
 * May the principal invite someone with this role and scope? Hub admins: anyone. Coordinators:
 * staff of schools in their cluster, and employer contacts. Nobody else. The same answer governs
 * seeing, revoking and resending that invitation.
 */
export function canInvite(p: Principal, g: RoleGrant): boolean {
  const action = Object.prototype.hasOwnProperty.call(INVITE_ACTION, g.role) ? INVITE_ACTION[g.role] : undefined;
  if (!action) return false;
  return can(p, action, { tenantId: g.tenantId, clusterId: clusterOfGrant(g), schoolId: g.schoolId, employerId: g.employerId });
}

/** For lists of invitations: per role invited, how far the principal's right to invite it reaches. */
export function invitationReachOf(p: Principal): Readonly<Record<Role, ScopeFilter>> {
  return {
    hub_admin: reachOf(p, INVITE_ACTION.hub_admin),
    coordinator: reachOf(p, INVITE_ACTION.coordinator),
    school_staff: reachOf(p, INVITE_ACTION.school_staff),
    employer_contact: reachOf(p, INVITE_ACTION.employer_contact),
  };
}

/** Hub admins see every membership; a coordinator those in their cluster (its coordinators and its schools' staff). */
export const canSeeMembership = (p: Principal, g: RoleGrant): boolean =>
  can(p, 'viewMemberships', { tenantId: g.tenantId, clusterId: clusterOfGrant(g) });
