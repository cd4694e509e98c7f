import type { Role } from '../auth/types';

export type PageKey = 'dashboard' | 'schools' | 'employers' | 'offers' | 'requests' | 'pupils' | 'settings';

export interface NavItem {
  key: PageKey;
  label: string;
  href: `#/${PageKey}`;
}

const LABELS: Record<PageKey, string> = {
  dashboard: 'Dashboard',
  schools: 'Schools',
  employers: 'Employers',
  offers: 'Offers',
  requests: 'Requests',
  pupils: 'Pupils',
  settings: 'Settings',
};

const ALL: PageKey[] = ['dashboard', 'schools', 'employers', 'offers', 'requests', 'pupils'];

/** Which pages each role sees, in menu order. */
export const PAGES_BY_ROLE: Record<Role, readonly PageKey[]> = {
  PLATFORM_ADMIN: [...ALL, 'settings'],
  HUB_ADMIN: [...ALL, 'settings'],
  COORDINATOR: ['dashboard', 'schools', 'employers', 'offers', 'requests'],
  SCHOOL_STAFF: ['dashboard', 'pupils', 'requests'],
  EMPLOYER_CONTACT: ['offers', 'requests'],
};

export function navForRole(role: Role): NavItem[] {
  return (PAGES_BY_ROLE[role] ?? []).map((key) => ({ key, label: LABELS[key], href: `#/${key}` }));
}

/** The page to show for a location hash: the requested page if the role may see it, else its first page. */
export function resolvePage(role: Role, hash: string): PageKey {
  const allowed = PAGES_BY_ROLE[role] ?? [];
  const wanted = hash.replace(/^#\/?/, '').split(/[/?]/)[0] as PageKey;
  return allowed.includes(wanted) ? wanted : (allowed[0] ?? 'dashboard');
}
