/**
 * Password reset without logging in: "Forgot your password?" asks for a link by email; the link
 * (`/password-reset?token=…`) opens a page to choose a new password. A reset ends every session and
 * lifts a log-in block, so it is also the way back in for someone locked out by another's guesses.
 */
import { useState } from 'react';
import { graphql } from '../gql';
import { graphqlRequest } from '../graphql/client';
import { leavePublicPath } from '../routing/location';
import { FormAlert, SubmitButton, TextField, useApiForm } from '../ui/Form';
import type { FieldErrors } from '../ui/form-errors';
import { MIN_PASSWORD_LENGTH } from './InvitationAcceptPage';

const REQUEST_RESET = graphql(`
  mutation RequestPasswordReset($email: String!) {
    requestPasswordReset(email: $email)
  }
`);

const RESET = graphql(`
  mutation ResetPassword($input: ResetPasswordInput!) {
    resetPassword(input: $input)
  }
`);

export function validateNewPassword(values: { newPassword: string; confirm: string }): FieldErrors<'newPassword' | 'confirm'> {
  const errors: FieldErrors<'newPassword' | 'confirm'> = {};
  if (values.newPassword.length < MIN_PASSWORD_LENGTH)
    errors.newPassword = `Use at least ${MIN_PASSWORD_LENGTH} characters (a few words you will remember work well)`;
  else if (values.confirm !== values.newPassword) errors.confirm = 'The two passwords are not the same';
  return errors;
}

export function ForgotPasswordForm({ onBack }: { onBack: () => void }) {
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const form = useApiForm(['email'] as const);
  if (sent) {
    return (
      <section aria-labelledby="sent-heading">
        <h2 id="sent-heading">Check your email</h2>
        <p>If {email} has a Tandem account, a link to choose a new password is on its way. It works once, for an hour.</p>
        <button type="button" className="button button--secondary" onClick={onBack}>
          Back to sign in
        </button>
      </section>
    );
  }
  return (
    <form
      className="stack-form"
      noValidate
      onSubmit={form.handleSubmit(
        () => (email.trim() ? {} : { email: 'Enter the email address you sign in with' }),
        async () => {
          await graphqlRequest(REQUEST_RESET, { email: email.trim() });
          setSent(true);
        },
      )}
    >
      <FormAlert form={form} />
      <TextField form={form} name="email" type="email" label="Email address" autoComplete="email" value={email} onChange={setEmail} />
      <SubmitButton form={form} busy="Sending…">
        Email me a link
      </SubmitButton>
      <button type="button" className="button button--secondary" onClick={onBack}>
        Back to sign in
      </button>
    </form>
  );
}

export function PasswordResetPage({ token }: { token: string }) {
  const [values, setValues] = useState({ newPassword: '', confirm: '' });
  const [done, setDone] = useState(false);
  const form = useApiForm(['newPassword', 'confirm', 'token'] as const);
  return (
    <main className="login-page" id="main">
      <div className="login-card">
        <p className="brand" aria-hidden="true">
          Tandem
        </p>
        <h1>Choose a new password</h1>
        {done ? (
          <section aria-labelledby="done-heading">
            <h2 id="done-heading">Your password has been changed</h2>
            <p>Every place you were signed in has been signed out. Sign in with your new password.</p>
            <button type="button" className="button" onClick={() => leavePublicPath()}>
              Go to sign in
            </button>
          </section>
        ) : !token ? (
          <p className="form-error">This link has no reset token in it. Open the link from the email again, or ask for a new one.</p>
        ) : (
          <form
            className="stack-form"
            noValidate
            aria-busy={form.submitting}
            onSubmit={form.handleSubmit(
              () => validateNewPassword(values),
              async () => {
                await graphqlRequest(RESET, { input: { token, newPassword: values.newPassword } });
                setDone(true);
              },
            )}
          >
            <FormAlert form={form} />
            {form.fieldErrors.token && <p className="form-error">{form.fieldErrors.token}</p>}
            <TextField
              form={form}
              name="newPassword"
              type="password"
              label="New password"
              hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
              autoComplete="new-password"
              value={values.newPassword}
              onChange={(v) => setValues({ ...values, newPassword: v })}
            />
            <TextField
              form={form}
              name="confirm"
              type="password"
              label="Type it again"
              autoComplete="new-password"
              value={values.confirm}
              onChange={(v) => setValues({ ...values, confirm: v })}
            />
            <SubmitButton form={form} busy="Saving…">
              Save the new password
            </SubmitButton>
          </form>
        )}
      </div>
    </main>
  );
}
