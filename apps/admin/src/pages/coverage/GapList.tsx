/** The gap list: pupils still waiting for an encounter, disadvantaged and at-risk pupils first (audited by the API). */
import { useState } from 'react';
import { graphql } from '../../gql';
import { useQuery } from '../../graphql/hooks';
import { ACTIVITY_TYPES, formatDate, label } from '../../ui/format';
import { Pager, usePageCursor } from '../../ui/Pager';
import { EmptyState, QueryView } from '../../ui/states';

const GAPS = graphql(`
  query CoverageGaps($benchmark: Int!, $filter: CoverageGapFilter, $first: Int, $after: String) {
    coverageGaps(benchmark: $benchmark, filter: $filter, first: $first, after: $after) {
      nodes { pupilId reference yearGroup schoolId counted minimum priorityGroups }
      pageInfo { endCursor hasNextPage }
      totalCount
    }
  }
`);

const PUPIL_COVERAGE = graphql(`
  query PupilCoverage($pupilId: ID!) {
    pupilCoverage(pupilId: $pupilId) {
      pupilId reference yearGroup
      statuses { benchmark state counted minimum windowLabel reasons }
      encounters { encounterId date activityType title verdicts { benchmark counts reasons } }
    }
  }
`);

/** One pupil's record (audited by the API): status per benchmark, and the encounters that did or did not count. */
function PupilRecord({ pupilId }: { pupilId: string }) {
  const record = useQuery(PUPIL_COVERAGE, { pupilId });
  return (
    <QueryView state={record} what="Loading the pupil’s record">
      {({ pupilCoverage: p }) => (
        <div className="pupil-record">
          <ul>
            {p.statuses.map((s) => (
              <li key={`${s.benchmark}-${s.windowLabel ?? ''}`}>{`Benchmark ${s.benchmark}${s.windowLabel ? ` (${s.windowLabel})` : ''}: ${s.counted} of ${s.minimum} — ${s.state.replace(/_/g, ' ')}${s.reasons.length ? `. ${s.reasons.join(' ')}` : ''}`}</li>
            ))}
          </ul>
          {p.encounters.length === 0 ? (
            <p className="muted">No encounters recorded for this pupil this year.</p>
          ) : (
            <ul>
              {p.encounters.map((e) => (
                <li key={e.encounterId}>
                  {`${formatDate(e.date)}: ${e.title ?? label(ACTIVITY_TYPES, e.activityType)} — `}
                  {e.verdicts.map((v) => `BM${v.benchmark} ${v.counts ? 'counts' : `does not count (${v.reasons.join(' ')})`}`).join('; ')}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </QueryView>
  );
}

export const PRIORITY_LABELS: Record<string, string> = { disadvantaged: 'Disadvantaged', send: 'SEND', care_experienced: 'Care-experienced', at_risk: 'At risk of NEET' };

export function GapList({ benchmark, schoolId, yearGroup, schoolName }: { benchmark: number; schoolId?: string; yearGroup?: number; schoolName?: (id: string) => string }) {
  const cursor = usePageCursor();
  const [open, setOpen] = useState<string | null>(null);
  const gaps = useQuery(GAPS, { benchmark, first: 15, after: cursor.after, filter: { ...(schoolId ? { schoolId } : {}), ...(yearGroup ? { yearGroup } : {}) } });
  return (
    <QueryView state={gaps} what="Loading the gap list">
      {(d) =>
        d.coverageGaps.nodes.length === 0 ? (
          <EmptyState title="Nobody is waiting">{`Every pupil counted here has met Benchmark ${benchmark} so far this year.`}</EmptyState>
        ) : (
          <>
            <table className="table">
              <caption>{`Pupils still waiting for Benchmark ${benchmark}${yearGroup ? `, Year ${yearGroup}` : ''}: priority groups first`}</caption>
              <thead>
                <tr>
                  <th scope="col">Pupil reference</th>
                  {schoolName && <th scope="col">School</th>}
                  <th scope="col">Year</th>
                  <th scope="col">Priority groups</th>
                  <th scope="col" className="num">
                    Encounters counted
                  </th>
                </tr>
              </thead>
              <tbody>
                {d.coverageGaps.nodes.flatMap((p) => [
                  <tr key={p.pupilId}>
                    <th scope="row">
                      <button type="button" className="link-button" aria-expanded={open === p.pupilId} onClick={() => setOpen(open === p.pupilId ? null : p.pupilId)}>
                        {p.reference}
                        <span className="visually-hidden">: show the pupil’s record</span>
                      </button>
                    </th>
                    {schoolName && <td>{schoolName(p.schoolId)}</td>}
                    <td>{p.yearGroup}</td>
                    <td>{p.priorityGroups.map((g) => PRIORITY_LABELS[g] ?? g).join(', ') || '—'}</td>
                    <td className="num">{`${p.counted} of ${p.minimum}`}</td>
                  </tr>,
                  ...(open === p.pupilId
                    ? [
                        <tr key={`${p.pupilId}-record`}>
                          <td colSpan={schoolName ? 5 : 4}>
                            <PupilRecord pupilId={p.pupilId} />
                          </td>
                        </tr>,
                      ]
                    : []),
                ])}
              </tbody>
            </table>
            <Pager cursor={cursor} hasNextPage={d.coverageGaps.pageInfo.hasNextPage} endCursor={d.coverageGaps.pageInfo.endCursor} totalCount={d.coverageGaps.totalCount} noun="pupils waiting" />
          </>
        )
      }
    </QueryView>
  );
}
