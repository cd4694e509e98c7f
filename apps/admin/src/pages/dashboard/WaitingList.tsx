import * as clock from '../../clock';
import { graphql } from '../../gql';
import { useQuery } from '../../graphql/hooks';
import { ACTIVITY_TYPES, addDays, label, plural } from '../../ui/format';
import { EmptyState, QueryView } from '../../ui/states';
import { waitingItems, type WaitingKind } from './waiting';

const WAITING = graphql(`
  query Waiting($vettingOn: String!) {
    requests(first: 100, filter: { status: "open" }) {
      nodes {
        id
        schoolId
        activityType
        yearGroup
        createdAt
        status
      }
    }
    schools(first: 100) {
      nodes {
        id
        name
      }
    }
    bookings(first: 100, filter: { states: ["proposed", "accepted_by_school", "accepted_by_employer", "confirmed", "delivered"] }) {
      nodes {
        id
        state
        schoolName
        employerName
        activityType
        startsAt
        endsAt
        updatedAt
      }
    }
    employers(first: 100, filter: { vettingStatus: "not_vetted", vettingOn: $vettingOn }) {
      nodes {
        id
        name
        vettingStatus {
          vetted
          validUntil
        }
      }
    }
    bookingSettings {
      unansweredAfterDays
    }
  }
`);

const KIND_LABELS: Record<WaitingKind, string> = {
  unanswered_request: 'Unanswered request',
  booking_answer: 'Waiting for an answer',
  missing_attendance: 'Attendance missing',
  expiring_vetting: 'Vetting expiring',
};

export function WaitingList() {
  const today = clock.today();
  const data = useQuery(WAITING, { vettingOn: addDays(today, 30) });
  return (
    <section className="panel" aria-labelledby="waiting-heading">
      <h2 id="waiting-heading">Waiting on someone</h2>
      <QueryView state={data} what="Looking for loose ends">
        {(d) => {
          const schoolName = new Map(d.schools.nodes.map((s) => [s.id, s.name]));
          // The hub's own threshold: the same one its "unanswered request" nudge emails use.
          const unansweredAfterDays = d.bookingSettings.unansweredAfterDays;
          const items = waitingItems({
            today,
            unansweredAfterDays,
            requests: d.requests.nodes.map((r) => ({
              ...r,
              schoolName: schoolName.get(r.schoolId) ?? 'A school',
              activity: label(ACTIVITY_TYPES, r.activityType).toLowerCase(),
            })),
            bookings: d.bookings.nodes.map((b) => ({ ...b, activity: label(ACTIVITY_TYPES, b.activityType) })),
            // Vetted today but not in 30 days: about to run out.
            expiringVetting: d.employers.nodes.map((e) => ({ id: e.id, name: e.name, validUntil: e.vettingStatus.validUntil ?? null })),
          });
          if (!items.length)
            return (
              <EmptyState title="Nothing is waiting">
                No request has waited more than {unansweredAfterDays} days, every booking has its answers and its attendance, and no vetting
                runs out in the next 30 days.
              </EmptyState>
            );
          return (
            <ul className="waiting">
              {items.slice(0, 12).map((i) => (
                <li key={`${i.kind}-${i.id}`}>
                  <span className={`tag tag--${i.kind}`}>{KIND_LABELS[i.kind]}</span> <a href={i.href}>{i.what}</a>{' '}
                  <span className="muted">
                    {i.kind === 'expiring_vetting' ? `· ${i.who}` : `· waiting on ${i.who} · ${plural(i.days, 'day')}`}
                  </span>
                </li>
              ))}
              {items.length > 12 && <li className="muted">{`and ${items.length - 12} more`}</li>}
            </ul>
          );
        }}
      </QueryView>
    </section>
  );
}
