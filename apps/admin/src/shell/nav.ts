import type { Role } from '../auth/types';

export type PageKey =
  | 'dashboard'
  | 'hubs'
  | 'schools'
  | 'clusters'
  | 'people'
  | 'employers'
  | 'organisation'
  | 'offers'
  | 'requests'
  | 'matching'
  | 'bookings'
  | 'pupils'
  | 'encounters'
  | 'impact'
  | 'settings'
  | 'account';

export interface NavItem {
  key: PageKey;
  label: string;
  href: `#/${PageKey}`;
}

const LABELS: Record<PageKey, string> = {
  dashboard: 'Dashboard',
  hubs: 'Hubs',
  schools: 'Schools',
  clusters: 'Clusters',
  people: 'People',
  employers: 'Employers',
  organisation: 'Your organisation',
  offers: 'Offers',
  requests: 'Requests',
  matching: 'Matching',
  bookings: 'Bookings',
  pupils: 'Pupils',
  encounters: 'Encounters',
  impact: 'Impact',
  settings: 'Settings',
  account: 'Your account',
};

/** Labels that read better for one role. */
const ROLE_LABELS: Partial<Record<Role, Partial<Record<PageKey, string>>>> = {
  COORDINATOR: { dashboard: 'Cockpit' },
  SCHOOL_STAFF: { dashboard: 'Progress', offers: 'Find a session' },
  EMPLOYER_CONTACT: { offers: 'Your offers', bookings: 'Requests and bookings' },
};

/** Which pages each role sees, in menu order (the first is where they land). */
export const PAGES_BY_ROLE: Record<Role, readonly PageKey[]> = {
  PLATFORM_ADMIN: ['hubs'],
  HUB_ADMIN: [
    'dashboard',
    'schools',
    'clusters',
    'people',
    'employers',
    'offers',
    'requests',
    'matching',
    'bookings',
    'encounters',
    'pupils',
    'settings',
  ],
  COORDINATOR: ['dashboard', 'schools', 'requests', 'offers', 'matching', 'bookings', 'encounters', 'employers', 'people'],
  SCHOOL_STAFF: ['dashboard', 'encounters', 'pupils', 'offers', 'requests', 'bookings'],
  EMPLOYER_CONTACT: ['bookings', 'offers', 'organisation', 'impact'],
};

export function navForRole(role: Role): NavItem[] {
  return (PAGES_BY_ROLE[role] ?? []).map((key) => ({ key, label: ROLE_LABELS[role]?.[key] ?? LABELS[key], href: `#/${key}` }));
}

/** The page to show for a location hash: the requested page if the role may see it, else its first page. */
export function resolvePage(role: Role, hash: string): PageKey {
  const allowed = PAGES_BY_ROLE[role] ?? [];
  const wanted = hash.replace(/^#\/?/, '').split(/[/?]/)[0] as PageKey;
  // Every role has its account page (reached from the header, not the menu).
  return allowed.includes(wanted) || wanted === 'account' ? wanted : (allowed[0] ?? 'dashboard');
}
