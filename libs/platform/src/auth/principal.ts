/**
 * Who is calling. NOTE: mirrors the `Principal` planned for `@tandem/domain` (scope.ts); when that
 * lands, this file should re-export it instead of defining its own.
 */
export const ROLES = ['platform_admin', 'hub_admin', 'coordinator', 'school_staff', 'employer_contact'] as const;
export type Role = (typeof ROLES)[number];

export interface Principal {
  readonly userId: string;
  /** The tenant acted in; null for a platform admin outside any tenant. */
  readonly tenantId: string | null;
  /** memberships.id; null for a platform admin (who acts without a membership). */
  readonly membershipId: string | null;
  readonly role: Role;
  readonly clusterId?: string;
  readonly schoolId?: string;
  readonly employerId?: string;
  /** auth_sessions.id: the log-in this access comes from (checked on every request). */
  readonly sessionId?: string;
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** 'school_staff' → 'school staff', for messages. */
export function roleLabel(role: Role): string {
  return role.replace(/_/g, ' ');
}
