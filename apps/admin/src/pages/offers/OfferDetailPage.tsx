import * as clock from '../../clock';
/**
 * One offer: what it is, availability and its sessions. The employer side adds sessions, cancels
 * them and edits the offer; school staff ask for one session for a year group (the employer gets
 * an email with Accept / Decline).
 */
import { useState } from 'react';
import type { Me } from '../../auth/types';
import { graphql } from '../../gql';
import { useMutation, useQuery } from '../../graphql/hooks';
import { href, navigate } from '../../routing/location';
import { FormAlert, SelectField, SubmitButton, TextAreaField, TextField, useApiForm } from '../../ui/Form';
import { errorMessage, type FieldErrors } from '../../ui/form-errors';
import { ACTIVITY_TYPES, FORMATS, formatDate, formatSlot, label, londonToIso, WEEKDAYS, yearGroupsText } from '../../ui/format';
import { EmptyState, Notice, PageHeader, QueryView } from '../../ui/states';
import { SCHOOL_OPTIONS } from '../options';
import { canEditOffers } from './OffersPage';
import { OfferForm, type OfferValues } from './OfferForm';

const OFFER = graphql(`
  query Offer($id: ID!) {
    offer(id: $id) {
      id
      title
      description
      activityType
      format
      benchmark
      durationMinutes
      pupilsPerSession
      sessionsAvailable
      yearGroups
      travelRadiusKm
      status
      employerId
      employer {
        id
        name
      }
      availabilityWindows {
        id
        startsOn
        endsOn
        weekdays
        startTime
        endTime
      }
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

const ADD_SESSION = graphql(`
  mutation AddOfferSession($offerId: ID!, $input: OfferSessionInput!) {
    addOfferSession(offerId: $offerId, input: $input) {
      id
    }
  }
`);

const CANCEL_SESSION = graphql(`
  mutation CancelOfferSession($id: ID!) {
    cancelOfferSession(id: $id) {
      id
      status
    }
  }
`);

export const REQUEST_SESSION = graphql(`
  mutation RequestOfferSession($input: RequestOfferSessionInput!) {
    requestOfferSession(input: $input) {
      id
      state
    }
  }
`);

type SField = 'day' | 'startTime' | 'endTime' | 'capacity' | 'startsAt' | 'endsAt';

function AddSessionForm({ offerId, onAdded }: { offerId: string; onAdded: () => void }) {
  const [v, setV] = useState({ day: '', startTime: '13:30', endTime: '15:00', capacity: '' });
  const [add] = useMutation(ADD_SESSION);
  const form = useApiForm<SField>(['day', 'startTime', 'endTime', 'capacity', 'startsAt', 'endsAt'], {});
  return (
    <form
      className="card stack-form"
      aria-labelledby="add-session"
      noValidate
      onSubmit={form.handleSubmit(
        () => {
          const e: FieldErrors<SField> = {};
          if (!v.day) e.day = 'Choose the date of the session';
          if (v.endTime <= v.startTime) e.endTime = 'The session must end after it starts';
          if (v.capacity && !/^\d+$/.test(v.capacity)) e.capacity = 'Enter a whole number of pupils';
          return e;
        },
        async () => {
          await add({
            offerId,
            input: {
              startsAt: londonToIso(v.day, v.startTime),
              endsAt: londonToIso(v.day, v.endTime),
              ...(v.capacity ? { capacity: Number(v.capacity) } : {}),
            },
          });
          setV({ ...v, day: '' });
          onAdded();
        },
      )}
    >
      <h3 id="add-session">Add a session</h3>
      <FormAlert form={form} />
      {(form.fieldErrors.startsAt || form.fieldErrors.endsAt) && (
        <p className="form-error">{form.fieldErrors.startsAt ?? form.fieldErrors.endsAt}</p>
      )}
      <div className="form-grid">
        <TextField form={form} name="day" label="Date" type="date" value={v.day} onChange={(day) => setV({ ...v, day })} />
        <TextField
          form={form}
          name="startTime"
          label="Starts (UK time)"
          type="time"
          value={v.startTime}
          onChange={(startTime) => setV({ ...v, startTime })}
        />
        <TextField form={form} name="endTime" label="Ends" type="time" value={v.endTime} onChange={(endTime) => setV({ ...v, endTime })} />
        <TextField
          form={form}
          name="capacity"
          label="Pupils"
          optional
          hint="Empty: as many as the offer takes."
          inputMode="numeric"
          value={v.capacity}
          onChange={(capacity) => setV({ ...v, capacity })}
        />
      </div>
      <SubmitButton form={form}>Add session</SubmitButton>
    </form>
  );
}

type RField = 'schoolId' | 'yearGroup' | 'pupilCount' | 'notes' | 'offerSessionId';

function RequestSessionForm({
  me,
  session,
  yearGroups,
  maxPupils,
  onCancel,
}: {
  me: Me;
  session: { id: string; startsAt: string; endsAt: string };
  yearGroups: readonly number[];
  maxPupils: number;
  onCancel: () => void;
}) {
  const schools = useQuery(SCHOOL_OPTIONS, {}, { skip: !!me.schoolId });
  const [v, setV] = useState({
    schoolId: me.schoolId ?? '',
    yearGroup: String(yearGroups[0] ?? ''),
    pupilCount: String(maxPupils),
    notes: '',
  });
  const [request] = useMutation(REQUEST_SESSION);
  const form = useApiForm<RField>(['schoolId', 'yearGroup', 'pupilCount', 'notes', 'offerSessionId']);
  return (
    <form
      className="card stack-form"
      aria-labelledby={`request-${session.id}`}
      noValidate
      onSubmit={form.handleSubmit(
        () => {
          const e: FieldErrors<RField> = {};
          if (!v.schoolId) e.schoolId = 'Choose the school';
          if (!/^\d+$/.test(v.pupilCount) || Number(v.pupilCount) < 1) e.pupilCount = 'Enter how many pupils will take part';
          else if (Number(v.pupilCount) > maxPupils) e.pupilCount = `This session takes at most ${maxPupils} pupils`;
          return e;
        },
        async () => {
          const r = await request({
            input: {
              offerSessionId: session.id,
              schoolId: v.schoolId,
              yearGroup: Number(v.yearGroup),
              pupilCount: Number(v.pupilCount),
              ...(v.notes.trim() ? { notes: v.notes.trim() } : {}),
            },
          });
          navigate(href('bookings', r.requestOfferSession.id));
        },
      )}
    >
      <h3 id={`request-${session.id}`}>{`Ask for ${formatSlot(session.startsAt, session.endsAt)}`}</h3>
      <FormAlert form={form} />
      {form.fieldErrors.offerSessionId && <p className="form-error">{form.fieldErrors.offerSessionId}</p>}
      <div className="form-grid">
        {!me.schoolId && (
          <SelectField
            form={form}
            name="schoolId"
            label="School"
            placeholder="Choose a school"
            choices={(schools.data?.schools.nodes ?? []).map((s) => ({ value: s.id, label: s.name }))}
            value={v.schoolId}
            onChange={(schoolId) => setV({ ...v, schoolId })}
          />
        )}
        <SelectField
          form={form}
          name="yearGroup"
          label="Year group"
          choices={yearGroups.map((y) => ({ value: String(y), label: `Year ${y}` }))}
          value={v.yearGroup}
          onChange={(yearGroup) => setV({ ...v, yearGroup })}
        />
        <TextField
          form={form}
          name="pupilCount"
          label="Pupils"
          inputMode="numeric"
          value={v.pupilCount}
          onChange={(pupilCount) => setV({ ...v, pupilCount })}
        />
      </div>
      <TextAreaField
        form={form}
        name="notes"
        label="A note for the employer"
        optional
        rows={2}
        value={v.notes}
        onChange={(notes) => setV({ ...v, notes })}
      />
      <div className="button-row">
        <SubmitButton form={form} busy="Sending…">
          Send request
        </SubmitButton>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

export function OfferDetailPage({ me, offerId }: { me: Me; offerId: string }) {
  const offer = useQuery(OFFER, { id: offerId });
  const [cancel] = useMutation(CANCEL_SESSION);
  const [editing, setEditing] = useState(false);
  const [asking, setAsking] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ text: string; tone: 'success' | 'error' } | null>(null);
  const editable = canEditOffers(me);
  const now = clock.now().toISOString();
  return (
    <QueryView state={offer} what="Loading the offer">
      {({ offer: o }) => {
        const initial: OfferValues = {
          employerId: o.employerId,
          title: o.title,
          activityType: o.activityType,
          format: o.format,
          durationMinutes: String(o.durationMinutes),
          pupilsPerSession: String(o.pupilsPerSession),
          sessionsAvailable: String(o.sessionsAvailable),
          yearGroups: o.yearGroups.map(String),
          travelRadiusKm: o.travelRadiusKm?.toString() ?? '',
          description: o.description ?? '',
          status: o.status === 'draft' ? 'draft' : 'published',
          windows: o.availabilityWindows.map((w) => ({
            startsOn: w.startsOn,
            endsOn: w.endsOn,
            weekdays: [...w.weekdays],
            startTime: w.startTime.slice(0, 5),
            endTime: w.endTime.slice(0, 5),
          })),
        };
        const sessions = [...o.sessions].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
        return (
          <>
            <p className="breadcrumb">
              <a href={href('offers')}>Offers</a> /
            </p>
            <PageHeader
              title={o.title}
              lede={`${o.employer.name} · ${label(ACTIVITY_TYPES, o.activityType)} · ${label(FORMATS, o.format)} · counts for Benchmark ${o.benchmark}`}
              actions={
                editable && (
                  <button type="button" className="button button--secondary" onClick={() => setEditing(!editing)} aria-expanded={editing}>
                    {editing ? 'Close the editor' : 'Edit offer'}
                  </button>
                )
              }
            />
            {notice && <Notice tone={notice.tone}>{notice.text}</Notice>}
            {editing && (
              <OfferForm
                me={me}
                offerId={o.id}
                initial={initial}
                onSaved={() => {
                  setEditing(false);
                  setNotice({ text: 'Offer saved.', tone: 'success' });
                  offer.reload();
                }}
              />
            )}
            <dl className="facts">
              <dt>For</dt>
              <dd>{yearGroupsText(o.yearGroups)}</dd>
              <dt>Session</dt>
              <dd>{`${o.durationMinutes} minutes, up to ${o.pupilsPerSession} pupils`}</dd>
              <dt>Sessions offered</dt>
              <dd>{o.sessionsAvailable}</dd>
              {o.travelRadiusKm !== null && (
                <>
                  <dt>Travels up to</dt>
                  <dd>{`${o.travelRadiusKm} km`}</dd>
                </>
              )}
            </dl>
            {o.description && <p className="description">{o.description}</p>}
            <h2>Availability</h2>
            {o.availabilityWindows.length === 0 ? (
              <p className="muted">No recurring availability given: only the sessions below.</p>
            ) : (
              <ul>
                {o.availabilityWindows.map((w) => (
                  <li
                    key={w.id}
                  >{`${formatDate(w.startsOn)} to ${formatDate(w.endsOn)}, ${w.weekdays.map((d) => WEEKDAYS[d - 1]).join(', ')}, ${w.startTime.slice(0, 5)}–${w.endTime.slice(0, 5)}`}</li>
                ))}
              </ul>
            )}
            <h2>Sessions</h2>
            {sessions.length === 0 ? (
              <EmptyState title="No sessions yet">
                {editable
                  ? 'Add a concrete session below so schools can ask for it.'
                  : 'The employer has not put up dates yet. Post a request on the Requests page instead.'}
              </EmptyState>
            ) : (
              <table className="table">
                <caption className="visually-hidden">Sessions</caption>
                <thead>
                  <tr>
                    <th scope="col">When (UK time)</th>
                    <th scope="col" className="num">
                      Pupils
                    </th>
                    <th scope="col">Status</th>
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {sessions.map((s) => {
                    const open = s.status === 'open' && s.startsAt > now;
                    return (
                      <tr key={s.id}>
                        <th scope="row">{formatSlot(s.startsAt, s.endsAt)}</th>
                        <td className="num">{s.capacity}</td>
                        <td>{s.startsAt <= now && s.status === 'open' ? 'Past' : s.status}</td>
                        <td className="actions">
                          {open && me.role === 'SCHOOL_STAFF' && (
                            <button type="button" className="button button--secondary" onClick={() => setAsking(s.id)}>
                              Ask for this session<span className="visually-hidden">{` on ${formatSlot(s.startsAt, s.endsAt)}`}</span>
                            </button>
                          )}
                          {open && editable && (
                            <button
                              type="button"
                              className="button button--secondary"
                              onClick={() =>
                                cancel({ id: s.id })
                                  .then(() => (setNotice({ text: 'Session cancelled.', tone: 'success' }), offer.reload()))
                                  .catch((err: unknown) => setNotice({ text: errorMessage(err), tone: 'error' }))
                              }
                            >
                              Cancel<span className="visually-hidden">{` session on ${formatSlot(s.startsAt, s.endsAt)}`}</span>
                            </button>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            )}
            {asking &&
              (() => {
                const s = sessions.find((x) => x.id === asking);
                return s ? (
                  <RequestSessionForm
                    me={me}
                    session={s}
                    yearGroups={o.yearGroups}
                    maxPupils={s.capacity}
                    onCancel={() => setAsking(null)}
                  />
                ) : null;
              })()}
            {editable && (
              <AddSessionForm offerId={o.id} onAdded={() => (setNotice({ text: 'Session added.', tone: 'success' }), offer.reload())} />
            )}
          </>
        );
      }}
    </QueryView>
  );
}
