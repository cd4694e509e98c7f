/** The school's Careers Leader: progress by year group, what waits on them, and what is coming up. */
import type { ReactNode } from 'react';
import type { Me } from '../../auth/types';
import { graphql } from '../../gql';
import { useQuery } from '../../graphql/hooks';
import { href } from '../../routing/location';
import { ACTIVITY_TYPES, formatSlot, label } from '../../ui/format';
import { EmptyState, PageHeader, QueryView } from '../../ui/states';
import { BookingCalendar } from '../bookings/BookingCalendar';
import { waitsOn } from '../bookings/booking-actions';

const SCHOOL_WAITING = graphql(`
  query SchoolWaiting {
    bookings(first: 50, filter: { states: ["proposed", "accepted_by_employer", "delivered"] }) {
      nodes {
        id
        state
        activityType
        employerName
        startsAt
        endsAt
      }
    }
  }
`);

export function SchoolDashboard({ me, progress }: { me: Me; progress?: ReactNode }) {
  const waiting = useQuery(SCHOOL_WAITING, {});
  return (
    <>
      <PageHeader title="Progress" lede={`${me.tenantName ?? ''}: your pupils’ encounters with employers, and what needs you.`} />
      <section className="panel" aria-labelledby="school-waiting">
        <h2 id="school-waiting">Waiting on you</h2>
        <QueryView state={waiting} what="Loading">
          {(d) => {
            const items = d.bookings.nodes.filter((b) => waitsOn(b.state, 'school') || b.state === 'delivered');
            if (!items.length)
              return (
                <EmptyState title="Nothing waiting on you">
                  Ask for a session on <a href={href('offers')}>Find a session</a>, or post a request.
                </EmptyState>
              );
            return (
              <ul className="plain-list">
                {items.map((b) => (
                  <li key={b.id}>
                    <a
                      href={href('bookings', b.id)}
                    >{`${label(ACTIVITY_TYPES, b.activityType)} with ${b.employerName}, ${formatSlot(b.startsAt, b.endsAt)}`}</a>
                    {' — '}
                    {b.state === 'delivered' ? 'record who attended' : 'accept or decline'}
                  </li>
                ))}
              </ul>
            );
          }}
        </QueryView>
      </section>
      {progress}
      <BookingCalendar />
    </>
  );
}
