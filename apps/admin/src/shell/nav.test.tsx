import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import type { Me, Role } from '../auth/types';
import { renderWithStore } from '../testing/render';
import { AppShell } from './AppShell';
import { navForRole, resolvePage } from './nav';

afterEach(() => {
  cleanup();
  window.location.hash = '';
});

const labels = (role: Role): string[] => navForRole(role).map((i) => i.label);

describe('navForRole', () => {
  it('gives each role its pages, in the words of that role', () => {
    expect(labels('PLATFORM_ADMIN')).toEqual(['Hubs']);
    expect(labels('HUB_ADMIN')).toEqual([
      'Dashboard',
      'Schools',
      'Clusters',
      'People',
      'Employers',
      'Offers',
      'Requests',
      'Matching',
      'Bookings',
      'Encounters',
      'Pupils',
      'Settings',
    ]);
    expect(labels('COORDINATOR')).toEqual([
      'Cockpit',
      'Schools',
      'Requests',
      'Offers',
      'Matching',
      'Bookings',
      'Encounters',
      'Employers',
      'People',
    ]);
    expect(labels('SCHOOL_STAFF')).toEqual(['Progress', 'Encounters', 'Pupils', 'Find a session', 'Requests', 'Bookings']);
    expect(labels('EMPLOYER_CONTACT')).toEqual(['Requests and bookings', 'Your offers', 'Your organisation', 'Impact']);
  });

  it('falls back to the role’s first page for a page it may not see', () => {
    expect(resolvePage('EMPLOYER_CONTACT', '#/settings')).toBe('bookings');
    expect(resolvePage('SCHOOL_STAFF', '#/pupils')).toBe('pupils');
    expect(resolvePage('SCHOOL_STAFF', '#/people')).toBe('dashboard');
    expect(resolvePage('COORDINATOR', '')).toBe('dashboard');
    expect(resolvePage('COORDINATOR', '#/bookings/123?x=1')).toBe('bookings');
    for (const role of ['PLATFORM_ADMIN', 'HUB_ADMIN', 'COORDINATOR', 'SCHOOL_STAFF', 'EMPLOYER_CONTACT'] as const)
      expect(resolvePage(role, '#/account')).toBe('account');
  });
});

function me(role: Role, extra: Partial<Me> = {}): Me {
  return {
    userId: 'u1',
    email: 'sam@school.org.uk',
    displayName: 'Sam Patel',
    tenantId: 't1',
    tenantName: 'North Careers Hub',
    tenantSlug: 'north',
    membershipId: 'm1',
    role,
    clusterId: null,
    schoolId: 's1',
    employerId: null,
    ...extra,
  };
}

describe('AppShell', () => {
  it('shows the hub name, the user and their role, and only their pages', () => {
    renderWithStore(<AppShell me={me('SCHOOL_STAFF')} onLogout={vi.fn()} />);
    const banner = screen.getByRole('banner');
    expect(within(banner).getByText('North Careers Hub')).toBeTruthy();
    expect(within(banner).getByText('School staff')).toBeTruthy();
    expect(within(banner).getByText('Sam Patel')).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(labels('SCHOOL_STAFF'));
    expect(within(nav).getByRole('link', { name: 'Progress' }).getAttribute('aria-current')).toBe('page');
  });

  it('navigates by hash, shows the page and moves focus to the content', async () => {
    renderWithStore(<AppShell me={me('SCHOOL_STAFF')} onLogout={vi.fn()} />);
    act(() => {
      window.location.hash = '#/pupils';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect((await screen.findByRole('heading', { level: 1 }, { timeout: 5000 })).textContent).toBe('Pupils');
    expect(screen.getByRole('link', { name: 'Pupils' }).getAttribute('aria-current')).toBe('page');
    expect(document.activeElement).toBe(screen.getByRole('main'));
  });

  it('does not show a page outside the role (an employer asking for settings gets their bookings)', () => {
    window.location.hash = '#/settings';
    renderWithStore(<AppShell me={me('EMPLOYER_CONTACT', { schoolId: null, employerId: 'e1' })} onLogout={vi.fn()} />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Requests and bookings');
    expect(screen.queryByRole('link', { name: 'Settings' })).toBeNull();
  });

  it('offers a switch between memberships when there are several', async () => {
    const { findByLabelText } = renderWithStore(<AppShell me={me('HUB_ADMIN', { schoolId: null })} onLogout={vi.fn()} />, {
      MyMemberships: () => ({
        myMemberships: [
          { membershipId: 'm1', tenantName: 'North Careers Hub', tenantSlug: 'north', role: 'HUB_ADMIN', current: true },
          { membershipId: 'm2', tenantName: 'South Hub', tenantSlug: 'south', role: 'COORDINATOR', current: false },
        ],
      }),
    });
    const select = (await findByLabelText('Acting as')) as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual(['North Careers Hub — Hub admin', 'South Hub — Enterprise Coordinator']);
    expect(select.value).toBe('m1');
  });

  it('logs out from the header', () => {
    const onLogout = vi.fn();
    renderWithStore(<AppShell me={me('HUB_ADMIN')} onLogout={onLogout} />);
    expect(screen.getByRole('link', { name: 'Settings' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Log out' }));
    expect(onLogout).toHaveBeenCalledTimes(1);
  });
});
