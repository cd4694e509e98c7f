import * as clock from '../../clock';
/**
 * Encounters: what a school's pupils took part in — a delivered booking (it becomes its encounter by
 * itself) or an activity the school logs here directly — and whether each counts for Benchmarks 5
 * and 6 (and why not).
 */
import { useState } from 'react';
import type { Me } from '../../auth/types';
import { graphql } from '../../gql';
import { useMutation, useQuery } from '../../graphql/hooks';
import { href, navigate } from '../../routing/location';
import { CheckboxGroup, FormAlert, SelectField, SubmitButton, TextField, useApiForm } from '../../ui/Form';
import type { FieldErrors } from '../../ui/form-errors';
import { ACTIVITY_TYPES, choicesOf, FORMATS, formatDate, label, yearGroupsText } from '../../ui/format';
import { Pager, usePageCursor } from '../../ui/Pager';
import { EmptyState, PageHeader, QueryView } from '../../ui/states';
import { EMPLOYER_OPTIONS, SCHOOL_OPTIONS } from '../options';
import { CHECKLIST } from './checklist';

export const ENCOUNTERS = graphql(`
  query Encounters($first: Int, $after: String, $filter: EncounterFilter) {
    encounters(first: $first, after: $after, filter: $filter) {
      nodes {
        id
        title
        date
        activityType
        format
        status
        yearGroups
        headcountOnly
        headcount
        attendanceCount
        checklist
        bookingId
        employers {
          name
        }
        benchmarks {
          benchmark
          counts
          reasons
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

const LOG_ENCOUNTER = graphql(`
  mutation LogEncounter($input: LogEncounterInput!) {
    logEncounter(input: $input) {
      id
    }
  }
`);

export function BenchmarkVerdicts({
  verdicts,
}: {
  verdicts: readonly { benchmark: number; counts: boolean; reasons: readonly string[] }[];
}) {
  return (
    <>
      {verdicts.map((v) => (
        <span key={v.benchmark} className={`tag ${v.counts ? 'tag--ok' : 'tag--missing'}`} title={v.reasons.join(' ')}>
          {`BM${v.benchmark} ${v.counts ? 'counts' : 'does not count'}`}
        </span>
      ))}
    </>
  );
}

type Field =
  'schoolId' | 'title' | 'activityType' | 'format' | 'date' | 'yearGroups' | 'durationMinutes' | 'employerId' | 'headcount' | 'checklist';
const FIELDS: readonly Field[] = [
  'schoolId',
  'title',
  'activityType',
  'format',
  'date',
  'yearGroups',
  'durationMinutes',
  'employerId',
  'headcount',
  'checklist',
];

interface Values {
  schoolId: string;
  title: string;
  activityType: string;
  format: string;
  date: string;
  yearGroups: string[];
  durationMinutes: string;
  employerId: string;
  headcountOnly: string[];
  headcount: string;
  checklist: string[];
}

export function validateEncounter(v: Values, today = clock.today()): FieldErrors<Field> {
  const e: FieldErrors<Field> = {};
  if (!v.schoolId) e.schoolId = 'Choose the school';
  if (!v.date) e.date = 'Enter the date it took place';
  else if (v.date > today) e.date = 'An encounter that has taken place cannot be in the future';
  if (!v.yearGroups.length) e.yearGroups = 'Choose the year groups that took part';
  if (v.durationMinutes && !/^\d+$/.test(v.durationMinutes)) e.durationMinutes = 'Enter the length in whole minutes';
  if (v.headcountOnly.length && !/^\d+$/.test(v.headcount)) e.headcount = 'Enter how many pupils attended';
  return e;
}

/** An activity the school arranged itself (a booked session becomes its encounter when marked delivered). */
function LogEncounterForm({ me }: { me: Me }) {
  const schools = useQuery(SCHOOL_OPTIONS, {}, { skip: !!me.schoolId });
  const employers = useQuery(EMPLOYER_OPTIONS, {});
  const [v, setV] = useState<Values>({
    schoolId: me.schoolId ?? '',
    title: '',
    activityType: 'careers_talk',
    format: 'in_person_school',
    date: clock.today(),
    yearGroups: [],
    durationMinutes: '60',
    employerId: '',
    headcountOnly: [],
    headcount: '',
    checklist: [],
  });
  const [log] = useMutation(LOG_ENCOUNTER);
  const form = useApiForm(FIELDS, { HEADCOUNT_TOO_LARGE: 'headcount' });
  const set =
    <K extends keyof Values>(k: K) =>
    (value: Values[K]) =>
      setV({ ...v, [k]: value });
  return (
    <form
      className="card stack-form"
      aria-labelledby="log-encounter"
      noValidate
      onSubmit={form.handleSubmit(
        () => validateEncounter(v),
        async () => {
          const headcountOnly = v.headcountOnly.length > 0;
          const r = await log({
            input: {
              schoolId: v.schoolId,
              activityType: v.activityType,
              format: v.format,
              date: v.date,
              yearGroups: v.yearGroups.map(Number),
              ...(v.title.trim() ? { title: v.title.trim() } : {}),
              ...(v.durationMinutes ? { durationMinutes: Number(v.durationMinutes) } : {}),
              ...(v.employerId ? { employers: [{ employerId: v.employerId }] } : {}),
              ...(headcountOnly ? { headcountOnly: true, headcount: Number(v.headcount) } : {}),
              checklist: v.checklist,
            },
          });
          navigate(href('encounters', r.logEncounter.id));
        },
      )}
    >
      <h2 id="log-encounter">Log an encounter</h2>
      <p className="hint">
        Something your pupils took part in that was not booked here, like an assembly talk you arranged yourself. (A booked session appears
        in Encounters by itself once it is marked as taken place.) Record who attended on the next page.
      </p>
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
        <TextField form={form} name="title" label="Title" optional value={v.title} onChange={set('title')} />
        <SelectField
          form={form}
          name="activityType"
          label="Activity"
          choices={choicesOf(ACTIVITY_TYPES)}
          value={v.activityType}
          onChange={set('activityType')}
        />
        <SelectField form={form} name="format" label="Where" choices={choicesOf(FORMATS)} value={v.format} onChange={set('format')} />
        <TextField form={form} name="date" label="Date" type="date" value={v.date} onChange={set('date')} />
        <TextField
          form={form}
          name="durationMinutes"
          label="Length (minutes)"
          optional
          inputMode="numeric"
          value={v.durationMinutes}
          onChange={set('durationMinutes')}
        />
        <SelectField
          form={form}
          name="employerId"
          label="Employer"
          optional
          placeholder="None / not listed"
          choices={(employers.data?.employers.nodes ?? []).map((x) => ({ value: x.id, label: x.name }))}
          value={v.employerId}
          onChange={set('employerId')}
        />
      </div>
      <CheckboxGroup
        form={form}
        name="yearGroups"
        legend="Year groups that took part"
        choices={[7, 8, 9, 10, 11, 12, 13].map((y) => ({ value: String(y), label: `Year ${y}` }))}
        values={v.yearGroups}
        onChange={set('yearGroups')}
      />
      <CheckboxGroup
        form={form}
        name="checklist"
        legend="What made it meaningful"
        hint="Benchmark 5 needs the first four; Benchmark 6 needs all seven."
        choices={CHECKLIST}
        values={v.checklist}
        onChange={set('checklist')}
      />
      <CheckboxGroup
        form={form}
        name="headcount"
        legend="Attendance"
        hint="Only if you do not know which pupils took part: a headcount is reported as such and never counted as pupils’ coverage."
        choices={[{ value: 'yes', label: 'I only know how many attended' }]}
        values={v.headcountOnly}
        onChange={set('headcountOnly')}
      />
      {v.headcountOnly.length > 0 && (
        <TextField
          form={form}
          name="headcount"
          label="How many attended"
          inputMode="numeric"
          value={v.headcount}
          onChange={set('headcount')}
        />
      )}
      <SubmitButton form={form}>Log encounter</SubmitButton>
    </form>
  );
}

export function NewEncounterPage({ me }: { me: Me }) {
  return (
    <>
      <p className="breadcrumb">
        <a href={href('encounters')}>Encounters</a> /
      </p>
      <PageHeader title="Log an encounter" />
      <LogEncounterForm me={me} />
    </>
  );
}

export function EncountersPage({ me }: { me: Me }) {
  const cursor = usePageCursor();
  const encounters = useQuery(ENCOUNTERS, { first: 20, after: cursor.after, filter: me.schoolId ? { schoolId: me.schoolId } : {} });
  return (
    <>
      <PageHeader
        title="Encounters"
        lede="What your pupils took part in, who attended, and whether it counts for Benchmarks 5 and 6."
        actions={
          <a className="button button--primary button--inline" href={href('encounters', 'new')}>
            Log an encounter
          </a>
        }
      />
      <QueryView state={encounters} what="Loading encounters">
        {(d) =>
          d.encounters.nodes.length === 0 ? (
            <EmptyState title="No encounters yet">
              Delivered bookings appear here to record attendance. You can also log an activity you arranged yourself, like an assembly
              talk.
            </EmptyState>
          ) : (
            <>
              <table className="table">
                <caption className="visually-hidden">Encounters</caption>
                <thead>
                  <tr>
                    <th scope="col">Date</th>
                    <th scope="col">Activity</th>
                    <th scope="col">Year groups</th>
                    <th scope="col">Attendance</th>
                    <th scope="col">Counts for</th>
                  </tr>
                </thead>
                <tbody>
                  {d.encounters.nodes.map((e) => (
                    <tr key={e.id}>
                      <th scope="row">
                        <a href={href('encounters', e.id)}>{formatDate(e.date)}</a>
                      </th>
                      <td>
                        {`${label(ACTIVITY_TYPES, e.activityType)}${e.employers.length ? ` with ${e.employers.map((x) => x.name).join(', ')}` : ''}`}
                        {e.title && <div className="muted">{e.title}</div>}
                      </td>
                      <td>{yearGroupsText(e.yearGroups)}</td>
                      <td>
                        {e.headcountOnly ? (
                          `Headcount ${e.headcount ?? '—'}`
                        ) : e.attendanceCount ? (
                          `${e.attendanceCount} pupils`
                        ) : (
                          <span className="warn">Not recorded</span>
                        )}
                      </td>
                      <td>
                        <BenchmarkVerdicts verdicts={e.benchmarks} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <Pager
                cursor={cursor}
                hasNextPage={d.encounters.pageInfo.hasNextPage}
                endCursor={d.encounters.pageInfo.endCursor}
                totalCount={d.encounters.totalCount}
                noun="encounters"
              />
            </>
          )
        }
      </QueryView>
    </>
  );
}
