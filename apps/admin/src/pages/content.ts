import type { Role } from '../auth/types';
import type { PageKey } from '../shell/nav';

export interface EmptyState {
  title: string;
  /** What this page will show once there is something to show. */
  willShow: string;
  /** The next thing to do, in the user's words. */
  next: string;
}

type Copy = EmptyState | ((role: Role) => EmptyState);

const COPY: Record<PageKey, Copy> = {
  dashboard: (role) =>
    role === 'SCHOOL_STAFF'
      ? {
          title: 'Dashboard',
          willShow:
            'How many of your pupils have had a meaningful employer encounter this academic year (Benchmark 5) and a workplace experience (Benchmark 6), by year group, with the pupils still waiting listed first.',
          next: 'Import your pupils from your MIS export, then ask for the sessions your year groups need on the Requests page.',
        }
      : role === 'COORDINATOR'
        ? {
            title: 'Dashboard',
            willShow:
              'Your cluster at a glance: which schools and year groups are furthest behind on Benchmarks 5 and 6, requests waiting for an answer, and the bookings coming up.',
            next: 'Add the schools in your cluster and the employers you work with, then ask “what should we book next?”.',
          }
        : {
            title: 'Dashboard',
            willShow:
              'Every school’s progress on Benchmarks 5 and 6 across the hub, by cluster, with the gap list: pupils who have not yet had an encounter, disadvantaged and at-risk pupils first.',
            next: 'Set up your hub: invite your Enterprise Coordinators, then add schools and employers.',
          },
  schools: {
    title: 'Schools',
    willShow: 'The schools in your hub or cluster: URN, year groups, their Careers Leader, and how far each is from meeting Benchmarks 5 and 6.',
    next: 'Add a school by its 6-digit URN, or import a list of schools from a spreadsheet.',
  },
  employers: {
    title: 'Employers',
    willShow: 'Employers and their volunteers, with vetting (safeguarding, insurance, health and safety) and when each check expires.',
    next: 'Add an employer you work with and invite its contact, so they can post what they can offer.',
  },
  offers: (role) =>
    role === 'EMPLOYER_CONTACT'
      ? {
          title: 'Your offers',
          willShow: 'What your organisation can offer schools (a careers talk, a virtual tour, mock interviews…), when, and for how many pupils.',
          next: 'Post your first offer: pick an activity, say when you are available and how many pupils you can take.',
        }
      : {
          title: 'Offers',
          willShow: 'What employers can offer schools: activity, format, capacity, eligible year groups and availability.',
          next: 'Offers appear here once employers post them. Invite an employer contact from the Employers page.',
        },
  requests: (role) =>
    role === 'EMPLOYER_CONTACT'
      ? {
          title: 'Requests',
          willShow: 'Schools’ requests matched to your offers, waiting for you to accept or decline, and your confirmed sessions.',
          next: 'Nothing to answer yet. When a school’s request fits one of your offers, you will get an email and it will appear here.',
        }
      : role === 'SCHOOL_STAFF'
        ? {
            title: 'Requests',
            willShow: 'The sessions you have asked for, who is matched to them and what is confirmed.',
            next: 'Ask for a specific slot, for example: a mock-interview session for 30 Year 11 pupils on a Tuesday afternoon.',
          }
        : {
            title: 'Requests',
            willShow: 'Schools’ requests for sessions, oldest waiting first, and the bookings proposed for them.',
            next: 'Requests appear here when schools ask for sessions. Invite a school’s Careers Leader from the Schools page.',
          },
  pupils: {
    title: 'Pupils',
    willShow:
      'Your pupils by year group (by school reference; names are optional) with the encounters each has had, and those still waiting.',
    next: 'Import your pupils from your MIS export (a CSV file). Rows with problems are listed by line number before anything is saved.',
  },
  settings: {
    title: 'Settings',
    willShow: 'Your hub’s name, the benchmark policy it reports against (2014 or the 2024 refresh), and who has access.',
    next: 'Invite the people who will work in Tandem: Enterprise Coordinators, school staff and employer contacts.',
  },
};

export function emptyStateFor(page: PageKey, role: Role): EmptyState {
  const copy = COPY[page];
  return typeof copy === 'function' ? copy(role) : copy;
}
