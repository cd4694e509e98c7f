import { DomainError } from '@tandem/domain';
import { chooseLoginTarget, parseLoginInput, refreshTokenState, sortMemberships, tooManyAttempts, type MembershipLike } from './auth-rules';

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
    expect(parseLoginInput({ email: ' Ada@Example.ORG ', password: ' secret ', tenantSlug: ' Leeds-Hub ' })).toEqual({
      email: 'ada@example.org',
      password: ' secret ',
      tenantSlug: 'leeds-hub',
    });
    expect(parseLoginInput({ email: 'ada@example.org', password: 'x', tenantSlug: '  ' })).toEqual({
      email: 'ada@example.org',
      password: 'x',
    });
  });

  it('names the field of a malformed email, a missing or an absurdly long password', () => {
    expect(problem(() => parseLoginInput({ email: 'not-an-email', password: 'x' }))).toMatchObject({
      code: 'INVALID_EMAIL',
      field: 'input.email',
    });
    expect(problem(() => parseLoginInput({ email: 'ada@example.org', password: '' }))).toMatchObject({
      code: 'REQUIRED',
      field: 'input.password',
    });
    expect(problem(() => parseLoginInput({ email: 'ada@example.org', password: 'x'.repeat(1025) }))).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'input.password',
    });
    expect(problem(() => parseLoginInput({ email: 'x', password: null }))?.fields).toEqual(['input.email', 'input.password']);
  });
});

describe('chooseLoginTarget', () => {
  const m = (tenantId: string, tenantName: string, role: MembershipLike['role'], membershipId: string): MembershipLike => ({
    tenantId,
    tenantName,
    role,
    membershipId,
  });
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
    expect(chooseLoginTarget({ isPlatformAdmin: false }, [leedsStaff, bradfordCoord])).toEqual({
      kind: 'membership',
      membership: bradfordCoord,
    });
    expect(chooseLoginTarget({ isPlatformAdmin: false }, [])).toEqual({ kind: 'no-membership' });
  });
});

describe('tooManyAttempts', () => {
  const now = new Date('2026-02-03T12:00:00Z');
  it('says how long to wait, in minutes, naming the field, and where to go instead', () => {
    const e = tooManyAttempts(new Date(now.getTime() + 4.2 * 60_000), now);
    expect(e).toMatchObject({ code: 'TOO_MANY_ATTEMPTS', field: 'input.email' });
    expect(e.message).toBe('Too many attempts. Try again in 5 minutes, or reset your password from the log-in page.');
    expect(tooManyAttempts(new Date(now.getTime() + 1000), now, 'email').message).toMatch(/in 1 minute,/);
    expect(tooManyAttempts(new Date(now.getTime() + 1000), now, 'email').field).toBe('email');
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
