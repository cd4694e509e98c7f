/** A school's pupils: numbers by year group (chart), the list with its flags, and the CSV import. */
import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Me } from '../../auth/types';
import { graphql } from '../../gql';
import { useQuery } from '../../graphql/hooks';
import { formatDate } from '../../ui/format';
import { Pager, usePageCursor } from '../../ui/Pager';
import { EmptyState, PageHeader, QueryView } from '../../ui/states';
import { SCHOOL_OPTIONS } from '../options';
import { PupilImport } from './PupilImport';

const SCHOOL_PUPILS = graphql(`
  query SchoolPupils($schoolId: ID!, $first: Int, $after: String, $filter: PupilFilter) {
    school(id: $schoolId) {
      id
      name
      lowestYearGroup
      highestYearGroup
      pupilCount
      pupilCounts {
        yearGroup
        pupils
        disadvantaged
        send
        careExperienced
        atRisk
      }
    }
    pupils(schoolId: $schoolId, first: $first, after: $after, filter: $filter) {
      nodes {
        id
        reference
        displayName
        yearGroup
        dateOfBirth
        disadvantaged
        send
        careExperienced
        atRisk
        onRollFrom
      }
      pageInfo {
        endCursor
        hasNextPage
      }
      totalCount
    }
  }
`);

export function SchoolPicker({ me, value, onChange }: { me: Me; value: string; onChange: (id: string) => void }) {
  const schools = useQuery(SCHOOL_OPTIONS, {}, { skip: !!me.schoolId });
  if (me.schoolId) return null;
  return (
    <div className="toolbar">
      <label htmlFor="school-pick">School</label>
      <select id="school-pick" value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">Choose a school</option>
        {(schools.data?.schools.nodes ?? []).map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
    </div>
  );
}

function flags(p: { disadvantaged: boolean; send: boolean; careExperienced: boolean; atRisk: boolean }): string {
  return (
    [p.disadvantaged && 'Disadvantaged', p.send && 'SEND', p.careExperienced && 'Care-experienced', p.atRisk && 'At risk of NEET']
      .filter(Boolean)
      .join(', ') || '—'
  );
}

export function PupilsPage({ me }: { me: Me }) {
  const [schoolId, setSchoolId] = useState(me.schoolId ?? '');
  const [yearGroup, setYearGroup] = useState('');
  const cursor = usePageCursor();
  const data = useQuery(
    SCHOOL_PUPILS,
    { schoolId, first: 25, after: cursor.after, filter: yearGroup ? { yearGroup: Number(yearGroup) } : {} },
    { skip: !schoolId },
  );
  return (
    <>
      <PageHeader title="Pupils" lede="By school reference; names are optional. Every view of pupil records is logged." />
      <SchoolPicker me={me} value={schoolId} onChange={(id) => (setSchoolId(id), cursor.reset())} />
      {!schoolId ? (
        <EmptyState title="Choose a school">Pick the school whose pupils you want to see or import.</EmptyState>
      ) : (
        <QueryView state={data} what="Loading pupils">
          {(d) => (
            <>
              {(d.school.pupilCounts ?? []).length > 0 && (
                <section className="panel" aria-labelledby="by-year">
                  <h2 id="by-year">{`${d.school.pupilCount?.toLocaleString('en-GB') ?? 0} pupils on roll, by year group`}</h2>
                  <div
                    className="chart"
                    role="img"
                    aria-label={(d.school.pupilCounts ?? [])
                      .map((c) => `Year ${c.yearGroup}: ${c.pupils} pupils, ${c.disadvantaged} disadvantaged`)
                      .join('; ')}
                  >
                    <ResponsiveContainer width="100%" height={220}>
                      <BarChart
                        data={(d.school.pupilCounts ?? []).map((c) => ({
                          year: `Y${c.yearGroup}`,
                          Pupils: c.pupils,
                          Disadvantaged: c.disadvantaged,
                          'At risk': c.atRisk,
                        }))}
                      >
                        <CartesianGrid strokeDasharray="3 3" vertical={false} />
                        <XAxis dataKey="year" />
                        <YAxis allowDecimals={false} />
                        <Tooltip />
                        <Legend />
                        <Bar isAnimationActive={false} dataKey="Pupils" fill="#0f766e" />
                        <Bar isAnimationActive={false} dataKey="Disadvantaged" fill="#b45309" />
                        <Bar isAnimationActive={false} dataKey="At risk" fill="#7c3aed" />
                      </BarChart>
                    </ResponsiveContainer>
                  </div>
                </section>
              )}
              <div className="toolbar">
                <label htmlFor="pupil-year">Year group</label>
                <select id="pupil-year" value={yearGroup} onChange={(e) => (setYearGroup(e.target.value), cursor.reset())}>
                  <option value="">All</option>
                  {Array.from(
                    { length: d.school.highestYearGroup - d.school.lowestYearGroup + 1 },
                    (_, i) => d.school.lowestYearGroup + i,
                  ).map((y) => (
                    <option key={y} value={y}>{`Year ${y}`}</option>
                  ))}
                </select>
              </div>
              {d.pupils.nodes.length === 0 ? (
                <EmptyState title="No pupils yet">
                  Import your pupils from your MIS export with the form below. Rows with problems are listed by line number before anything
                  is saved.
                </EmptyState>
              ) : (
                <>
                  <table className="table">
                    <caption className="visually-hidden">Pupils</caption>
                    <thead>
                      <tr>
                        <th scope="col">Reference</th>
                        <th scope="col">Name</th>
                        <th scope="col">Year</th>
                        <th scope="col">Flags</th>
                        <th scope="col">On roll from</th>
                      </tr>
                    </thead>
                    <tbody>
                      {d.pupils.nodes.map((p) => (
                        <tr key={p.id}>
                          <th scope="row">{p.reference}</th>
                          <td>{p.displayName ?? '—'}</td>
                          <td>{p.yearGroup ?? '—'}</td>
                          <td>{flags(p)}</td>
                          <td>{formatDate(p.onRollFrom)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                  <Pager
                    cursor={cursor}
                    hasNextPage={d.pupils.pageInfo.hasNextPage}
                    endCursor={d.pupils.pageInfo.endCursor}
                    totalCount={d.pupils.totalCount}
                    noun="pupils"
                  />
                </>
              )}
            </>
          )}
        </QueryView>
      )}
      {schoolId && (me.role === 'SCHOOL_STAFF' || me.role === 'HUB_ADMIN') && <PupilImport schoolId={schoolId} onImported={data.reload} />}
    </>
  );
}
