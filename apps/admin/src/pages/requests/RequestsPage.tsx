import * as clock from '../../clock';
/**
 * Requests: schools ask for an activity for a year group in specific time windows. School staff post
 * them; coordinators see their cluster's, oldest waiting first, and propose a session for one.
 */
import { useState } from 'react';
import type { Me } from '../../auth/types';
import { graphql } from '../../gql';
import { useMutation, useQuery } from '../../graphql/hooks';
import { href, navigate } from '../../routing/location';
import { CheckboxGroup, FieldShell, FormAlert, SelectField, SubmitButton, TextAreaField, TextField, useApiForm } from '../../ui/Form';
import { errorMessage, type FieldErrors } from '../../ui/form-errors';
import {
  ACTIVITY_TYPES,
  choicesOf,
  daysBetween,
  FORMATS,
  formatDate,
  formatSlot,
  label,
  londonDay,
  londonToIso,
  plural,
} from '../../ui/format';
import { Pager, usePageCursor } from '../../ui/Pager';
import { EmptyState, Notice, PageHeader, QueryView } from '../../ui/states';
import { SCHOOL_OPTIONS } from '../options';

export const REQUESTS = graphql(`
  query Requests($first: Int, $after: String, $filter: RequestFilter) {
    requests(first: $first, after: $after, filter: $filter) {
      nodes {
        id
        schoolId
        activityType
        yearGroup
        pupilCount
        formats
        deadline
        status
        notes
        createdAt
        windows {
          id
          startsAt
          endsAt
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
      totalCount
    }
  }
`);

const CREATE_REQUEST = graphql(`
  mutation CreateRequest($input: CreateRequestInput!) {
    createRequest(input: $input) {
      id
    }
  }
`);

const CANDIDATE_OFFERS = graphql(`
  query CandidateOffers($filter: OfferFilter) {
    offers(first: 50, filter: $filter) {
      nodes {
        id
        title
        format
        pupilsPerSession
        employer {
          id
          name
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
  }
`);

const PROPOSE = graphql(`
  mutation ProposeBooking($requestId: ID!, $offerSessionId: ID!) {
    proposeBooking(requestId: $requestId, offerSessionId: $offerSessionId) {
      id
      state
    }
  }
`);

interface WindowRow {
  day: string;
  start: string;
  end: string;
}

type Field = 'schoolId' | 'activityType' | 'yearGroup' | 'pupilCount' | 'formats' | 'windows' | 'deadline' | 'notes';
const FIELDS: readonly Field[] = ['schoolId', 'activityType', 'yearGroup', 'pupilCount', 'formats', 'windows', 'deadline', 'notes'];

export interface RequestValues {
  schoolId: string;
  activityType: string;
  yearGroup: string;
  pupilCount: string;
  formats: string[];
  windows: WindowRow[];
  deadline: string;
  notes: string;
}

export function validateRequest(v: RequestValues, today: string = clock.today()): FieldErrors<Field> {
  const e: FieldErrors<Field> = {};
  if (!v.schoolId) e.schoolId = 'Choose the school';
  if (!/^\d+$/.test(v.pupilCount) || Number(v.pupilCount) < 1) e.pupilCount = 'Enter how many pupils, at least 1';
  if (!v.formats.length) e.formats = 'Choose at least one format you would accept';
  if (!v.windows.length) e.windows = 'Add at least one time that suits you';
  else if (v.windows.some((w) => !w.day || !w.start || !w.end || w.end <= w.start))
    e.windows = 'Each time needs a date, and an end after its start';
  else if (v.windows.some((w) => w.day < today)) e.windows = 'Times must be in the future';
  if (v.deadline && v.deadline < today) e.deadline = 'The deadline cannot be in the past';
  return e;
}

function PostRequestForm({ me, onPosted }: { me: Me; onPosted: () => void }) {
  const schools = useQuery(SCHOOL_OPTIONS, {});
  const [v, setV] = useState<RequestValues>({
    schoolId: me.schoolId ?? '',
    activityType: 'mock_interviews',
    yearGroup: '11',
    pupilCount: '30',
    formats: ['in_person_school'],
    windows: [{ day: '', start: '13:30', end: '15:00' }],
    deadline: '',
    notes: '',
  });
  const [create] = useMutation(CREATE_REQUEST);
  const form = useApiForm(FIELDS);
  const school = schools.data?.schools.nodes.find((s) => s.id === v.schoolId);
  const years = school
    ? Array.from({ length: school.highestYearGroup - school.lowestYearGroup + 1 }, (_, i) => school.lowestYearGroup + i)
    : [7, 8, 9, 10, 11, 12, 13];
  const set =
    <K extends keyof RequestValues>(k: K) =>
    (value: RequestValues[K]) =>
      setV({ ...v, [k]: value });
  const setWindow = (i: number, patch: Partial<WindowRow>) =>
    setV({ ...v, windows: v.windows.map((w, j) => (j === i ? { ...w, ...patch } : w)) });
  return (
    <form
      className="card stack-form"
      aria-labelledby="post-request"
      noValidate
      onSubmit={form.handleSubmit(
        () => validateRequest(v),
        async () => {
          await create({
            input: {
              schoolId: v.schoolId,
              activityType: v.activityType,
              yearGroup: Number(v.yearGroup),
              pupilCount: Number(v.pupilCount),
              formats: v.formats,
              windows: v.windows.map((w) => ({ startsAt: londonToIso(w.day, w.start), endsAt: londonToIso(w.day, w.end) })),
              ...(v.deadline ? { deadline: v.deadline } : {}),
              ...(v.notes.trim() ? { notes: v.notes.trim() } : {}),
            },
          });
          setV({ ...v, windows: [{ day: '', start: '13:30', end: '15:00' }], notes: '', deadline: '' });
          onPosted();
        },
      )}
    >
      <h2 id="post-request">Ask for a session</h2>
      <p className="hint">Be specific: “a mock-interview session for 30 Year 11 pupils on Tue 3 Feb, 13:30–15:00” gets answered fastest.</p>
      <FormAlert form={form} />
      <div className="form-grid">
        {!me.schoolId && (
          <SelectField
            form={form}
            name="schoolId"
            label="School"
            placeholder="Choose a school"
            choices={(schools.data?.schools.nodes ?? []).map((s) => ({ value: s.id, label: s.name }))}
            value={v.schoolId}
            onChange={set('schoolId')}
          />
        )}
        <SelectField
          form={form}
          name="activityType"
          label="Activity"
          choices={choicesOf(ACTIVITY_TYPES)}
          value={v.activityType}
          onChange={set('activityType')}
        />
        <SelectField
          form={form}
          name="yearGroup"
          label="Year group"
          choices={years.map((y) => ({ value: String(y), label: `Year ${y}` }))}
          value={v.yearGroup}
          onChange={set('yearGroup')}
        />
        <TextField form={form} name="pupilCount" label="Pupils" inputMode="numeric" value={v.pupilCount} onChange={set('pupilCount')} />
        <TextField
          form={form}
          name="deadline"
          label="Answer needed by"
          optional
          type="date"
          value={v.deadline}
          onChange={set('deadline')}
        />
      </div>
      <CheckboxGroup
        form={form}
        name="formats"
        legend="Formats you would accept"
        choices={choicesOf(FORMATS)}
        values={v.formats}
        onChange={set('formats')}
      />
      <fieldset
        className={`field windows${form.fieldErrors.windows ? ' field--error' : ''}`}
        aria-describedby={form.fieldErrors.windows ? `${form.idFor('windows')}-error` : undefined}
      >
        <legend>Times that suit you (UK time)</legend>
        {form.fieldErrors.windows && (
          <p className="field-error" id={`${form.idFor('windows')}-error`}>
            <span className="visually-hidden">Error: </span>
            {form.fieldErrors.windows}
          </p>
        )}
        {v.windows.map((w, i) => (
          <div className="window-row" key={i} role="group" aria-label={`Time ${i + 1}`}>
            <FieldShell id={`${form.idFor('windows')}-${i}-day`} label="Date">
              {(aria) => <input {...aria} type="date" value={w.day} onChange={(e) => setWindow(i, { day: e.target.value })} />}
            </FieldShell>
            <FieldShell id={`${form.idFor('windows')}-${i}-start`} label="From">
              {(aria) => <input {...aria} type="time" value={w.start} onChange={(e) => setWindow(i, { start: e.target.value })} />}
            </FieldShell>
            <FieldShell id={`${form.idFor('windows')}-${i}-end`} label="Until">
              {(aria) => <input {...aria} type="time" value={w.end} onChange={(e) => setWindow(i, { end: e.target.value })} />}
            </FieldShell>
            {v.windows.length > 1 && (
              <button
                type="button"
                className="button button--secondary"
                onClick={() => setV({ ...v, windows: v.windows.filter((_, j) => j !== i) })}
              >
                Remove<span className="visually-hidden"> time {i + 1}</span>
              </button>
            )}
          </div>
        ))}
        <button
          type="button"
          className="button button--secondary"
          onClick={() => setV({ ...v, windows: [...v.windows, { day: '', start: '13:30', end: '15:00' }] })}
        >
          Add another time
        </button>
      </fieldset>
      <TextAreaField
        form={form}
        name="notes"
        label="Anything the employer should know"
        optional
        rows={2}
        value={v.notes}
        onChange={set('notes')}
      />
      <SubmitButton form={form} busy="Posting…">
        Post request
      </SubmitButton>
    </form>
  );
}

type RequestRow = {
  id: string;
  activityType: string;
  yearGroup: number;
  pupilCount: number;
  formats: readonly string[];
  windows: readonly { startsAt: string; endsAt: string }[];
};

/** Sessions of published offers of the right activity and year group that overlap the request's windows. */
export function fittingSessions<S extends { startsAt: string; endsAt: string; status: string; capacity: number }>(
  request: RequestRow,
  sessions: readonly S[],
): S[] {
  return sessions.filter(
    (s) => s.status === 'open' && s.capacity >= 1 && request.windows.some((w) => s.startsAt < w.endsAt && w.startsAt < s.endsAt),
  );
}

function ProposePanel({
  request,
  schoolName,
  onProposed,
}: {
  request: RequestRow;
  schoolName: string;
  onProposed: (bookingId: string) => void;
}) {
  const offers = useQuery(CANDIDATE_OFFERS, {
    filter: { activityType: request.activityType, yearGroup: request.yearGroup, status: 'published' },
  });
  const [propose] = useMutation(PROPOSE);
  const [error, setError] = useState<string | null>(null);
  return (
    <section className="card" aria-labelledby="fit-heading">
      <h3 id="fit-heading">{`Sessions that fit: ${schoolName}, Year ${request.yearGroup}, ${label(ACTIVITY_TYPES, request.activityType).toLowerCase()}`}</h3>
      <QueryView state={offers} what="Looking for sessions that fit">
        {(d) => {
          const rows = d.offers.nodes
            .filter((o) => request.formats.includes(o.format))
            .flatMap((o) => fittingSessions(request, o.sessions).map((s) => ({ o, s })));
          if (!rows.length)
            return (
              <p>
                No open session of a published offer fits this request’s times, activity, format and year group. Ask an employer for one, or
                suggest other times to the school.
              </p>
            );
          return (
            <>
              {error && <Notice tone="error">{error}</Notice>}
              <ul className="plain-list">
                {rows.map(({ o, s }) => (
                  <li key={s.id}>
                    <strong>{o.employer.name}</strong>: {o.title}, {formatSlot(s.startsAt, s.endsAt)}, {label(FORMATS, o.format)}, up to{' '}
                    {s.capacity} pupils{' '}
                    <button
                      type="button"
                      className="button button--secondary"
                      onClick={() =>
                        propose({ requestId: request.id, offerSessionId: s.id }).then(
                          (r) => onProposed(r.proposeBooking.id),
                          (err: unknown) => setError(errorMessage(err)),
                        )
                      }
                    >
                      Propose<span className="visually-hidden">{` ${o.employer.name} on ${formatSlot(s.startsAt, s.endsAt)}`}</span>
                    </button>
                  </li>
                ))}
              </ul>
            </>
          );
        }}
      </QueryView>
    </section>
  );
}

export function RequestsPage({ me }: { me: Me }) {
  const cursor = usePageCursor();
  const [status, setStatus] = useState('open');
  const [posted, setPosted] = useState(false);
  const [proposing, setProposing] = useState<string | null>(null);
  const requests = useQuery(REQUESTS, { first: 25, after: cursor.after, filter: status ? { status } : {} });
  const schools = useQuery(SCHOOL_OPTIONS, {});
  const schoolName = new Map((schools.data?.schools.nodes ?? []).map((s) => [s.id, s.name]));
  const canPropose = me.role === 'COORDINATOR' || me.role === 'HUB_ADMIN';
  const today = clock.today();
  return (
    <>
      <PageHeader
        title="Requests"
        lede={
          me.role === 'SCHOOL_STAFF'
            ? 'The sessions you have asked for.'
            : 'Schools’ requests for sessions. Propose a session for the ones waiting longest.'
        }
      />
      {posted && (
        <Notice>
          {me.role === 'SCHOOL_STAFF'
            ? 'Your request was posted. Your coordinator will find a session, or an employer will answer.'
            : 'The request was posted. Find a session for it in the list above.'}
        </Notice>
      )}
      <div className="toolbar">
        <label htmlFor="request-status">Show</label>
        <select id="request-status" value={status} onChange={(e) => (setStatus(e.target.value), cursor.reset())}>
          <option value="open">Open</option>
          <option value="matched">Matched</option>
          <option value="fulfilled">Fulfilled</option>
          <option value="">All</option>
        </select>
      </div>
      <QueryView state={requests} what="Loading requests">
        {(d) =>
          d.requests.nodes.length === 0 ? (
            <EmptyState title={status === 'open' ? 'No open requests' : 'No requests here'}>
              {me.role === 'SCHOOL_STAFF'
                ? 'Ask for a specific slot with the form below, or find a posted offer on “Find a session”.'
                : 'Requests appear here when schools ask for sessions.'}
            </EmptyState>
          ) : (
            <>
              <table className="table">
                <caption className="visually-hidden">Requests</caption>
                <thead>
                  <tr>
                    {me.role !== 'SCHOOL_STAFF' && <th scope="col">School</th>}
                    <th scope="col">Activity</th>
                    <th scope="col">Who</th>
                    <th scope="col">When</th>
                    <th scope="col">Waiting</th>
                    <th scope="col">Status</th>
                    {canPropose && (
                      <th scope="col">
                        <span className="visually-hidden">Actions</span>
                      </th>
                    )}
                  </tr>
                </thead>
                <tbody>
                  {[...d.requests.nodes]
                    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
                    .map((r) => (
                      <tr key={r.id}>
                        {me.role !== 'SCHOOL_STAFF' && <th scope="row">{schoolName.get(r.schoolId) ?? '—'}</th>}
                        <td>{label(ACTIVITY_TYPES, r.activityType)}</td>
                        <td>{`Year ${r.yearGroup}, ${r.pupilCount} pupils`}</td>
                        <td>
                          {r.windows.slice(0, 2).map((w) => (
                            <div key={w.id}>{formatSlot(w.startsAt, w.endsAt)}</div>
                          ))}
                          {r.windows.length > 2 && <div className="muted">{`+${r.windows.length - 2} more`}</div>}
                        </td>
                        <td>
                          {plural(daysBetween(londonDay(r.createdAt), today), 'day')}
                          {r.deadline && <div className="muted">{`answer by ${formatDate(r.deadline)}`}</div>}
                        </td>
                        <td>{r.status}</td>
                        {canPropose && (
                          <td className="actions">
                            {r.status === 'open' && (
                              <button
                                type="button"
                                className="button button--secondary"
                                aria-expanded={proposing === r.id}
                                onClick={() => setProposing(proposing === r.id ? null : r.id)}
                              >
                                Find a session
                                <span className="visually-hidden">{` for ${schoolName.get(r.schoolId) ?? 'this school'}, Year ${r.yearGroup}`}</span>
                              </button>
                            )}
                          </td>
                        )}
                      </tr>
                    ))}
                </tbody>
              </table>
              {proposing &&
                (() => {
                  const r = d.requests.nodes.find((x) => x.id === proposing);
                  return r ? (
                    <ProposePanel
                      key={r.id}
                      request={r}
                      schoolName={schoolName.get(r.schoolId) ?? 'School'}
                      onProposed={(id) => navigate(href('bookings', id))}
                    />
                  ) : null;
                })()}
              <Pager
                cursor={cursor}
                hasNextPage={d.requests.pageInfo.hasNextPage}
                endCursor={d.requests.pageInfo.endCursor}
                totalCount={d.requests.totalCount}
                noun="requests"
              />
            </>
          )
        }
      </QueryView>
      {me.role !== 'EMPLOYER_CONTACT' && (
        <PostRequestForm
          me={me}
          onPosted={() => {
            setPosted(true);
            requests.reload();
          }}
        />
      )}
    </>
  );
}
