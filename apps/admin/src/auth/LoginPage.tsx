import { useState } from 'react';
import { LoginForm } from './LoginForm';
import { ForgotPasswordForm } from './PasswordResetPages';
import { useSessionStore } from './SessionContext';

export function LoginPage() {
  const store = useSessionStore();
  const [forgot, setForgot] = useState(false);
  return (
    <main className="login-page" id="main">
      <div className="login-card">
        <p className="brand" aria-hidden="true">
          Tandem
        </p>
        <h1>{forgot ? 'Reset your password' : 'Sign in'}</h1>
        {forgot ? (
          <ForgotPasswordForm onBack={() => setForgot(false)} />
        ) : (
          <>
            <p className="lede">Arrange employer encounters and see, pupil by pupil, who has had one.</p>
            <LoginForm onSubmit={(values) => store.login(values)} />
            <p className="small">
              <button type="button" className="link-button" onClick={() => setForgot(true)}>
                Forgotten your password?
              </button>{' '}
              Not got an account? Ask your hub admin or Enterprise Coordinator to send you an invitation.
            </p>
          </>
        )}
      </div>
    </main>
  );
}
