import { useEffect } from 'react';
import { LoginPage } from './auth/LoginPage';
import { useSession, useSessionStore } from './auth/SessionContext';
import { AppShell } from './shell/AppShell';

export function App() {
  const store = useSessionStore();
  const session = useSession();

  useEffect(() => {
    void store.restore();
  }, [store]);

  if (session.status === 'restoring') {
    return (
      <main className="login-page" id="main" aria-busy="true">
        <p className="loading">Signing you in…</p>
      </main>
    );
  }
  if (session.status === 'signed-in' && session.me) {
    return <AppShell me={session.me} onLogout={() => void store.logout()} />;
  }
  return <LoginPage />;
}
