/** Your account: change your password (the current one is needed; every other session ends). */
import { useState } from 'react';
import { validateNewPassword } from '../../auth/PasswordResetPages';
import { MIN_PASSWORD_LENGTH } from '../../auth/InvitationAcceptPage';
import type { Me } from '../../auth/types';
import { graphql } from '../../gql';
import { useMutation } from '../../graphql/hooks';
import { FormAlert, SubmitButton, TextField, useApiForm } from '../../ui/Form';
import { Notice } from '../../ui/states';

const CHANGE_PASSWORD = graphql(`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input)
  }
`);

export function AccountPage({ me }: { me: Me }) {
  const [change] = useMutation(CHANGE_PASSWORD);
  const [values, setValues] = useState({ currentPassword: '', newPassword: '', confirm: '' });
  const [changed, setChanged] = useState(false);
  const form = useApiForm(['currentPassword', 'newPassword', 'confirm'] as const);
  return (
    <div className="page">
      <h1>Your account</h1>
      <p>
        Signed in as <strong>{me.email}</strong>.
      </p>
      <section className="card" aria-labelledby="password-heading">
        <h2 id="password-heading">Change your password</h2>
        {changed && (
          <Notice tone="success">Your password has been changed. Every other place you were signed in has been signed out.</Notice>
        )}
        <form
          className="stack-form"
          noValidate
          onSubmit={form.handleSubmit(
            () => ({
              ...(values.currentPassword ? {} : { currentPassword: 'Enter your current password' }),
              ...validateNewPassword(values),
            }),
            async () => {
              await change({ input: { currentPassword: values.currentPassword, newPassword: values.newPassword } });
              setValues({ currentPassword: '', newPassword: '', confirm: '' });
              setChanged(true);
            },
          )}
        >
          <FormAlert form={form} />
          <TextField
            form={form}
            name="currentPassword"
            type="password"
            label="Current password"
            autoComplete="current-password"
            value={values.currentPassword}
            onChange={(v) => setValues({ ...values, currentPassword: v })}
          />
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
            label="Type the new password again"
            autoComplete="new-password"
            value={values.confirm}
            onChange={(v) => setValues({ ...values, confirm: v })}
          />
          <SubmitButton form={form} busy="Saving…">
            Change password
          </SubmitButton>
        </form>
      </section>
    </div>
  );
}
