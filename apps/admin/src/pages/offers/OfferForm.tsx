/** Post or edit an offer: what, how, for whom, and when the employer is available (recurring windows). */
import { useState } from 'react';
import type { Me } from '../../auth/types';
import { graphql } from '../../gql';
import { useMutation, useQuery } from '../../graphql/hooks';
import { CheckboxGroup, FieldShell, FormAlert, SelectField, SubmitButton, TextAreaField, TextField, useApiForm } from '../../ui/Form';
import type { FieldErrors } from '../../ui/form-errors';
import { ACTIVITY_TYPES, choicesOf, FORMATS, WEEKDAYS } from '../../ui/format';
import { EMPLOYER_OPTIONS } from '../options';

const CREATE_OFFER = graphql(`
  mutation CreateOffer($input: CreateOfferInput!) {
    createOffer(input: $input) {
      id
      title
    }
  }
`);

const UPDATE_OFFER = graphql(`
  mutation UpdateOffer($id: ID!, $input: UpdateOfferInput!) {
    updateOffer(id: $id, input: $input) {
      id
      title
    }
  }
`);

export interface WindowRow {
  startsOn: string;
  endsOn: string;
  weekdays: number[];
  startTime: string;
  endTime: string;
}

export interface OfferValues {
  employerId: string;
  title: string;
  activityType: string;
  format: string;
  durationMinutes: string;
  pupilsPerSession: string;
  sessionsAvailable: string;
  yearGroups: string[];
  travelRadiusKm: string;
  description: string;
  status: string;
  windows: WindowRow[];
}

type Field =
  | 'employerId'
  | 'title'
  | 'activityType'
  | 'format'
  | 'durationMinutes'
  | 'pupilsPerSession'
  | 'sessionsAvailable'
  | 'yearGroups'
  | 'travelRadiusKm'
  | 'description'
  | 'status'
  | 'availabilityWindows';
const FIELDS: readonly Field[] = [
  'employerId',
  'title',
  'activityType',
  'format',
  'durationMinutes',
  'pupilsPerSession',
  'sessionsAvailable',
  'yearGroups',
  'travelRadiusKm',
  'description',
  'status',
  'availabilityWindows',
];

const positive = (s: string) => /^\d+$/.test(s.trim()) && Number(s) > 0;

export function validateOffer(v: OfferValues): FieldErrors<Field> {
  const e: FieldErrors<Field> = {};
  if (!v.employerId) e.employerId = 'Choose the employer making the offer';
  if (!v.title.trim()) e.title = 'Give the offer a title, like “Mock interviews with our graduate recruiters”';
  if (!positive(v.durationMinutes)) e.durationMinutes = 'Enter how long one session lasts, in minutes';
  if (!positive(v.pupilsPerSession)) e.pupilsPerSession = 'Enter how many pupils one session can take (at least 1)';
  if (!positive(v.sessionsAvailable)) e.sessionsAvailable = 'Enter how many sessions you can run (at least 1)';
  if (!v.yearGroups.length) e.yearGroups = 'Choose at least one year group';
  if (v.format === 'in_person_school' && !v.travelRadiusKm.trim())
    e.travelRadiusKm = 'For visits to schools, say how far you will travel (km)';
  else if (v.travelRadiusKm.trim() && !(Number(v.travelRadiusKm) >= 0)) e.travelRadiusKm = 'Enter a distance in kilometres, like 15';
  const bad = v.windows.find(
    (w) =>
      !w.startsOn || !w.endsOn || w.endsOn < w.startsOn || !w.startTime || !w.endTime || w.endTime <= w.startTime || !w.weekdays.length,
  );
  if (bad)
    e.availabilityWindows =
      'Each window needs a first and last date (last not before first), at least one weekday, and an end time after its start time';
  return e;
}

export function offerInput(v: OfferValues) {
  return {
    title: v.title.trim(),
    activityType: v.activityType,
    format: v.format,
    durationMinutes: Number(v.durationMinutes),
    pupilsPerSession: Number(v.pupilsPerSession),
    sessionsAvailable: Number(v.sessionsAvailable),
    yearGroups: v.yearGroups.map(Number).sort((a, b) => a - b),
    travelRadiusKm: v.travelRadiusKm.trim() ? Number(v.travelRadiusKm) : null,
    description: v.description.trim() || null,
    status: v.status,
    availabilityWindows: v.windows.map((w) => ({
      startsOn: w.startsOn,
      endsOn: w.endsOn,
      weekdays: w.weekdays,
      startTime: w.startTime,
      endTime: w.endTime,
    })),
  };
}

export const EMPTY_OFFER: OfferValues = {
  employerId: '',
  title: '',
  activityType: 'careers_talk',
  format: 'virtual',
  durationMinutes: '60',
  pupilsPerSession: '30',
  sessionsAvailable: '3',
  yearGroups: [],
  travelRadiusKm: '',
  description: '',
  status: 'published',
  windows: [],
};

export function OfferForm({
  me,
  offerId,
  initial,
  onSaved,
}: {
  me: Me;
  offerId?: string;
  initial: OfferValues;
  onSaved: (id: string) => void;
}) {
  const [v, setV] = useState<OfferValues>({ ...initial, employerId: initial.employerId || me.employerId || '' });
  const [create] = useMutation(CREATE_OFFER);
  const [update] = useMutation(UPDATE_OFFER);
  const employers = useQuery(EMPLOYER_OPTIONS, {}, { skip: !!me.employerId || !!offerId });
  const form = useApiForm(FIELDS);
  const set =
    <K extends keyof OfferValues>(k: K) =>
    (value: OfferValues[K]) =>
      setV({ ...v, [k]: value });
  const setWindow = (i: number, patch: Partial<WindowRow>) =>
    setV({ ...v, windows: v.windows.map((w, j) => (j === i ? { ...w, ...patch } : w)) });
  return (
    <form
      className="card stack-form"
      aria-labelledby="offer-form"
      noValidate
      onSubmit={form.handleSubmit(
        () => validateOffer(v),
        async () => {
          if (offerId) {
            await update({ id: offerId, input: offerInput(v) });
            onSaved(offerId);
          } else {
            const r = await create({
              input: {
                ...offerInput(v),
                employerId: v.employerId,
                travelRadiusKm: v.travelRadiusKm.trim() ? Number(v.travelRadiusKm) : undefined,
                description: v.description.trim() || undefined,
              },
            });
            onSaved(r.createOffer.id);
          }
        },
      )}
    >
      <h2 id="offer-form">{offerId ? 'Edit the offer' : 'Post an offer'}</h2>
      <FormAlert form={form} />
      <div className="form-grid">
        {!me.employerId && !offerId && (
          <SelectField
            form={form}
            name="employerId"
            label="Employer"
            placeholder="Choose an employer"
            choices={(employers.data?.employers.nodes ?? []).map((x) => ({ value: x.id, label: x.name }))}
            value={v.employerId}
            onChange={set('employerId')}
          />
        )}
        <TextField form={form} name="title" label="Title" value={v.title} onChange={set('title')} />
        <SelectField
          form={form}
          name="activityType"
          label="Activity"
          choices={choicesOf(ACTIVITY_TYPES)}
          value={v.activityType}
          onChange={set('activityType')}
        />
        <SelectField form={form} name="format" label="Where" choices={choicesOf(FORMATS)} value={v.format} onChange={set('format')} />
        <TextField
          form={form}
          name="durationMinutes"
          label="Length of a session (minutes)"
          inputMode="numeric"
          value={v.durationMinutes}
          onChange={set('durationMinutes')}
        />
        <TextField
          form={form}
          name="pupilsPerSession"
          label="Pupils per session"
          inputMode="numeric"
          value={v.pupilsPerSession}
          onChange={set('pupilsPerSession')}
        />
        <TextField
          form={form}
          name="sessionsAvailable"
          label="Sessions you can run"
          inputMode="numeric"
          value={v.sessionsAvailable}
          onChange={set('sessionsAvailable')}
        />
        {v.format === 'in_person_school' && (
          <TextField
            form={form}
            name="travelRadiusKm"
            label="How far you will travel (km)"
            inputMode="decimal"
            value={v.travelRadiusKm}
            onChange={set('travelRadiusKm')}
          />
        )}
        <SelectField
          form={form}
          name="status"
          label="Visible to schools"
          choices={[
            { value: 'published', label: 'Yes, publish it' },
            { value: 'draft', label: 'Not yet (draft)' },
          ]}
          value={v.status}
          onChange={set('status')}
        />
      </div>
      <CheckboxGroup
        form={form}
        name="yearGroups"
        legend="Year groups"
        choices={[7, 8, 9, 10, 11, 12, 13].map((y) => ({ value: String(y), label: `Year ${y}` }))}
        values={v.yearGroups}
        onChange={set('yearGroups')}
      />
      <TextAreaField
        form={form}
        name="description"
        label="What pupils will do"
        optional
        hint="The purpose and what pupils will learn: it helps the school make it meaningful."
        value={v.description}
        onChange={set('description')}
      />
      <fieldset
        className={`field windows${form.fieldErrors.availabilityWindows ? ' field--error' : ''}`}
        aria-describedby={form.fieldErrors.availabilityWindows ? `${form.idFor('availabilityWindows')}-error` : undefined}
      >
        <legend>When you are available</legend>
        <p className="hint">Dates, weekdays and times (UK time) you could run sessions. Schools ask for a slot inside them.</p>
        {form.fieldErrors.availabilityWindows && (
          <p className="field-error" id={`${form.idFor('availabilityWindows')}-error`}>
            <span className="visually-hidden">Error: </span>
            {form.fieldErrors.availabilityWindows}
          </p>
        )}
        {v.windows.map((w, i) => (
          <div className="window-row" key={i} role="group" aria-label={`Availability window ${i + 1}`}>
            {(
              [
                ['startsOn', 'From', 'date'],
                ['endsOn', 'Until', 'date'],
                ['startTime', 'Start time', 'time'],
                ['endTime', 'End time', 'time'],
              ] as const
            ).map(([k, l, type]) => (
              <FieldShell key={k} id={`${form.idFor('availabilityWindows')}-${i}-${k}`} label={l}>
                {(aria) => <input {...aria} type={type} value={w[k]} onChange={(e) => setWindow(i, { [k]: e.target.value })} />}
              </FieldShell>
            ))}
            <fieldset className="weekdays">
              <legend>Weekdays</legend>
              {WEEKDAYS.map((d, di) => (
                <label key={d} className="checkbox">
                  <input
                    type="checkbox"
                    checked={w.weekdays.includes(di + 1)}
                    onChange={(e) =>
                      setWindow(i, { weekdays: e.target.checked ? [...w.weekdays, di + 1].sort() : w.weekdays.filter((x) => x !== di + 1) })
                    }
                  />{' '}
                  {d}
                </label>
              ))}
            </fieldset>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => setV({ ...v, windows: v.windows.filter((_, j) => j !== i) })}
            >
              Remove<span className="visually-hidden"> window {i + 1}</span>
            </button>
          </div>
        ))}
        <button
          type="button"
          className="button button--secondary"
          onClick={() =>
            setV({
              ...v,
              windows: [...v.windows, { startsOn: '', endsOn: '', weekdays: [1, 2, 3, 4, 5], startTime: '09:00', endTime: '15:00' }],
            })
          }
        >
          Add a window
        </button>
      </fieldset>
      <SubmitButton form={form}>{offerId ? 'Save changes' : 'Post offer'}</SubmitButton>
    </form>
  );
}
