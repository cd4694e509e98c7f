/**
 * The page an invitation email links to (`/invitations/accept?token=…`), no log-in needed: what the
 * invitation is for, then a password to set (new account) or to confirm (existing account). On
 * success the invitee is signed in and lands in the app.
 */
import { useEffect, useState } from 'react';
import { graphql } from '../gql';
import type { InvitationPreviewQuery } from '../gql/graphql';
import { graphqlRequest } from '../graphql/client';
import { leavePublicPath } from '../routing/location';
import { FormAlert, SubmitButton, TextField, useApiForm } from '../ui/Form';
import type { FieldErrors } from '../ui/form-errors';
import { formatDate } from '../ui/format';
import { ErrorState, Loading } from '../ui/states';
import { useSessionStore } from './SessionContext';
import { ROLE_LABELS } from './types';

export const INVITATION_PREVIEW = graphql(`
  query InvitationPreview($token: String!) {
    invitationPreview(token: $token) {
      hubName
      role
      email
      expiresAt
      state
      accountExists
    }
  }
`);

export const MIN_PASSWORD_LENGTH = 12;

type Field = 'displayName' | 'password' | 'confirm' | 'token';
const FIELDS: readonly Field[] = ['displayName', 'password', 'confirm', 'token'];

export function validateAcceptance(values: { password: string; confirm: string }, accountExists: boolean): FieldErrors<Field> {
  const errors: FieldErrors<Field> = {};
  if (!values.password) errors.password = accountExists ? 'Enter your current Tandem password' : 'Choose a password';
  else if (!accountExists && values.password.length < MIN_PASSWORD_LENGTH)
    errors.password = `Use at least ${MIN_PASSWORD_LENGTH} characters (a few words you will remember work well)`;
  if (!accountExists && values.password && values.confirm !== values.password) errors.confirm = 'The two passwords are not the same';
  return errors;
}

const STATE_COPY: Record<string, { title: string; body: string }> = {
  ACCEPTED: {
    title: 'This invitation has already been used',
    body: 'Sign in with the email address and password you chose when you accepted it.',
  },
  EXPIRED: {
    title: 'This invitation has expired',
    body: 'Ask the person who invited you to send a new one: the new email will have a fresh link.',
  },
  REVOKED: {
    title: 'This invitation is no longer valid',
    body: 'It was withdrawn or replaced by a newer one. Use the link in the most recent email, or ask for a new invitation.',
  },
};

export function InvitationAcceptPage({ token }: { token: string }) {
  const store = useSessionStore();
  const [preview, setPreview] = useState<InvitationPreviewQuery['invitationPreview'] | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [values, setValues] = useState({ displayName: '', password: '', confirm: '' });
  const form = useApiForm(FIELDS, {
    INVITATION_NOT_FOUND: 'token',
    INVITATION_EXPIRED: 'token',
    INVITATION_REVOKED: 'token',
    INVITATION_ALREADY_USED: 'token',
  });

  useEffect(() => {
    if (!token) return;
    graphqlRequest<InvitationPreviewQuery>(INVITATION_PREVIEW, { token })
      .then((d) => setPreview(d.invitationPreview))
      .catch(setLoadError);
  }, [token]);

  const content = (() => {
    if (!token)
      return (
        <p className="form-error">
          This link has no invitation in it. Open the link from your invitation email again, or copy the whole address.
        </p>
      );
    if (loadError) return <ErrorState error={loadError} />;
    if (!preview) return <Loading what="Checking your invitation" />;
    const closed = STATE_COPY[preview.state];
    if (closed) {
      return (
        <section aria-labelledby="closed-heading">
          <h2 id="closed-heading">{closed.title}</h2>
          <p>{closed.body}</p>
          <a className="button button--secondary" href="/">
            Go to sign in
          </a>
        </section>
      );
    }
    const exists = preview.accountExists;
    const submit = form.handleSubmit(
      () => validateAcceptance(values, exists),
      async () => {
        await store.acceptInvitation({
          token,
          password: values.password,
          ...(values.displayName.trim() && !exists ? { displayName: values.displayName.trim() } : {}),
        });
        leavePublicPath();
      },
    );
    return (
      <>
        <dl className="facts">
          <dt>Hub</dt>
          <dd>{preview.hubName}</dd>
          <dt>Your role</dt>
          <dd>{ROLE_LABELS[preview.role]}</dd>
          <dt>Email</dt>
          <dd>{preview.email}</dd>
          <dt>Link valid until</dt>
          <dd>{formatDate(preview.expiresAt)}</dd>
        </dl>
        <p>
          {exists
            ? 'You already have a Tandem account. Enter its password to join this hub.'
            : 'Choose a password to finish setting up your account.'}
        </p>
        <form className="stack-form" onSubmit={submit} noValidate aria-busy={form.submitting}>
          <FormAlert form={form} />
          {form.fieldErrors.token && <p className="form-error">{form.fieldErrors.token}</p>}
          {!exists && (
            <TextField
              form={form}
              name="displayName"
              label="Your name"
              hint="How colleagues will see you in Tandem."
              optional
              autoComplete="name"
              value={values.displayName}
              onChange={(v) => setValues({ ...values, displayName: v })}
            />
          )}
          <TextField
            form={form}
            name="password"
            type="password"
            label={exists ? 'Your Tandem password' : 'Choose a password'}
            hint={exists ? undefined : `At least ${MIN_PASSWORD_LENGTH} characters.`}
            autoComplete={exists ? 'current-password' : 'new-password'}
            value={values.password}
            onChange={(v) => setValues({ ...values, password: v })}
          />
          {!exists && (
            <TextField
              form={form}
              name="confirm"
              type="password"
              label="Type the password again"
              autoComplete="new-password"
              value={values.confirm}
              onChange={(v) => setValues({ ...values, confirm: v })}
            />
          )}
          <SubmitButton form={form} busy="Joining…">
            {exists ? 'Join the hub' : 'Set password and sign in'}
          </SubmitButton>
        </form>
      </>
    );
  })();

  return (
    <main className="login-page" id="main">
      <div className="login-card">
        <p className="brand" aria-hidden="true">
          Tandem
        </p>
        <h1>{preview && !STATE_COPY[preview.state] ? `Join ${preview.hubName}` : 'Your invitation'}</h1>
        {content}
      </div>
    </main>
  );
}
