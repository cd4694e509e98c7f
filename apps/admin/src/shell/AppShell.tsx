import { useEffect, useRef, useState } from 'react';
import { ROLE_LABELS, type Me } from '../auth/types';
import { EmptyPage } from '../pages/EmptyPage';
import { navForRole, resolvePage } from './nav';

function useHash(): string {
  const [hash, setHash] = useState(() => window.location.hash);
  useEffect(() => {
    const onChange = (): void => setHash(window.location.hash);
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return hash;
}

export interface AppShellProps {
  me: Me;
  onLogout: () => void;
}

export function AppShell({ me, onLogout }: AppShellProps) {
  const hash = useHash();
  const items = navForRole(me.role);
  const page = resolvePage(me.role, hash);
  const headingRef = useRef<HTMLElement>(null);
  const first = useRef(true);

  // Move focus to the content after navigating, so keyboard and screen-reader users land on it.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    headingRef.current?.focus();
  }, [page]);

  const hubName = me.tenantName ?? 'Tandem';
  const who = me.displayName || me.email;
  return (
    <div className="shell">
      <a className="skip-link" href="#main" onClick={(e) => { e.preventDefault(); headingRef.current?.focus(); }}>
        Skip to content
      </a>
      <header className="app-header">
        <div className="app-header__hub">
          <span className="brand">Tandem</span>
          <span className="hub-name">{hubName}</span>
        </div>
        <div className="app-header__user">
          <span>
            <span className="user-name">{who}</span>
            <span className="role-badge">{ROLE_LABELS[me.role] ?? me.role}</span>
          </span>
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
        <main className="content" id="main" ref={headingRef} tabIndex={-1}>
          <EmptyPage page={page} role={me.role} />
        </main>
      </div>
    </div>
  );
}
