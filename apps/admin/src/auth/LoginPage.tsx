import { LoginForm } from './LoginForm';
import { useSessionStore } from './SessionContext';

export function LoginPage() {
  const store = useSessionStore();
  return (
    <main className="login-page" id="main">
      <div className="login-card">
        <p className="brand" aria-hidden="true">
          Tandem
        </p>
        <h1>Sign in</h1>
        <p className="lede">Arrange employer encounters and see, pupil by pupil, who has had one.</p>
        <LoginForm onSubmit={(values) => store.login(values)} />
        <p className="small">
          Forgotten your password or not got an account? Ask your hub admin or Enterprise Coordinator to send you an
          invitation.
        </p>
      </div>
    </main>
  );
}
