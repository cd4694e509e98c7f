/**
 * A school's progress on Benchmarks 5 and 6 by year group (chart and table), the gap list with
 * disadvantaged and at-risk pupils first, frozen snapshots and the CSV report.
 */
import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useSessionStore } from '../../auth/SessionContext';
import { graphql } from '../../gql';
import type { CoverageCsvQuery } from '../../gql/graphql';
import { useMutation, useQuery } from '../../graphql/hooks';
import { errorMessage } from '../../ui/form-errors';
import { formatDate, formatPercent } from '../../ui/format';
import { EmptyState, Notice, QueryView } from '../../ui/states';
import { Headline } from './CoverageOverview';
import { downloadText } from './download';
import { GapList } from './GapList';
import { SCHOOL_COVERAGE } from './HeatMap';

const COVERAGE_CSV = graphql(`
  query CoverageCsv($input: CoverageCsvInput!) {
    coverageCsv(input: $input) { filename content contentType rows }
  }
`);

const SNAPSHOTS = graphql(`
  query CoverageSnapshots($filter: CoverageSnapshotFilter) {
    coverageSnapshots(first: 10, filter: $filter) { nodes { id asOf kind takenAt figures { benchmark met pupils percentage } } totalCount }
  }
`);

const TAKE_SNAPSHOT = graphql(`
  mutation TakeCoverageSnapshot($input: TakeCoverageSnapshotInput!) {
    takeCoverageSnapshot(input: $input) { id asOf }
  }
`);

/** Rows for the per-year-group chart: BM5 and BM6 coverage in %. */
export function yearGroupChartData(byYearGroup: readonly { yearGroup: number; figures: readonly { benchmark: number; met: number; pupils: number }[] }[]) {
  const pct = (f?: { met: number; pupils: number }) => (f && f.pupils ? Math.round((f.met / f.pupils) * 1000) / 10 : 0);
  return byYearGroup.map((y) => ({ year: `Year ${y.yearGroup}`, BM5: pct(y.figures.find((f) => f.benchmark === 5)), BM6: pct(y.figures.find((f) => f.benchmark === 6)) }));
}

function Snapshots({ schoolId }: { schoolId: string }) {
  const store = useSessionStore();
  const snapshots = useQuery(SNAPSHOTS, { filter: { schoolId } });
  const [take, { running }] = useMutation(TAKE_SNAPSHOT);
  const [notice, setNotice] = useState<{ text: string; tone: 'success' | 'error' } | null>(null);
  const download = (snapshotId?: string) =>
    store
      .authorized<CoverageCsvQuery>(COVERAGE_CSV, { input: { schoolId, ...(snapshotId ? { snapshotId } : {}) } })
      .then((d) => downloadText(d.coverageCsv.filename, d.coverageCsv.content, d.coverageCsv.contentType))
      .catch((err: unknown) => setNotice({ text: errorMessage(err), tone: 'error' }));
  return (
    <section className="panel" aria-labelledby="reports-heading">
      <h2 id="reports-heading">Reports</h2>
      <p>Download the report as it stands today, or freeze a snapshot on the day you report (31 Dec, 31 Mar, 31 Jul): a snapshot stays the same even if attendance is corrected later.</p>
      {notice && <Notice tone={notice.tone}>{notice.text}</Notice>}
      <div className="button-row">
        <button type="button" className="button button--primary button--inline" onClick={() => void download()}>
          Download today’s report (CSV)
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={running}
          onClick={() =>
            take({ input: { schoolId } })
              .then((r) => (setNotice({ text: `Snapshot frozen as of ${formatDate(r.takeCoverageSnapshot.asOf)}.`, tone: 'success' }), snapshots.reload()))
              .catch((err: unknown) => setNotice({ text: errorMessage(err), tone: 'error' }))
          }
        >
          Freeze a snapshot today
        </button>
      </div>
      <QueryView state={snapshots} what="Loading snapshots">
        {(d) =>
          d.coverageSnapshots.nodes.length === 0 ? (
            <p className="muted">No snapshots yet.</p>
          ) : (
            <table className="table">
              <caption>Frozen snapshots</caption>
              <thead>
                <tr>
                  <th scope="col">As of</th>
                  <th scope="col">Benchmark 5</th>
                  <th scope="col">Benchmark 6</th>
                  <th scope="col">
                    <span className="visually-hidden">Download</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {d.coverageSnapshots.nodes.map((s) => (
                  <tr key={s.id}>
                    <th scope="row">{`${formatDate(s.asOf)}${s.kind === 'reporting' ? ' (reporting day)' : ''}`}</th>
                    {[5, 6].map((b) => {
                      const f = s.figures.find((x) => x.benchmark === b);
                      return <td key={b}>{f ? `${formatPercent(f.pupils ? f.met / f.pupils : null)} (${f.met}/${f.pupils})` : '—'}</td>;
                    })}
                    <td className="actions">
                      <button type="button" className="button button--secondary" onClick={() => void download(s.id)}>
                        CSV<span className="visually-hidden">{` of the snapshot as of ${formatDate(s.asOf)}`}</span>
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </QueryView>
    </section>
  );
}

export function SchoolProgress({ schoolId }: { schoolId: string }) {
  const coverage = useQuery(SCHOOL_COVERAGE, { schoolId });
  const [benchmark, setBenchmark] = useState(5);
  const [yearGroup, setYearGroup] = useState<number | undefined>(undefined);
  return (
    <>
      <QueryView state={coverage} what="Counting encounters">
        {({ schoolCoverage: c }) => (
          <section className="panel" aria-labelledby="progress-heading">
            <h2 id="progress-heading">{`${c.name}, ${c.academicYearLabel}`}</h2>
            <p className="muted">{`Counted under the ${c.policy.name} policy.`}</p>
            <Headline figures={c.figures} headcount={c.headcountOnly} />
            {c.byYearGroup.length === 0 ? (
              <EmptyState title="No pupils counted yet">Import your pupils on the Pupils page; their encounters are counted here as you record attendance.</EmptyState>
            ) : (
              <>
                <div className="chart" role="img" aria-label={yearGroupChartData(c.byYearGroup).map((d) => `${d.year}: Benchmark 5 ${d.BM5}%, Benchmark 6 ${d.BM6}%`).join('; ')}>
                  <ResponsiveContainer width="100%" height={240}>
                    <BarChart data={yearGroupChartData(c.byYearGroup)}>
                      <CartesianGrid strokeDasharray="3 3" vertical={false} />
                      <XAxis dataKey="year" />
                      <YAxis domain={[0, 100]} unit="%" />
                      <Tooltip formatter={(v) => `${String(v)}%`} />
                      <Legend />
                      <Bar isAnimationActive={false} dataKey="BM5" name="Benchmark 5" fill="#0f766e" />
                      <Bar isAnimationActive={false} dataKey="BM6" name="Benchmark 6" fill="#7c3aed" />
                    </BarChart>
                  </ResponsiveContainer>
                </div>
                <table className="table">
                  <caption>By year group: pupils who have met each benchmark</caption>
                  <thead>
                    <tr>
                      <th scope="col">Year group</th>
                      <th scope="col">Benchmark 5</th>
                      <th scope="col">Benchmark 6</th>
                      <th scope="col">Disadvantaged met (BM5)</th>
                    </tr>
                  </thead>
                  <tbody>
                    {c.byYearGroup.map((y) => {
                      const f5 = y.figures.find((f) => f.benchmark === 5);
                      const f6 = y.figures.find((f) => f.benchmark === 6);
                      const text = (f?: { met: number; pupils: number; gap: number }) => (f && f.pupils ? `${formatPercent(f.met / f.pupils)} (${f.met} of ${f.pupils}; ${f.gap} waiting)` : '—');
                      return (
                        <tr key={y.yearGroup}>
                          <th scope="row">{`Year ${y.yearGroup}`}</th>
                          <td>{text(f5)}</td>
                          <td>{text(f6)}</td>
                          <td>{f5 && f5.disadvantagedPupils ? `${f5.disadvantagedMet} of ${f5.disadvantagedPupils}` : '—'}</td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </>
            )}
            <h3>Who is still waiting</h3>
            <div className="toolbar">
              <label htmlFor="gap-benchmark">Benchmark</label>
              <select id="gap-benchmark" value={benchmark} onChange={(e) => setBenchmark(Number(e.target.value))}>
                <option value={5}>Benchmark 5: encounters with employers</option>
                <option value={6}>Benchmark 6: experiences of workplaces</option>
              </select>
              <label htmlFor="gap-year">Year group</label>
              <select id="gap-year" value={yearGroup ?? ''} onChange={(e) => setYearGroup(e.target.value ? Number(e.target.value) : undefined)}>
                <option value="">All</option>
                {c.byYearGroup.map((y) => (
                  <option key={y.yearGroup} value={y.yearGroup}>{`Year ${y.yearGroup}`}</option>
                ))}
              </select>
            </div>
            <GapList key={`${benchmark}-${yearGroup ?? ''}`} benchmark={benchmark} schoolId={schoolId} yearGroup={yearGroup} />
          </section>
        )}
      </QueryView>
      <Snapshots schoolId={schoolId} />
    </>
  );
}
