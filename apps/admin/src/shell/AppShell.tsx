import { useEffect, useRef } from 'react';
import { ROLE_LABELS, type Me } from '../auth/types';
import { PageOutlet } from '../pages/registry';
import { useRoute } from '../routing/location';
import { MembershipSwitcher } from './MembershipSwitcher';
import { navForRole, resolvePage } from './nav';

export interface AppShellProps {
  me: Me;
  onLogout: () => void;
}

export function AppShell({ me, onLogout }: AppShellProps) {
  const route = useRoute();
  const items = navForRole(me.role);
  const page = resolvePage(me.role, `#/${route.page}`);
  const mainRef = useRef<HTMLElement>(null);
  const first = useRef(true);
  const where = `${page}/${route.rest.join('/')}`;

  // Move focus to the content after navigating, so keyboard and screen-reader users land on it.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    mainRef.current?.focus();
  }, [where]);

  const hubName = me.tenantName ?? 'Tandem';
  const who = me.displayName || me.email;
  return (
    <div className="shell">
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          mainRef.current?.focus();
        }}
      >
        Skip to content
      </a>
      <header className="app-header">
        <div className="app-header__hub">
          <span className="brand">Tandem</span>
          <span className="hub-name">{hubName}</span>
        </div>
        <div className="app-header__user">
          {me.tenantId && <MembershipSwitcher key={me.membershipId ?? me.role} />}
          <span>
            <span className="user-name">{who}</span>
            <span className="role-badge">{ROLE_LABELS[me.role] ?? me.role}</span>
          </span>
          <a className="button button--quiet" href="#/account">
            Your account
          </a>
          <button type="button" className="button button--quiet" onClick={onLogout}>
            Log out
          </button>
        </div>
      </header>
      <div className="app-body">
        <nav className="side-nav" aria-label="Main">
          <ul>
            {items.map((item) => (
              <li key={item.key}>
                <a href={item.href} aria-current={item.key === page ? 'page' : undefined}>
                  {item.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <main className="content" id="main" ref={mainRef} tabIndex={-1}>
          <PageOutlet key={`${me.membershipId ?? ''}:${page}`} page={page} me={me} route={route} />
        </main>
      </div>
    </div>
  );
}
