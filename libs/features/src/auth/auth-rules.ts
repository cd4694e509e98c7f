import { collect, DomainError, isBlank, parseEmail, type Role } from '@tandem/domain';

/**
 * Pure rules of logging in and of refresh sessions: reading the log-in input, which membership a
 * log-in lands in, when repeated failures block an email, and what state a refresh token is in.
 * No I/O.
 */

// ── input ───────────────────────────────────────────────────────────────────

/** Longer than any acceptable password (the policy stops at 256): refused before hashing anything. */
export const LOGIN_PASSWORD_MAX_LENGTH = 1024;

export interface LoginFields {
  email: string;
  password: string;
  /** Lower-cased; undefined when not given. */
  tenantSlug?: string;
}

export function parseLoginInput(input: { email?: unknown; password?: unknown; tenantSlug?: unknown }): LoginFields {
  const c = collect();
  const email = c.run(() => parseEmail(input.email, 'input.email'));
  const password = input.password;
  if (typeof password !== 'string' || password.length === 0) c.add('input.password', 'REQUIRED', 'input.password is required');
  else if (password.length > LOGIN_PASSWORD_MAX_LENGTH)
    c.add('input.password', 'VALIDATION_FAILED', `input.password must be at most ${LOGIN_PASSWORD_MAX_LENGTH} characters`);
  c.throwIfAny();
  const slug = isBlank(input.tenantSlug) ? undefined : String(input.tenantSlug).trim().toLowerCase();
  return { email: email as string, password: password as string, ...(slug ? { tenantSlug: slug } : {}) };
}

// ── which membership ────────────────────────────────────────────────────────

/** Widest role first: a log-in without a choice lands where the user can do the most. */
export const ROLE_PRECEDENCE: readonly Role[] = ['hub_admin', 'coordinator', 'school_staff', 'employer_contact'];

export interface MembershipLike {
  tenantId: string;
  tenantName: string;
  membershipId: string;
  role: Role;
}

const rank = (role: Role): number => {
  const i = ROLE_PRECEDENCE.indexOf(role);
  return i < 0 ? ROLE_PRECEDENCE.length : i;
};

/** Memberships in log-in order: role precedence, then hub name, then id (so the choice is stable). */
export function sortMemberships<M extends MembershipLike>(memberships: readonly M[]): M[] {
  return [...memberships].sort(
    (a, b) =>
      rank(a.role) - rank(b.role) ||
      a.tenantName.localeCompare(b.tenantName, 'en-GB') ||
      (a.membershipId < b.membershipId ? -1 : a.membershipId > b.membershipId ? 1 : 0),
  );
}

export type LoginTarget<M> =
  | { kind: 'membership'; membership: M }
  /** A platform admin, outside any hub (tenantId null) or acting in the hub named at log-in. */
  | { kind: 'platform'; tenantId: string | null }
  /** A hub was named and the user has no membership there. */
  | { kind: 'not-in-hub' }
  /** No active membership anywhere, and not a platform admin. */
  | { kind: 'no-membership' };

/**
 * Where a log-in lands. With a hub named (`tenantId`): the user's first membership there, else a
 * platform admin acts in it as platform admin. Without: a platform admin logs in as such (they
 * switch to a membership with switchMembership); anyone else gets their first membership.
 */
export function chooseLoginTarget<M extends MembershipLike>(
  user: { isPlatformAdmin: boolean },
  memberships: readonly M[],
  tenantId?: string | null,
): LoginTarget<M> {
  if (tenantId) {
    const here = sortMemberships(memberships.filter((m) => m.tenantId === tenantId))[0];
    if (here) return { kind: 'membership', membership: here };
    return user.isPlatformAdmin ? { kind: 'platform', tenantId } : { kind: 'not-in-hub' };
  }
  if (user.isPlatformAdmin) return { kind: 'platform', tenantId: null };
  const first = sortMemberships(memberships)[0];
  return first ? { kind: 'membership', membership: first } : { kind: 'no-membership' };
}

// ── throttling ──────────────────────────────────────────────────────────────

export interface ThrottlePolicy {
  /** This many attempts within the window are allowed… */
  maxAttempts: number;
  /** …per window, which starts at the first attempt. */
  windowMinutes: number;
}

/**
 * The counters (LoginThrottle): log-in per account and per source address; reset-link requests per
 * account and per address (each request sends an email).
 */
export const THROTTLES = {
  account: { maxAttempts: 10, windowMinutes: 15 },
  source: { maxAttempts: 50, windowMinutes: 15 },
  resetAccount: { maxAttempts: 3, windowMinutes: 60 },
  resetSource: { maxAttempts: 20, windowMinutes: 60 },
} as const satisfies Record<string, ThrottlePolicy>;

/** The refusal while blocked: when to try again, in whole minutes (at least 1). */
export function tooManyAttempts(blockedUntil: Date, now: Date, field = 'input.email'): DomainError {
  const minutes = Math.max(1, Math.ceil((blockedUntil.getTime() - now.getTime()) / 60_000));
  return new DomainError(
    'TOO_MANY_ATTEMPTS',
    `Too many attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}, or reset your password from the log-in page.`,
    field,
  );
}

// ── refresh tokens ──────────────────────────────────────────────────────────

export type RefreshTokenState = 'live' | 'rotated' | 'revoked' | 'expired';

/**
 * A stored refresh session as its token finds it. `rotated` (already exchanged for a newer token)
 * means the token is being reused: someone holds a copy, so the whole chain is ended.
 */
export function refreshTokenState(
  session: { revokedAt: Date | null; replacedById: string | null; expiresAt: Date },
  now: Date,
): RefreshTokenState {
  if (session.replacedById) return 'rotated';
  if (session.revokedAt) return 'revoked';
  if (session.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'live';
}

/** The same refusal for every bad credential, so a caller learns nothing about which part was wrong. */
export function invalidCredentials(field?: string): DomainError {
  return new DomainError('INVALID_CREDENTIALS', 'The email or password is not right', field);
}
