import type { Role } from '@tandem/domain';
import type { Principal } from '@tandem/platform';

/** The hub a principal acts in, as `Me` shows it. */
export interface TenantInfo {
  id: string;
  name: string;
  slug: string;
}

export interface Me {
  userId: string;
  email: string;
  displayName: string | null;
  tenantId: string | null;
  tenantName: string | null;
  tenantSlug: string | null;
  role: Principal['role'];
  membershipId: string | null;
  clusterId: string | null;
  schoolId: string | null;
  employerId: string | null;
}

export interface AuthPayload {
  accessToken: string;
  refreshToken: string;
  accessTokenExpiresAt: Date;
  me: Me;
}

/** A membership as rows carry it (an entity, or a SystemDb summary with `membershipId`). */
export interface MembershipScope {
  tenantId: string;
  role: Role;
  clusterId: string | null;
  schoolId: string | null;
  employerId: string | null;
}

/** The principal of a user acting in one of their memberships (scope ids only where the role has one). */
export function principalOfMembership(userId: string, membershipId: string, m: MembershipScope): Principal {
  const principal: { -readonly [K in keyof Principal]: Principal[K] } = { userId, tenantId: m.tenantId, membershipId, role: m.role };
  if (m.clusterId) principal.clusterId = m.clusterId;
  if (m.schoolId) principal.schoolId = m.schoolId;
  if (m.employerId) principal.employerId = m.employerId;
  return principal;
}

export function meOf(principal: Principal, user: { id: string; email: string; displayName: string | null }, tenant: TenantInfo | null): Me {
  return {
    userId: user.id,
    email: user.email,
    displayName: user.displayName,
    tenantId: principal.tenantId,
    tenantName: tenant?.name ?? null,
    tenantSlug: tenant?.slug ?? null,
    role: principal.role,
    membershipId: principal.membershipId,
    clusterId: principal.clusterId ?? null,
    schoolId: principal.schoolId ?? null,
    employerId: principal.employerId ?? null,
  };
}
