import { useEffect } from 'react';
import { InvitationAcceptPage } from './auth/InvitationAcceptPage';
import { LoginPage } from './auth/LoginPage';
import { PasswordResetPage } from './auth/PasswordResetPages';
import { useSession, useSessionStore } from './auth/SessionContext';
import { publicRouteOf, useLocationKey } from './routing/location';
import { AppShell } from './shell/AppShell';

export function App() {
  const store = useSessionStore();
  const session = useSession();
  useLocationKey();

  useEffect(() => {
    void store.restore();
  }, [store]);

  // Public pages (links from emails) show whether or not someone is signed in.
  const publicRoute = publicRouteOf(window.location.pathname, window.location.search);
  if (publicRoute?.kind === 'accept-invitation') return <InvitationAcceptPage token={publicRoute.token} />;
  if (publicRoute?.kind === 'password-reset') return <PasswordResetPage token={publicRoute.token} />;

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
