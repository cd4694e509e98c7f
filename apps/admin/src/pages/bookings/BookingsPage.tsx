import * as clock from '../../clock';
/**
 * Bookings: the list by what needs doing, the calendar, and one booking with its history and the
 * moves open to the viewer (accept, decline with a reason or another time, cancel, delivered…).
 */
import { useState } from 'react';
import type { Me } from '../../auth/types';
import { graphql } from '../../gql';
import { useMutation, useQuery } from '../../graphql/hooks';
import { href } from '../../routing/location';
import { FormAlert, SelectField, SubmitButton, TextAreaField, TextField, useApiForm } from '../../ui/Form';
import { errorMessage } from '../../ui/form-errors';
import { ACTIVITY_TYPES, BOOKING_STATES, FORMATS, formatDate, formatSlot, label } from '../../ui/format';
import { Pager, usePageCursor } from '../../ui/Pager';
import { EmptyState, Notice, PageHeader, QueryView } from '../../ui/states';
import { BookingCalendar } from './BookingCalendar';
import { bookingActions, sideOf, waitsOn, type BookingAction } from './booking-actions';

export const BOOKINGS = graphql(`
  query Bookings($first: Int, $after: String, $filter: BookingFilter) {
    bookings(first: $first, after: $after, filter: $filter) {
      nodes {
        id
        title
        activityType
        format
        schoolName
        employerName
        startsAt
        endsAt
        state
        yearGroup
        pupilCount
      }
      pageInfo {
        endCursor
        hasNextPage
      }
      totalCount
    }
  }
`);

const BOOKING = graphql(`
  query Booking($id: ID!) {
    booking(id: $id) {
      id
      title
      activityType
      format
      schoolId
      schoolName
      employerId
      employerName
      startsAt
      endsAt
      state
      yearGroup
      pupilCount
      offerId
      offerSessionId
      requestId
      deliveredAt
      recordedAt
      transitions {
        id
        action
        actorSide
        byEmailLink
        fromState
        toState
        reason
        proposedAlternative
        createdAt
      }
    }
  }
`);

const BOOKING_ENCOUNTER = graphql(`
  query BookingEncounter($bookingId: ID!) {
    encounters(first: 1, filter: { bookingId: $bookingId }) {
      nodes {
        id
      }
    }
  }
`);

/**
 * Where attendance for a delivered booking is recorded: the encounter the booking became when it
 * was marked delivered (recording attendance on it marks the booking recorded). Never a new one.
 */
function RecordAttendanceLink({ bookingId }: { bookingId: string }) {
  const encounters = useQuery(BOOKING_ENCOUNTER, { bookingId });
  const found = encounters.data?.encounters.nodes[0];
  if (!found) return null;
  return (
    <a className="button button--primary button--inline" href={href('encounters', found.id)}>
      Record attendance and the checklist
    </a>
  );
}

const ACCEPT = graphql(`
  mutation AcceptBooking($id: ID!) {
    acceptBooking(id: $id) {
      id
      state
    }
  }
`);
const DECLINE = graphql(`
  mutation DeclineBooking($id: ID!, $input: DeclineBookingInput) {
    declineBooking(id: $id, input: $input) {
      id
      state
    }
  }
`);
const CANCEL = graphql(`
  mutation CancelBooking($id: ID!, $input: BookingReasonInput!) {
    cancelBooking(id: $id, input: $input) {
      id
      state
    }
  }
`);
const DELIVERED = graphql(`
  mutation MarkBookingDelivered($id: ID!) {
    markBookingDelivered(id: $id) {
      id
      state
    }
  }
`);
const OTHER_SESSIONS = graphql(`
  query OfferSessionsForMove($id: ID!) {
    offer(id: $id) {
      id
      sessions {
        id
        startsAt
        endsAt
        status
        capacity
      }
    }
  }
`);
const RESCHEDULE = graphql(`
  mutation RescheduleBooking($id: ID!, $input: RescheduleBookingInput!) {
    rescheduleBooking(id: $id, input: $input) {
      id
      state
      startsAt
    }
  }
`);

/** Move a booking to another open session of the same offer; the other side is asked again. */
function RescheduleForm({
  booking,
  onDone,
  onClose,
}: {
  booking: { id: string; offerId: string; offerSessionId: string; pupilCount: number };
  onDone: () => void;
  onClose: () => void;
}) {
  const offer = useQuery(OTHER_SESSIONS, { id: booking.offerId });
  const [reschedule] = useMutation(RESCHEDULE);
  const [sessionId, setSessionId] = useState('');
  const [reason, setReason] = useState('');
  const form = useApiForm(['offerSessionId', 'reason'] as const);
  const now = clock.now().toISOString();
  const choices = (offer.data?.offer.sessions ?? [])
    .filter((s) => s.id !== booking.offerSessionId && s.status === 'open' && s.startsAt > now && s.capacity >= booking.pupilCount)
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  return (
    <form
      className="card stack-form"
      aria-label="Move to another session"
      noValidate
      onSubmit={form.handleSubmit(
        () => (sessionId ? {} : { offerSessionId: 'Choose the session to move to' }),
        async () => {
          await reschedule({ id: booking.id, input: { offerSessionId: sessionId, ...(reason.trim() ? { reason: reason.trim() } : {}) } });
          onDone();
          onClose();
        },
      )}
    >
      <h3>Move to another session</h3>
      <FormAlert form={form} />
      {offer.data && choices.length === 0 ? (
        <p>This offer has no other open session with room for these pupils. Cancel and ask for another offer instead.</p>
      ) : (
        <SelectField
          form={form}
          name="offerSessionId"
          label="New session (UK time)"
          placeholder="Choose a session"
          choices={choices.map((s) => ({ value: s.id, label: formatSlot(s.startsAt, s.endsAt) }))}
          value={sessionId}
          onChange={setSessionId}
        />
      )}
      <TextAreaField form={form} name="reason" label="Why" optional rows={2} value={reason} onChange={setReason} />
      <div className="button-row">
        <SubmitButton form={form}>Move booking</SubmitButton>
        <button type="button" className="button button--secondary" onClick={onClose}>
          Back
        </button>
      </div>
    </form>
  );
}

const NO_SHOW = graphql(`
  mutation MarkBookingNoShow($id: ID!, $input: BookingReasonInput!) {
    markBookingNoShow(id: $id, input: $input) {
      id
      state
    }
  }
`);

const VIEWS: Record<string, { label: string; states: string[] }> = {
  waiting: { label: 'Waiting for an answer', states: ['proposed', 'accepted_by_school', 'accepted_by_employer'] },
  confirmed: { label: 'Confirmed', states: ['confirmed'] },
  record: { label: 'Attendance to record', states: ['delivered'] },
  done: { label: 'Done', states: ['recorded'] },
  closed: { label: 'Declined or cancelled', states: ['declined', 'cancelled', 'no_show'] },
};

const ACTION_LABELS: Record<BookingAction, string> = {
  accept: 'Accept',
  decline: 'Decline',
  reschedule: 'Move to another session',
  cancel: 'Cancel booking',
  mark_delivered: 'It took place',
  mark_no_show: 'It did not take place',
  record_attendance: 'Record attendance',
};

export function BookingsPage({ me }: { me: Me }) {
  const side = sideOf(me.role);
  const [view, setView] = useState('waiting');
  const cursor = usePageCursor();
  const bookings = useQuery(BOOKINGS, { first: 25, after: cursor.after, filter: { states: VIEWS[view]?.states } });
  return (
    <>
      <PageHeader
        title={me.role === 'EMPLOYER_CONTACT' ? 'Requests and bookings' : 'Bookings'}
        lede="Every booking from the first ask to the recorded encounter."
      />
      <div className="tabs" role="group" aria-label="Show bookings">
        {Object.entries(VIEWS).map(([key, v]) => (
          <button
            key={key}
            type="button"
            className={`tab${view === key ? ' tab--current' : ''}`}
            aria-pressed={view === key}
            onClick={() => (setView(key), cursor.reset())}
          >
            {v.label}
          </button>
        ))}
      </div>
      <QueryView state={bookings} what="Loading bookings">
        {(d) =>
          d.bookings.nodes.length === 0 ? (
            <EmptyState title={`Nothing ${VIEWS[view]?.label.toLowerCase() ?? 'here'}`}>
              {me.role === 'EMPLOYER_CONTACT'
                ? 'When a school asks for one of your sessions you get an email, and it appears here to accept or decline.'
                : me.role === 'SCHOOL_STAFF'
                  ? 'Ask for a session on “Find a session”, or post a request.'
                  : 'Propose a session for an open request on the Requests page.'}
            </EmptyState>
          ) : (
            <>
              <table className="table">
                <caption className="visually-hidden">Bookings</caption>
                <thead>
                  <tr>
                    <th scope="col">When</th>
                    <th scope="col">Activity</th>
                    <th scope="col">School</th>
                    <th scope="col">Employer</th>
                    <th scope="col">State</th>
                  </tr>
                </thead>
                <tbody>
                  {d.bookings.nodes.map((b) => (
                    <tr key={b.id}>
                      <th scope="row">
                        <a href={href('bookings', b.id)}>{formatSlot(b.startsAt, b.endsAt)}</a>
                      </th>
                      <td>{`${label(ACTIVITY_TYPES, b.activityType)} (${label(FORMATS, b.format)})`}</td>
                      <td>{`${b.schoolName}, Year ${b.yearGroup} (${b.pupilCount})`}</td>
                      <td>{b.employerName}</td>
                      <td>
                        <span className={`tag tag--${b.state}`}>{label(BOOKING_STATES, b.state)}</span>
                        {side && waitsOn(b.state, side) && <span className="tag tag--you">Your answer</span>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <Pager
                cursor={cursor}
                hasNextPage={d.bookings.pageInfo.hasNextPage}
                endCursor={d.bookings.pageInfo.endCursor}
                totalCount={d.bookings.totalCount}
                noun="bookings"
              />
            </>
          )
        }
      </QueryView>
      <BookingCalendar />
    </>
  );
}

function ReasonForm({
  title,
  submitLabel,
  withAlternative,
  reasonRequired,
  onSubmit,
  onClose,
}: {
  title: string;
  submitLabel: string;
  withAlternative?: boolean;
  reasonRequired?: boolean;
  onSubmit: (reason: string, alternative: string) => Promise<unknown>;
  onClose: () => void;
}) {
  const [reason, setReason] = useState('');
  const [alternative, setAlternative] = useState('');
  const form = useApiForm(['reason', 'proposedAlternative'] as const);
  return (
    <form
      className="card stack-form"
      aria-label={title}
      noValidate
      onSubmit={form.handleSubmit(
        () => (reasonRequired && !reason.trim() ? { reason: 'Say why, in a few words: both sides will see it' } : {}),
        async () => {
          await onSubmit(reason.trim(), alternative.trim());
          onClose();
        },
      )}
    >
      <h3>{title}</h3>
      <FormAlert form={form} />
      <TextAreaField form={form} name="reason" label="Why" optional={!reasonRequired} rows={2} value={reason} onChange={setReason} />
      {withAlternative && (
        <TextField
          form={form}
          name="proposedAlternative"
          label="Another time that would suit you"
          optional
          hint="For example: any Thursday afternoon in March."
          value={alternative}
          onChange={setAlternative}
        />
      )}
      <div className="button-row">
        <SubmitButton form={form}>{submitLabel}</SubmitButton>
        <button type="button" className="button button--secondary" onClick={onClose}>
          Back
        </button>
      </div>
    </form>
  );
}

export function BookingDetailPage({ me, bookingId }: { me: Me; bookingId: string }) {
  const booking = useQuery(BOOKING, { id: bookingId });
  const [accept] = useMutation(ACCEPT);
  const [decline] = useMutation(DECLINE);
  const [cancel] = useMutation(CANCEL);
  const [delivered] = useMutation(DELIVERED);
  const [noShow] = useMutation(NO_SHOW);
  const [open, setOpen] = useState<BookingAction | null>(null);
  const [notice, setNotice] = useState<{ text: string; tone: 'success' | 'error' } | null>(null);
  const done = (text: string) => () => {
    setNotice({ text, tone: 'success' });
    booking.reload();
  };
  const fail = (err: unknown) => setNotice({ text: errorMessage(err), tone: 'error' });
  return (
    <QueryView state={booking} what="Loading the booking">
      {({ booking: b }) => {
        const actions = bookingActions(b, me.role);
        return (
          <>
            <p className="breadcrumb">
              <a href={href('bookings')}>Bookings</a> /
            </p>
            <PageHeader title={`${label(ACTIVITY_TYPES, b.activityType)}: ${b.schoolName}`} lede={b.title} />
            {notice && <Notice tone={notice.tone}>{notice.text}</Notice>}
            <dl className="facts">
              <dt>When (UK time)</dt>
              <dd>{formatSlot(b.startsAt, b.endsAt)}</dd>
              <dt>Where</dt>
              <dd>{label(FORMATS, b.format)}</dd>
              <dt>Pupils</dt>
              <dd>{`Year ${b.yearGroup}, ${b.pupilCount} pupils`}</dd>
              <dt>Employer</dt>
              <dd>{b.employerName}</dd>
              <dt>State</dt>
              <dd>
                <span className={`tag tag--${b.state}`}>{label(BOOKING_STATES, b.state)}</span>
              </dd>
            </dl>
            {actions.length > 0 && (
              <div className="button-row" role="group" aria-label="What you can do">
                {actions.map((a) =>
                  a === 'record_attendance' ? (
                    <RecordAttendanceLink key={a} bookingId={b.id} />
                  ) : (
                    <button
                      key={a}
                      type="button"
                      className={`button ${a === 'accept' || a === 'mark_delivered' ? 'button--primary button--inline' : 'button--secondary'}`}
                      aria-expanded={['decline', 'reschedule', 'cancel', 'mark_no_show'].includes(a) ? open === a : undefined}
                      onClick={() => {
                        if (a === 'accept')
                          accept({ id: b.id }).then(
                            done('Accepted. Both sides get the confirmation once the other side has accepted too.'),
                            fail,
                          );
                        else if (a === 'mark_delivered')
                          delivered({ id: b.id }).then(done('Marked as delivered. Now record who attended.'), fail);
                        else setOpen(open === a ? null : a);
                      }}
                    >
                      {ACTION_LABELS[a]}
                    </button>
                  ),
                )}
              </div>
            )}
            {open === 'decline' && (
              <ReasonForm
                title="Decline this booking"
                submitLabel="Decline"
                withAlternative
                onClose={() => setOpen(null)}
                onSubmit={(reason, alt) =>
                  decline({ id: b.id, input: { ...(reason ? { reason } : {}), ...(alt ? { proposedAlternative: alt } : {}) } }).then(
                    done('Declined. The other side has been told.'),
                  )
                }
              />
            )}
            {open === 'reschedule' && (
              <RescheduleForm booking={b} onClose={() => setOpen(null)} onDone={done('Moved. The other side has been asked again.')} />
            )}
            {open === 'cancel' && (
              <ReasonForm
                title="Cancel this booking"
                submitLabel="Cancel booking"
                reasonRequired
                onClose={() => setOpen(null)}
                onSubmit={(reason) => cancel({ id: b.id, input: { reason } }).then(done('Cancelled. Everyone involved has been told.'))}
              />
            )}
            {open === 'mark_no_show' && (
              <ReasonForm
                title="It did not take place"
                submitLabel="Record that it did not take place"
                reasonRequired
                onClose={() => setOpen(null)}
                onSubmit={(reason) => noShow({ id: b.id, input: { reason } }).then(done('Recorded as not taken place.'))}
              />
            )}
            <h2>History</h2>
            <ol className="history">
              {b.transitions.map((t) => (
                <li key={t.id}>
                  <span className="muted">{formatDate(t.createdAt)}</span>{' '}
                  {`${t.action.replace(/_/g, ' ')} by ${t.actorSide}${t.byEmailLink ? ' (from the email link)' : ''}`}
                  {t.reason && <>: “{t.reason}”</>}
                  {t.proposedAlternative && <> — suggested instead: “{t.proposedAlternative}”</>}
                </li>
              ))}
            </ol>
          </>
        );
      }}
    </QueryView>
  );
}
