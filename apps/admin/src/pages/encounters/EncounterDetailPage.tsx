/**
 * One encounter: whether it counts (and why not), the meaningful checklist, and who attended —
 * picked from the year groups' pupils or uploaded as a CSV of pupil references.
 */
import { useState } from 'react';
import type { Me } from '../../auth/types';
import { graphql } from '../../gql';
import type { EncounterQuery } from '../../gql/graphql';
import { useMutation, useQuery } from '../../graphql/hooks';
import { href } from '../../routing/location';
import { CheckboxGroup, FieldShell, FormAlert, SubmitButton, useApiForm } from '../../ui/Form';
import { ACTIVITY_TYPES, FORMATS, formatDate, label, plural, yearGroupsText } from '../../ui/format';
import { Pager, usePageCursor } from '../../ui/Pager';
import { Notice, PageHeader, QueryView } from '../../ui/states';
import { CHECKLIST } from './checklist';
import { BenchmarkVerdicts } from './EncountersPage';

const ENCOUNTER = graphql(`
  query Encounter($id: ID!) {
    encounter(id: $id) {
      id
      title
      date
      activityType
      format
      status
      schoolId
      yearGroups
      headcountOnly
      headcount
      attendanceCount
      checklist
      bookingId
      durationMinutes
      employers {
        employerId
        name
        volunteers
      }
      benchmarks {
        benchmark
        counts
        reasons
      }
      attendees {
        pupilId
        reference
        yearGroup
      }
    }
  }
`);

const SET_CHECKLIST = graphql(`
  mutation SetEncounterChecklist($encounterId: ID!, $criteria: [String!]!) {
    setEncounterChecklist(encounterId: $encounterId, criteria: $criteria) {
      id
      checklist
      benchmarks {
        benchmark
        counts
        reasons
      }
    }
  }
`);

const RECORD_ATTENDANCE = graphql(`
  mutation RecordAttendance($encounterId: ID!, $input: AttendanceInput!) {
    recordAttendance(encounterId: $encounterId, input: $input) {
      added
      removed
      attendanceCount
    }
  }
`);

const RECORD_ATTENDANCE_CSV = graphql(`
  mutation RecordAttendanceCsv($encounterId: ID!, $input: AttendanceCsvInput!) {
    recordAttendanceCsv(encounterId: $encounterId, input: $input) {
      added
      removed
      attendanceCount
      errors {
        line
        field
        code
        message
      }
    }
  }
`);

const YEAR_PUPILS = graphql(`
  query YearPupils($schoolId: ID!, $yearGroup: Int!, $first: Int, $after: String) {
    pupils(schoolId: $schoolId, first: $first, after: $after, filter: { yearGroup: $yearGroup }) {
      nodes {
        id
        reference
        displayName
        disadvantaged
        atRisk
        send
        careExperienced
      }
      pageInfo {
        endCursor
        hasNextPage
      }
      totalCount
    }
  }
`);

type Encounter = EncounterQuery['encounter'];

function ChecklistForm({ encounter, onSaved }: { encounter: Encounter; onSaved: () => void }) {
  const [ticked, setTicked] = useState<string[]>([...encounter.checklist]);
  const [save] = useMutation(SET_CHECKLIST);
  const form = useApiForm(['criteria'] as const);
  return (
    <form
      className="card stack-form"
      aria-labelledby="checklist-heading"
      noValidate
      onSubmit={form.handleSubmit(
        () => ({}),
        async () => {
          await save({ encounterId: encounter.id, criteria: ticked });
          onSaved();
        },
      )}
    >
      <h2 id="checklist-heading">Was it meaningful?</h2>
      <FormAlert form={form} />
      <CheckboxGroup
        form={form}
        name="criteria"
        legend="Tick what happened"
        hint="Benchmark 5 needs the first four; Benchmark 6 needs all seven."
        choices={CHECKLIST}
        values={ticked}
        onChange={setTicked}
      />
      <SubmitButton form={form}>Save checklist</SubmitButton>
    </form>
  );
}

function PickPupils({ encounter, onSaved }: { encounter: Encounter; onSaved: (text: string) => void }) {
  const [yearGroup, setYearGroup] = useState(encounter.yearGroups[0] ?? 7);
  const cursor = usePageCursor();
  const pupils = useQuery(YEAR_PUPILS, { schoolId: encounter.schoolId, yearGroup, first: 50, after: cursor.after });
  const attending = new Set((encounter.attendees ?? []).map((a) => a.pupilId));
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [record] = useMutation(RECORD_ATTENDANCE);
  const form = useApiForm(['pupilIds'] as const);
  const toggle = (id: string, on: boolean) => setPicked((s) => (on ? new Set(s).add(id) : new Set([...s].filter((x) => x !== id))));
  return (
    <form
      className="card stack-form"
      aria-labelledby="pick-heading"
      noValidate
      onSubmit={form.handleSubmit(
        () => (picked.size ? {} : { pupilIds: 'Tick the pupils who attended' }),
        async () => {
          const r = await record({ encounterId: encounter.id, input: { pupilIds: [...picked], mode: 'add' } });
          setPicked(new Set());
          onSaved(
            `${plural(r.recordAttendance.added, 'pupil')} added; ${plural(r.recordAttendance.attendanceCount, 'pupil')} attended in all.`,
          );
        },
      )}
    >
      <h3 id="pick-heading">Pick the pupils who attended</h3>
      <FormAlert form={form} />
      <div className="toolbar">
        <label htmlFor="attend-year">Year group</label>
        <select id="attend-year" value={yearGroup} onChange={(e) => (setYearGroup(Number(e.target.value)), cursor.reset())}>
          {encounter.yearGroups.map((y) => (
            <option key={y} value={y}>{`Year ${y}`}</option>
          ))}
        </select>
      </div>
      <QueryView state={pupils} what="Loading pupils">
        {(d) => {
          const free = d.pupils.nodes.filter((p) => !attending.has(p.id));
          return (
            <fieldset className={`field${form.fieldErrors.pupilIds ? ' field--error' : ''}`}>
              <legend>{`Year ${yearGroup}: ${d.pupils.totalCount} pupils`}</legend>
              {form.fieldErrors.pupilIds && (
                <p className="field-error" id={`${form.idFor('pupilIds')}-error`}>
                  {form.fieldErrors.pupilIds}
                </p>
              )}
              {free.length > 0 && (
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => setPicked(new Set([...picked, ...free.map((p) => p.id)]))}
                >
                  {`Tick all ${free.length} on this page`}
                </button>
              )}
              <div className="pupil-grid">
                {d.pupils.nodes.map((p, i) => (
                  <label key={p.id} className="checkbox">
                    <input
                      type="checkbox"
                      id={i === 0 ? form.idFor('pupilIds') : undefined}
                      checked={attending.has(p.id) || picked.has(p.id)}
                      disabled={attending.has(p.id)}
                      onChange={(e) => toggle(p.id, e.target.checked)}
                    />
                    {` ${p.reference}${p.displayName ? ` (${p.displayName})` : ''}`}
                  </label>
                ))}
              </div>
              <Pager
                cursor={cursor}
                hasNextPage={d.pupils.pageInfo.hasNextPage}
                endCursor={d.pupils.pageInfo.endCursor}
                totalCount={d.pupils.totalCount}
                noun="pupils"
              />
            </fieldset>
          );
        }}
      </QueryView>
      <SubmitButton form={form}>{`Record ${picked.size ? plural(picked.size, 'pupil') : 'attendance'}`}</SubmitButton>
    </form>
  );
}

function UploadAttendance({ encounterId, onSaved }: { encounterId: string; onSaved: (text: string) => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<{ line: number; field: string; message: string }[]>([]);
  const [record] = useMutation(RECORD_ATTENDANCE_CSV);
  const form = useApiForm(['csv'] as const);
  return (
    <form
      className="card stack-form"
      aria-labelledby="csv-heading"
      noValidate
      onSubmit={form.handleSubmit(
        () => (file ? {} : { csv: 'Choose the CSV file with the pupils’ references' }),
        async () => {
          if (!file) return;
          const r = await record({ encounterId, input: { csv: await file.text(), mode: 'add' } });
          setErrors(r.recordAttendanceCsv.errors);
          if (!r.recordAttendanceCsv.errors.length) onSaved(`${plural(r.recordAttendanceCsv.added, 'pupil')} added from the file.`);
        },
      )}
    >
      <h3 id="csv-heading">Or upload a register (CSV)</h3>
      <p className="hint">
        A header row and a column of pupil references (UPN, Reference or Admission Number). If a line is wrong, nothing is saved and the
        lines are listed.
      </p>
      <FormAlert form={form} />
      <FieldShell id={form.idFor('csv')} label="Register file" error={form.fieldErrors.csv}>
        {(aria) => (
          <input {...aria} type="file" accept=".csv,text/csv" onChange={(e) => (setFile(e.target.files?.[0] ?? null), setErrors([]))} />
        )}
      </FieldShell>
      {errors.length > 0 && (
        <table className="table">
          <caption>Lines with problems: nothing was saved</caption>
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">Problem</th>
            </tr>
          </thead>
          <tbody>
            {errors.map((e, i) => (
              <tr key={`${e.line}-${i}`}>
                <th scope="row">{e.line}</th>
                <td>{e.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <SubmitButton form={form} busy="Uploading…">
        Upload register
      </SubmitButton>
    </form>
  );
}

export function EncounterDetailPage({ me, encounterId }: { me: Me; encounterId: string }) {
  const encounter = useQuery(ENCOUNTER, { id: encounterId });
  const [notice, setNotice] = useState<string | null>(null);
  const saved = (text: string) => {
    setNotice(text);
    encounter.reload();
  };
  const canRecord = me.role !== 'EMPLOYER_CONTACT';
  return (
    <QueryView state={encounter} what="Loading the encounter">
      {({ encounter: e }) => (
        <>
          <p className="breadcrumb">
            <a href={href('encounters')}>Encounters</a> /
          </p>
          <PageHeader
            title={e.title ?? `${label(ACTIVITY_TYPES, e.activityType)} on ${formatDate(e.date)}`}
            lede={`${label(ACTIVITY_TYPES, e.activityType)} · ${label(FORMATS, e.format)} · ${formatDate(e.date)} · ${yearGroupsText(e.yearGroups)}${e.employers.length ? ` · with ${e.employers.map((x) => x.name).join(', ')}` : ''}`}
          />
          {notice && <Notice>{notice}</Notice>}
          <section className="panel" aria-labelledby="counts-heading">
            <h2 id="counts-heading">Does it count?</h2>
            <BenchmarkVerdicts verdicts={e.benchmarks} />
            <ul>
              {e.benchmarks.flatMap((b) =>
                b.reasons.map((r, i) => <li key={`${b.benchmark}-${i}`}>{`Benchmark ${b.benchmark}: ${r}`}</li>),
              )}
            </ul>
            <p>
              {e.headcountOnly
                ? `Headcount only: ${e.headcount ?? 0} attended (reported as headcount, never as pupils).`
                : `${plural(e.attendanceCount, 'pupil')} recorded as attending.`}
            </p>
          </section>
          {canRecord && <ChecklistForm key={e.checklist.join()} encounter={e} onSaved={() => saved('Checklist saved.')} />}
          {canRecord && !e.headcountOnly && e.status === 'delivered' && (
            <section aria-labelledby="attendance-heading">
              <h2 id="attendance-heading">Who attended</h2>
              {(e.attendees ?? []).length > 0 && (
                <p className="muted">{`Recorded: ${(e.attendees ?? [])
                  .map((a) => a.reference)
                  .slice(0, 30)
                  .join(', ')}${(e.attendees ?? []).length > 30 ? '…' : ''}`}</p>
              )}
              <PickPupils encounter={e} onSaved={saved} />
              <UploadAttendance encounterId={e.id} onSaved={saved} />
            </section>
          )}
        </>
      )}
    </QueryView>
  );
}
