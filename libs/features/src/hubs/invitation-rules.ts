import { collect, DomainError, formatLondonDateTime, isBlank, parseEmail, ROLES, type Role } from '@tandem/domain';
import { isUuid } from '@tandem/persistence';

/**
 * Pure rules of invitations: reading an invitation input (the role decides which one scope id it
 * needs), an invitation's state, and the refusal for a link that can no longer be used. No I/O.
 */

export type ScopeField = 'clusterId' | 'schoolId' | 'employerId';

/** The one scope id each role carries (hub admins: none), as the memberships CHECK constraint has it. */
export const SCOPE_FIELD_OF_ROLE: Readonly<Record<Role, ScopeField | null>> = {
  hub_admin: null,
  coordinator: 'clusterId',
  school_staff: 'schoolId',
  employer_contact: 'employerId',
};

const SCOPE_FIELDS: readonly ScopeField[] = ['clusterId', 'schoolId', 'employerId'];
const SCOPE_NOUN: Readonly<Record<ScopeField, string>> = { clusterId: 'Cluster', schoolId: 'School', employerId: 'Employer' };
/** How the GraphQL enum spells the roles that can be invited. */
const ROLE_NAMES = ROLES.map((r) => r.toUpperCase());

export interface InvitationFields {
  email: string;
  role: Role;
  clusterId: string | null;
  schoolId: string | null;
  employerId: string | null;
}

/** The scope id of an invitation input that names a record, for the NOT_FOUND check. */
export function scopeNotFound(field: ScopeField, prefix = 'input'): DomainError {
  return DomainError.notFound(SCOPE_NOUN[field], `${prefix}.${field}`);
}

/**
 * `{email, role, clusterId?, schoolId?, employerId?}` → the invitation's fields. The role's own
 * scope id is required, the others must be left out; a scope id that is not an id at all answers
 * NOT_FOUND like an unknown one. Every problem is reported at once.
 */
export function parseInvitationInput(input: Record<string, unknown>): InvitationFields {
  const c = collect();
  const email = c.run(() => parseEmail(input['email'], 'input.email'));
  const role = input['role'];
  const knownRole = typeof role === 'string' && (ROLES as readonly string[]).includes(role) ? (role as Role) : undefined;
  if (!knownRole) {
    const got = typeof role === 'string' ? role.toUpperCase() : String(role);
    c.add(
      'input.role',
      'INVALID_ENUM_VALUE',
      `input.role must be one of ${ROLE_NAMES.join(', ')} (got ${got}): platform admins are not invited into a hub`,
    );
  }
  const out: InvitationFields = { email: email ?? '', role: knownRole ?? 'hub_admin', clusterId: null, schoolId: null, employerId: null };
  for (const field of SCOPE_FIELDS) {
    const value = input[field];
    const wanted = knownRole ? SCOPE_FIELD_OF_ROLE[knownRole] === field : false;
    if (wanted) {
      if (isBlank(value)) c.add(`input.${field}`, 'REQUIRED', `input.${field} is required to invite ${article(knownRole as Role)}`);
      else if (!isUuid(value))
        c.run(() => {
          throw scopeNotFound(field);
        });
      else out[field] = String(value).toLowerCase();
    } else if (knownRole && !isBlank(value)) {
      const own = SCOPE_FIELD_OF_ROLE[knownRole];
      c.add(
        `input.${field}`,
        'VALIDATION_FAILED',
        `input.${field} must be left out when inviting ${article(knownRole)} (${own ? `give input.${own} only` : 'a hub admin covers the whole hub'})`,
      );
    }
  }
  c.throwIfAny();
  return out;
}

/** Who is being invited, as a sentence says it. */
const ROLE_PHRASE: Readonly<Record<Role, string>> = {
  hub_admin: 'a hub admin',
  coordinator: 'an Enterprise Coordinator',
  school_staff: 'school staff',
  employer_contact: 'an employer contact',
};
const article = (role: Role): string => ROLE_PHRASE[role];

// ── state ───────────────────────────────────────────────────────────────────

export const INVITATION_STATES = ['pending', 'accepted', 'expired', 'revoked'] as const;
export type InvitationState = (typeof INVITATION_STATES)[number];

export interface InvitationLike {
  expiresAt: Date;
  acceptedAt: Date | null;
  revokedAt: Date | null;
}

/** Accepted and revoked are final; an open invitation is pending until it expires. */
export function invitationState(inv: InvitationLike, now: Date): InvitationState {
  if (inv.acceptedAt) return 'accepted';
  if (inv.revokedAt) return 'revoked';
  if (inv.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'pending';
}

/** Throws the specific refusal unless the invitation can still be accepted. */
export function assertInvitationOpen(inv: InvitationLike, now: Date, field = 'input.token'): void {
  switch (invitationState(inv, now)) {
    case 'accepted':
      throw new DomainError('INVITATION_ALREADY_USED', 'This invitation has already been accepted. Log in instead.', field);
    case 'revoked':
      throw new DomainError(
        'INVITATION_REVOKED',
        'This invitation has been withdrawn. Ask the person who invited you for a new one.',
        field,
      );
    case 'expired':
      throw new DomainError(
        'INVITATION_EXPIRED',
        `This invitation expired on ${formatLondonDateTime(inv.expiresAt)}. Ask the person who invited you for a new one.`,
        field,
      );
    case 'pending':
      return;
  }
}
