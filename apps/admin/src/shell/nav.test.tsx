import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { Me, Role } from '../auth/types';
import { AppShell } from './AppShell';
import { navForRole, resolvePage } from './nav';

afterEach(() => {
  cleanup();
  window.location.hash = '';
});

const labels = (role: Role): string[] => navForRole(role).map((i) => i.label);

describe('navForRole', () => {
  it('gives each role its pages', () => {
    expect(labels('COORDINATOR')).toEqual(['Dashboard', 'Schools', 'Employers', 'Offers', 'Requests']);
    expect(labels('SCHOOL_STAFF')).toEqual(['Dashboard', 'Pupils', 'Requests']);
    expect(labels('EMPLOYER_CONTACT')).toEqual(['Offers', 'Requests']);
    expect(labels('HUB_ADMIN')).toEqual(['Dashboard', 'Schools', 'Employers', 'Offers', 'Requests', 'Pupils', 'Settings']);
  });

  it('falls back to the role’s first page for a page it may not see', () => {
    expect(resolvePage('EMPLOYER_CONTACT', '#/settings')).toBe('offers');
    expect(resolvePage('SCHOOL_STAFF', '#/pupils')).toBe('pupils');
    expect(resolvePage('COORDINATOR', '')).toBe('dashboard');
  });
});

function me(role: Role, extra: Partial<Me> = {}): Me {
  return {
    userId: 'u1', email: 'sam@school.org.uk', displayName: 'Sam Patel', tenantId: 't1', tenantName: 'North Careers Hub',
    role, clusterId: null, schoolId: null, employerId: null, ...extra,
  };
}

describe('AppShell', () => {
  it('shows the hub name, the user and their role, and only their pages', () => {
    render(<AppShell me={me('SCHOOL_STAFF')} onLogout={vi.fn()} />);
    const banner = screen.getByRole('banner');
    expect(within(banner).getByText('North Careers Hub')).toBeTruthy();
    expect(within(banner).getByText('School staff')).toBeTruthy();
    expect(within(banner).getByText('Sam Patel')).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getAllByRole('link').map((a) => a.textContent)).toEqual(['Dashboard', 'Pupils', 'Requests']);
    expect(within(nav).getByRole('link', { name: 'Dashboard' }).getAttribute('aria-current')).toBe('page');
  });

  it('navigates by hash and tells the user what a page will hold and what to do next', () => {
    render(<AppShell me={me('SCHOOL_STAFF')} onLogout={vi.fn()} />);
    act(() => {
      window.location.hash = '#/pupils';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Pupils');
    expect(screen.getByText(/Import your pupils from your MIS export/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Pupils' }).getAttribute('aria-current')).toBe('page');
    expect(document.activeElement).toBe(screen.getByRole('main'));
  });

  it('does not show a page outside the role (employer asking for settings gets offers)', () => {
    window.location.hash = '#/settings';
    render(<AppShell me={me('EMPLOYER_CONTACT', { tenantName: 'Acme Ltd hub' })} onLogout={vi.fn()} />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Your offers');
    expect(screen.queryByRole('link', { name: 'Settings' })).toBeNull();
  });

  it('logs out from the header', () => {
    const onLogout = vi.fn();
    render(<AppShell me={me('HUB_ADMIN')} onLogout={onLogout} />);
    expect(screen.getByRole('link', { name: 'Settings' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Log out' }));
    expect(onLogout).toHaveBeenCalledTimes(1);
  });
});
