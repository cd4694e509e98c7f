import { DomainError } from '@tandem/domain';
import { chooseLoginTarget, loginBlockedUntil, parseLoginInput, refreshTokenState, sortMemberships, tooManyAttempts, type MembershipLike } from './auth-rules';

const problem = (fn: () => unknown): { code: string; field?: string; fields?: string[] } | undefined => {
  try {
    fn();
  } catch (e) {
    const d = e as DomainError;
    return { code: d.code, field: d.field, fields: d.details?.map((x) => x.field) };
  }
  return undefined;
};

describe('parseLoginInput', () => {
  it('normalises email and slug, keeps the password as typed', () => {
    expect(parseLoginInput({ email: ' Ada@Example.ORG ', password: ' secret ', tenantSlug: ' Leeds-Hub ' })).toEqual({ email: 'ada@example.org', password: ' secret ', tenantSlug: 'leeds-hub' });
    expect(parseLoginInput({ email: 'ada@example.org', password: 'x', tenantSlug: '  ' })).toEqual({ email: 'ada@example.org', password: 'x' });
  });

  it('names the field of a malformed email, a missing or an absurdly long password', () => {
    expect(problem(() => parseLoginInput({ email: 'not-an-email', password: 'x' }))).toMatchObject({ code: 'INVALID_EMAIL', field: 'input.email' });
    expect(problem(() => parseLoginInput({ email: 'ada@example.org', password: '' }))).toMatchObject({ code: 'REQUIRED', field: 'input.password' });
    expect(problem(() => parseLoginInput({ email: 'ada@example.org', password: 'x'.repeat(1025) }))).toMatchObject({ code: 'VALIDATION_FAILED', field: 'input.password' });
    expect(problem(() => parseLoginInput({ email: 'x', password: null }))?.fields).toEqual(['input.email', 'input.password']);
  });
});

describe('chooseLoginTarget', () => {
  const m = (tenantId: string, tenantName: string, role: MembershipLike['role'], membershipId: string): MembershipLike => ({ tenantId, tenantName, role, membershipId });
  const leedsStaff = m('t-leeds', 'Leeds', 'school_staff', 'm-3');
  const leedsCoord = m('t-leeds', 'Leeds', 'coordinator', 'm-2');
  const yorkAdmin = m('t-york', 'York', 'hub_admin', 'm-9');
  const bradfordCoord = m('t-bradford', 'Bradford', 'coordinator', 'm-7');

  it('sorts by role precedence, then hub name, then id, whatever the input order', () => {
    const sorted = sortMemberships([leedsStaff, yorkAdmin, leedsCoord, bradfordCoord]).map((x) => x.membershipId);
    expect(sorted).toEqual(['m-9', 'm-7', 'm-2', 'm-3']);
    expect(sortMemberships([bradfordCoord, leedsCoord, yorkAdmin, leedsStaff]).map((x) => x.membershipId)).toEqual(sorted);
    const twins = [m('t', 'Hub', 'coordinator', 'b'), m('t', 'Hub', 'coordinator', 'a')];
    expect(sortMemberships(twins).map((x) => x.membershipId)).toEqual(['a', 'b']);
  });

  it('with a hub named: the best membership there; else a platform admin acts in it; else not-in-hub', () => {
    const all = [leedsStaff, leedsCoord, yorkAdmin];
    expect(chooseLoginTarget({ isPlatformAdmin: false }, all, 't-leeds')).toEqual({ kind: 'membership', membership: leedsCoord });
    expect(chooseLoginTarget({ isPlatformAdmin: false }, all, 't-other')).toEqual({ kind: 'not-in-hub' });
    expect(chooseLoginTarget({ isPlatformAdmin: true }, all, 't-other')).toEqual({ kind: 'platform', tenantId: 't-other' });
    expect(chooseLoginTarget({ isPlatformAdmin: true }, all, 't-york')).toEqual({ kind: 'membership', membership: yorkAdmin });
  });

  it('without a hub: platform admins as such, others their first membership, or none', () => {
    expect(chooseLoginTarget({ isPlatformAdmin: true }, [yorkAdmin])).toEqual({ kind: 'platform', tenantId: null });
    expect(chooseLoginTarget({ isPlatformAdmin: false }, [leedsStaff, bradfordCoord])).toEqual({ kind: 'membership', membership: bradfordCoord });
    expect(chooseLoginTarget({ isPlatformAdmin: false }, [])).toEqual({ kind: 'no-membership' });
  });
});

describe('loginBlockedUntil', () => {
  const now = new Date('2026-02-03T12:00:00Z');
  const minutesAgo = (n: number): Date => new Date(now.getTime() - n * 60_000);

  it('allows up to 9 failures in the window', () => {
    expect(loginBlockedUntil([], now)).toBeNull();
    expect(loginBlockedUntil(Array.from({ length: 9 }, (_, i) => minutesAgo(i)), now)).toBeNull();
  });

  it('blocks at 10 failures until the oldest of them leaves the 15-minute window', () => {
    const failures = Array.from({ length: 10 }, (_, i) => minutesAgo(i)); // 0..9 minutes ago
    expect(loginBlockedUntil(failures, now)?.toISOString()).toBe(new Date(minutesAgo(9).getTime() + 15 * 60_000).toISOString());
    // Six minutes later the oldest has left: allowed again.
    expect(loginBlockedUntil(failures, new Date(now.getTime() + 6 * 60_000 + 1))).toBeNull();
  });

  it('ignores failures older than the window, and with more than 10 uses the 10th newest', () => {
    expect(loginBlockedUntil([...Array.from({ length: 9 }, (_, i) => minutesAgo(i)), minutesAgo(16), minutesAgo(30)], now)).toBeNull();
    const twelve = Array.from({ length: 12 }, (_, i) => minutesAgo(i));
    expect(loginBlockedUntil(twelve, now)?.getTime()).toBe(minutesAgo(9).getTime() + 15 * 60_000);
  });

  it('says how long to wait, in minutes, naming the email field', () => {
    const e = tooManyAttempts(new Date(now.getTime() + 4.2 * 60_000), now);
    expect(e).toMatchObject({ code: 'TOO_MANY_ATTEMPTS', field: 'input.email' });
    expect(e.message).toBe('Too many failed log-in attempts for this email. Try again in 5 minutes.');
    expect(tooManyAttempts(new Date(now.getTime() + 1000), now).message).toMatch(/in 1 minute\.$/);
  });
});

describe('refreshTokenState', () => {
  const now = new Date('2026-02-03T12:00:00Z');
  const later = new Date('2026-03-01T00:00:00Z');
  it('tells a live, rotated (reused), revoked and expired token apart', () => {
    expect(refreshTokenState({ revokedAt: null, replacedById: null, expiresAt: later }, now)).toBe('live');
    expect(refreshTokenState({ revokedAt: now, replacedById: 'next', expiresAt: later }, now)).toBe('rotated');
    expect(refreshTokenState({ revokedAt: now, replacedById: 'next', expiresAt: now }, later)).toBe('rotated');
    expect(refreshTokenState({ revokedAt: now, replacedById: null, expiresAt: later }, now)).toBe('revoked');
    expect(refreshTokenState({ revokedAt: null, replacedById: null, expiresAt: now }, now)).toBe('expired');
  });
});
