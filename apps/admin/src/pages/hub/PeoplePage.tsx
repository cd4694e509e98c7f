/**
 * People: who has access (memberships), the invitations sent (resend / withdraw), and an invite
 * form. Hub admins invite any role; coordinators invite school staff of their cluster and employer
 * contacts.
 */
import { useState } from 'react';
import { ROLE_LABELS, type Me, type Role } from '../../auth/types';
import { graphql } from '../../gql';
import { useMutation, useQuery } from '../../graphql/hooks';
import { FormAlert, SelectField, SubmitButton, TextField, useApiForm } from '../../ui/Form';
import { errorMessage, type FieldErrors } from '../../ui/form-errors';
import { formatDate } from '../../ui/format';
import { EmptyState, Notice, PageHeader, QueryView } from '../../ui/states';
import { CLUSTER_OPTIONS, EMPLOYER_OPTIONS, SCHOOL_OPTIONS } from '../options';

const PEOPLE = graphql(`
  query People {
    memberships(first: 100) {
      nodes {
        id
        displayName
        email
        role
        clusterId
        schoolId
        employerId
        lastLoginAt
      }
      totalCount
    }
    invitations(first: 50) {
      nodes {
        id
        email
        role
        state
        expiresAt
        createdAt
        clusterId
        schoolId
        employerId
      }
      totalCount
    }
  }
`);

export const INVITE_USER = graphql(`
  mutation InviteUser($input: InviteUserInput!) {
    inviteUser(input: $input) {
      id
      email
      role
      state
      expiresAt
    }
  }
`);

const RESEND = graphql(`
  mutation ResendInvitation($id: ID!) {
    resendInvitation(id: $id) {
      id
      state
    }
  }
`);

const REVOKE = graphql(`
  mutation RevokeInvitation($id: ID!) {
    revokeInvitation(id: $id) {
      id
      state
    }
  }
`);

type Field = 'email' | 'role' | 'clusterId' | 'schoolId' | 'employerId';
const FIELDS: readonly Field[] = ['email', 'role', 'clusterId', 'schoolId', 'employerId'];

/** Which scope a role needs when invited. */
export const SCOPE_OF: Record<Role, 'clusterId' | 'schoolId' | 'employerId' | null> = {
  PLATFORM_ADMIN: null,
  HUB_ADMIN: null,
  COORDINATOR: 'clusterId',
  SCHOOL_STAFF: 'schoolId',
  EMPLOYER_CONTACT: 'employerId',
};

export function invitableRoles(inviter: Role): Role[] {
  if (inviter === 'HUB_ADMIN') return ['COORDINATOR', 'SCHOOL_STAFF', 'EMPLOYER_CONTACT', 'HUB_ADMIN'];
  if (inviter === 'COORDINATOR') return ['SCHOOL_STAFF', 'EMPLOYER_CONTACT'];
  return [];
}

export function validateInvite(v: Record<Field, string>): FieldErrors<Field> {
  const e: FieldErrors<Field> = {};
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.email.trim())) e.email = 'Enter an email address like name@school.org.uk';
  const scope = SCOPE_OF[v.role as Role];
  if (scope && !v[scope])
    e[scope] =
      scope === 'clusterId'
        ? 'Choose the cluster they will coordinate'
        : scope === 'schoolId'
          ? 'Choose their school'
          : 'Choose their employer';
  return e;
}

function InviteForm({ me, onSent }: { me: Me; onSent: (email: string) => void }) {
  const roles = invitableRoles(me.role);
  const [v, setV] = useState<Record<Field, string>>({
    email: '',
    role: roles[0] ?? 'SCHOOL_STAFF',
    clusterId: '',
    schoolId: '',
    employerId: '',
  });
  const [invite] = useMutation(INVITE_USER);
  const form = useApiForm(FIELDS);
  const scope = SCOPE_OF[v.role as Role];
  const clusters = useQuery(CLUSTER_OPTIONS, {}, { skip: scope !== 'clusterId' });
  const schools = useQuery(SCHOOL_OPTIONS, {}, { skip: scope !== 'schoolId' });
  const employers = useQuery(EMPLOYER_OPTIONS, {}, { skip: scope !== 'employerId' });
  const set = (k: Field) => (value: string) => setV({ ...v, [k]: value });
  return (
    <form
      className="card stack-form"
      aria-labelledby="invite-heading"
      noValidate
      onSubmit={form.handleSubmit(
        () => validateInvite(v),
        async () => {
          const role = v.role as Role;
          await invite({ input: { email: v.email.trim(), role, ...(scope ? { [scope]: v[scope] } : {}) } });
          onSent(v.email.trim());
          setV({ ...v, email: '' });
        },
      )}
    >
      <h2 id="invite-heading">Invite someone</h2>
      <p className="hint">They get an email with a link to set their password. The link works once.</p>
      <FormAlert form={form} />
      <div className="form-grid">
        <TextField form={form} name="email" label="Email address" type="email" value={v.email} onChange={set('email')} />
        <SelectField
          form={form}
          name="role"
          label="Role"
          choices={roles.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
          value={v.role}
          onChange={set('role')}
        />
        {scope === 'clusterId' && (
          <SelectField
            form={form}
            name="clusterId"
            label="Cluster"
            placeholder="Choose a cluster"
            choices={(clusters.data?.clusters.nodes ?? []).map((c) => ({ value: c.id, label: c.name }))}
            value={v.clusterId}
            onChange={set('clusterId')}
          />
        )}
        {scope === 'schoolId' && (
          <SelectField
            form={form}
            name="schoolId"
            label="School"
            placeholder="Choose a school"
            choices={(schools.data?.schools.nodes ?? []).map((s) => ({ value: s.id, label: s.name }))}
            value={v.schoolId}
            onChange={set('schoolId')}
          />
        )}
        {scope === 'employerId' && (
          <SelectField
            form={form}
            name="employerId"
            label="Employer"
            placeholder="Choose an employer"
            choices={(employers.data?.employers.nodes ?? []).map((x) => ({ value: x.id, label: x.name }))}
            value={v.employerId}
            onChange={set('employerId')}
          />
        )}
      </div>
      <SubmitButton form={form} busy="Sending…">
        Send invitation
      </SubmitButton>
    </form>
  );
}

export function PeoplePage({ me }: { me: Me }) {
  const people = useQuery(PEOPLE, {});
  const [resend] = useMutation(RESEND);
  const [revoke] = useMutation(REVOKE);
  const [notice, setNotice] = useState<{ text: string; tone: 'success' | 'error' } | null>(null);
  const act = (fn: () => Promise<unknown>, done: string) => () =>
    fn()
      .then(() => {
        setNotice({ text: done, tone: 'success' });
        people.reload();
      })
      .catch((err: unknown) => setNotice({ text: errorMessage(err), tone: 'error' }));
  return (
    <>
      <PageHeader
        title="People"
        lede={
          me.role === 'HUB_ADMIN'
            ? 'Everyone with access to the hub, and the invitations you have sent.'
            : 'Coordinators and school staff in your cluster, and the invitations you have sent.'
        }
      />
      {notice && <Notice tone={notice.tone}>{notice.text}</Notice>}
      <InviteForm
        me={me}
        onSent={(email) => {
          setNotice({ text: `Invitation sent to ${email}.`, tone: 'success' });
          people.reload();
        }}
      />
      <QueryView state={people} what="Loading people">
        {(d) => (
          <>
            <h2>Invitations</h2>
            {d.invitations.nodes.length === 0 ? (
              <EmptyState title="No invitations yet">
                Invite your coordinators, schools’ Careers Leaders and employer contacts with the form above.
              </EmptyState>
            ) : (
              <table className="table">
                <caption className="visually-hidden">Invitations</caption>
                <thead>
                  <tr>
                    <th scope="col">Email</th>
                    <th scope="col">Role</th>
                    <th scope="col">State</th>
                    <th scope="col">Link valid until</th>
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {d.invitations.nodes.map((i) => (
                    <tr key={i.id}>
                      <th scope="row">{i.email}</th>
                      <td>{ROLE_LABELS[i.role]}</td>
                      <td>
                        <span className={`tag tag--${i.state.toLowerCase()}`}>{i.state.toLowerCase()}</span>
                      </td>
                      <td>{formatDate(i.expiresAt)}</td>
                      <td className="actions">
                        {(i.state === 'PENDING' || i.state === 'EXPIRED') && (
                          <button
                            type="button"
                            className="button button--secondary"
                            onClick={act(() => resend({ id: i.id }), `A new invitation was sent to ${i.email}.`)}
                          >
                            Resend<span className="visually-hidden"> to {i.email}</span>
                          </button>
                        )}
                        {i.state === 'PENDING' && (
                          <button
                            type="button"
                            className="button button--secondary"
                            onClick={act(() => revoke({ id: i.id }), `The invitation to ${i.email} was withdrawn.`)}
                          >
                            Withdraw<span className="visually-hidden"> invitation to {i.email}</span>
                          </button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <h2>Members</h2>
            {d.memberships.nodes.length === 0 ? (
              <EmptyState title="Nobody else yet">People appear here once they accept their invitation.</EmptyState>
            ) : (
              <table className="table">
                <caption className="visually-hidden">Members</caption>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Email</th>
                    <th scope="col">Role</th>
                    <th scope="col">Last signed in</th>
                  </tr>
                </thead>
                <tbody>
                  {d.memberships.nodes.map((m) => (
                    <tr key={m.id}>
                      <th scope="row">{m.displayName || '—'}</th>
                      <td>{m.email}</td>
                      <td>{ROLE_LABELS[m.role]}</td>
                      <td>{m.lastLoginAt ? formatDate(m.lastLoginAt) : 'Not yet'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </>
        )}
      </QueryView>
    </>
  );
}
