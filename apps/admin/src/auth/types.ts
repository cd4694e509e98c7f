export const ROLES = ['PLATFORM_ADMIN', 'HUB_ADMIN', 'COORDINATOR', 'SCHOOL_STAFF', 'EMPLOYER_CONTACT'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  PLATFORM_ADMIN: 'Platform admin',
  HUB_ADMIN: 'Hub admin',
  COORDINATOR: 'Enterprise Coordinator',
  SCHOOL_STAFF: 'School staff',
  EMPLOYER_CONTACT: 'Employer contact',
};

export interface Me {
  userId: string;
  email: string;
  displayName: string | null;
  tenantId: string | null;
  tenantName: string | null;
  tenantSlug?: string | null;
  membershipId?: string | null;
  role: Role;
  clusterId: string | null;
  schoolId: string | null;
  employerId: string | null;
}

export interface AuthPayload {
  accessToken: string;
  refreshToken: string;
  accessTokenExpiresAt: string;
  me: Me;
}

export interface LoginInput {
  email: string;
  password: string;
  tenantSlug?: string;
}
