import { DomainError } from '@tandem/domain';
import { assertInvitationOpen, invitationState, parseInvitationInput } from './invitation-rules';

const ID = '3f2b8c1e-5d4a-4b6c-9e8f-0a1b2c3d4e5f';

function problems(fn: () => unknown): Array<{ field: string; code: string; message: string }> {
  try {
    fn();
  } catch (e) {
    const d = e as DomainError;
    return d.details ? [...d.details] : [{ field: d.field ?? '', code: d.code, message: d.message }];
  }
  return [];
}

describe('parseInvitationInput', () => {
  it('reads each role with its one scope id, lower-casing email and id', () => {
    expect(parseInvitationInput({ email: 'Ada@Example.org', role: 'hub_admin' })).toEqual({
      email: 'ada@example.org',
      role: 'hub_admin',
      clusterId: null,
      schoolId: null,
      employerId: null,
    });
    expect(parseInvitationInput({ email: 'a@b.org', role: 'coordinator', clusterId: ID.toUpperCase() })).toMatchObject({
      role: 'coordinator',
      clusterId: ID,
    });
    expect(parseInvitationInput({ email: 'a@b.org', role: 'school_staff', schoolId: ID, clusterId: null, employerId: '' })).toMatchObject({
      schoolId: ID,
      clusterId: null,
    });
    expect(parseInvitationInput({ email: 'a@b.org', role: 'employer_contact', employerId: ID })).toMatchObject({ employerId: ID });
  });

  it('requires the role’s scope id and refuses the others, naming each field', () => {
    expect(problems(() => parseInvitationInput({ email: 'a@b.org', role: 'coordinator' }))).toEqual([
      { field: 'input.clusterId', code: 'REQUIRED', message: 'input.clusterId is required to invite an Enterprise Coordinator' },
    ]);
    expect(problems(() => parseInvitationInput({ email: 'a@b.org', role: 'hub_admin', schoolId: ID }))).toEqual([
      {
        field: 'input.schoolId',
        code: 'VALIDATION_FAILED',
        message: 'input.schoolId must be left out when inviting a hub admin (a hub admin covers the whole hub)',
      },
    ]);
    expect(
      problems(() => parseInvitationInput({ email: 'a@b.org', role: 'school_staff', schoolId: ID, employerId: ID })).map((p) => p.field),
    ).toEqual(['input.employerId']);
  });

  it('answers NOT_FOUND for a scope id that is not an id, like an unknown one', () => {
    expect(problems(() => parseInvitationInput({ email: 'a@b.org', role: 'school_staff', schoolId: 'school-1' }))).toEqual([
      { field: 'input.schoolId', code: 'NOT_FOUND', message: 'School not found' },
    ]);
  });

  it('refuses a malformed email and a role that cannot be invited, all at once', () => {
    const found = problems(() => parseInvitationInput({ email: 'nobody', role: 'platform_admin' }));
    expect(found.map((p) => [p.field, p.code])).toEqual([
      ['input.email', 'INVALID_EMAIL'],
      ['input.role', 'INVALID_ENUM_VALUE'],
    ]);
    expect(found[1].message).toBe(
      'input.role must be one of HUB_ADMIN, COORDINATOR, SCHOOL_STAFF, EMPLOYER_CONTACT (got PLATFORM_ADMIN): platform admins are not invited into a hub',
    );
  });
});

describe('invitation state', () => {
  const now = new Date('2026-02-03T12:00:00Z');
  const future = new Date('2026-02-05T12:00:00Z');
  const past = new Date('2026-02-01T12:00:00Z');
  const open = { expiresAt: future, acceptedAt: null, revokedAt: null };

  it('is pending, accepted, revoked or expired (accepted and revoked are final)', () => {
    expect(invitationState(open, now)).toBe('pending');
    expect(invitationState({ ...open, expiresAt: now }, now)).toBe('expired');
    expect(invitationState({ ...open, acceptedAt: past, expiresAt: past }, now)).toBe('accepted');
    expect(invitationState({ ...open, revokedAt: past, expiresAt: past }, now)).toBe('revoked');
  });

  it('refuses a link that cannot be used with a specific code on the token field', () => {
    expect(() => assertInvitationOpen(open, now)).not.toThrow();
    expect(problems(() => assertInvitationOpen({ ...open, acceptedAt: past }, now))[0]).toMatchObject({
      code: 'INVITATION_ALREADY_USED',
      field: 'input.token',
    });
    expect(problems(() => assertInvitationOpen({ ...open, revokedAt: past }, now))[0]).toMatchObject({
      code: 'INVITATION_REVOKED',
      field: 'input.token',
    });
    const expired = problems(() => assertInvitationOpen({ ...open, expiresAt: past }, now, 'token'))[0];
    expect(expired).toMatchObject({ code: 'INVITATION_EXPIRED', field: 'token' });
    expect(expired.message).toBe(
      'This invitation expired on Sunday 1 February 2026 at 12:00 (GMT). Ask the person who invited you for a new one.',
    );
  });
});
