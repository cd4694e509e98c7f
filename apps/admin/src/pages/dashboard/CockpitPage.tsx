import * as clock from '../../clock';
/**
 * The coordinator's cockpit (and the hub admin's overview): where the benchmark gap is, what is
 * open on both sides, what is coming up, and what is waiting on someone.
 */
import type { ReactNode } from 'react';
import type { Me } from '../../auth/types';
import { graphql } from '../../gql';
import { useQuery } from '../../graphql/hooks';
import { href } from '../../routing/location';
import { ACTIVITY_TYPES, formatDate, label, FORMATS, yearGroupsText } from '../../ui/format';
import { EmptyState, PageHeader, QueryView } from '../../ui/states';
import { BookingCalendar } from '../bookings/BookingCalendar';
import { WaitingList } from './WaitingList';

const OPEN_SIDES = graphql(`
  query OpenSides {
    requests(first: 20, filter: { status: "open" }) {
      nodes {
        id
        schoolId
        activityType
        yearGroup
        pupilCount
        deadline
        createdAt
      }
      totalCount
    }
    offers(first: 20, filter: { status: "published" }) {
      nodes {
        id
        title
        activityType
        format
        yearGroups
        pupilsPerSession
        employer {
          name
        }
        sessions {
          id
          status
          startsAt
        }
      }
      totalCount
    }
    schools(first: 100) {
      nodes {
        id
        name
      }
    }
  }
`);

export function OpenRequestsAndOffers() {
  const data = useQuery(OPEN_SIDES, {});
  return (
    <QueryView state={data} what="Loading requests and offers">
      {(d) => {
        const schoolName = new Map(d.schools.nodes.map((s) => [s.id, s.name]));
        const now = clock.now().toISOString();
        return (
          <div className="side-by-side">
            <section className="panel" aria-labelledby="open-requests">
              <h2 id="open-requests">{`Open requests (${d.requests.totalCount})`}</h2>
              {d.requests.nodes.length === 0 ? (
                <EmptyState title="No open requests">When a school asks for a session it appears here until it is booked.</EmptyState>
              ) : (
                <ul className="plain-list">
                  {[...d.requests.nodes]
                    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
                    .map((r) => (
                      <li key={r.id}>
                        <strong>{schoolName.get(r.schoolId) ?? 'A school'}</strong>
                        {`: ${label(ACTIVITY_TYPES, r.activityType)}, Year ${r.yearGroup}, ${r.pupilCount} pupils`}
                        {r.deadline && <span className="muted">{` · by ${formatDate(r.deadline)}`}</span>}
                      </li>
                    ))}
                </ul>
              )}
              <a href={href('requests')}>Find sessions for requests</a>
            </section>
            <section className="panel" aria-labelledby="open-offers">
              <h2 id="open-offers">{`Published offers (${d.offers.totalCount})`}</h2>
              {d.offers.nodes.length === 0 ? (
                <EmptyState title="No published offers">
                  Invite employer contacts from People so they can post what they can offer.
                </EmptyState>
              ) : (
                <ul className="plain-list">
                  {d.offers.nodes.map((o) => {
                    const open = o.sessions.filter((s) => s.status === 'open' && s.startsAt > now).length;
                    return (
                      <li key={o.id}>
                        <strong>{o.employer.name}</strong>
                        {`: ${label(ACTIVITY_TYPES, o.activityType)} (${label(FORMATS, o.format)}), ${yearGroupsText(o.yearGroups)}`}
                        <span className="muted">{` · ${open} open session${open === 1 ? '' : 's'}`}</span>
                      </li>
                    );
                  })}
                </ul>
              )}
              <a href={href('offers')}>All offers</a>
            </section>
          </div>
        );
      }}
    </QueryView>
  );
}

export function CockpitPage({ me, coverage }: { me: Me; coverage?: ReactNode }) {
  return (
    <>
      <PageHeader
        title={me.role === 'COORDINATOR' ? 'Cockpit' : 'Hub overview'}
        lede={
          me.role === 'COORDINATOR'
            ? 'Your cluster: where the gap is, what is open, what is coming up and what is waiting.'
            : 'Every school’s progress, what is open, and what is waiting.'
        }
      />
      {coverage}
      <WaitingList />
      <OpenRequestsAndOffers />
      <BookingCalendar />
    </>
  );
}
