import * as clock from '../../clock';
/** The coming weeks' bookings as an agenda by day (London days), from the bookingCalendar query. */
import { graphql } from '../../gql';
import { useQuery } from '../../graphql/hooks';
import { href } from '../../routing/location';
import { addDays, BOOKING_STATES, formatDate, formatTime, label, londonDay, ACTIVITY_TYPES } from '../../ui/format';
import { EmptyState, QueryView } from '../../ui/states';

export const BOOKING_CALENDAR = graphql(`
  query BookingCalendar($dateFrom: String!, $dateTo: String!) {
    bookingCalendar(dateFrom: $dateFrom, dateTo: $dateTo) {
      id
      title
      activityType
      schoolName
      employerName
      startsAt
      endsAt
      state
      yearGroup
      pupilCount
    }
  }
`);

/** Groups bookings by London day, days in order. */
export function byDay<B extends { startsAt: string }>(bookings: readonly B[]): [string, B[]][] {
  const days = new Map<string, B[]>();
  for (const b of [...bookings].sort((a, c) => a.startsAt.localeCompare(c.startsAt))) {
    const day = londonDay(b.startsAt);
    days.set(day, [...(days.get(day) ?? []), b]);
  }
  return [...days.entries()];
}

export function BookingCalendar({ days = 28, title = 'Calendar: the next four weeks' }: { days?: number; title?: string }) {
  const today = clock.today();
  const calendar = useQuery(BOOKING_CALENDAR, { dateFrom: today, dateTo: addDays(today, days - 1) });
  return (
    <section className="panel" aria-labelledby="calendar-heading">
      <h2 id="calendar-heading">{title}</h2>
      <QueryView state={calendar} what="Loading the calendar">
        {(d) => {
          const live = d.bookingCalendar.filter((b) => !['cancelled', 'declined'].includes(b.state));
          if (!live.length)
            return (
              <EmptyState title={`Nothing booked in the next ${days} days`}>
                Bookings appear here as soon as they are proposed; confirmed ones are marked.
              </EmptyState>
            );
          return (
            <ol className="agenda">
              {byDay(live).map(([day, list]) => (
                <li key={day}>
                  <h3 className="agenda__day">{formatDate(day)}</h3>
                  <ul>
                    {list.map((b) => (
                      <li key={b.id} className={`agenda__item agenda__item--${b.state}`}>
                        <span className="agenda__time">{`${formatTime(b.startsAt)}–${formatTime(b.endsAt)}`}</span>{' '}
                        <a
                          href={href('bookings', b.id)}
                        >{`${label(ACTIVITY_TYPES, b.activityType)}: ${b.schoolName}, Year ${b.yearGroup}`}</a>{' '}
                        <span className="muted">{`with ${b.employerName}`}</span>{' '}
                        <span className={`tag tag--${b.state}`}>{label(BOOKING_STATES, b.state)}</span>
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ol>
          );
        }}
      </QueryView>
    </section>
  );
}
