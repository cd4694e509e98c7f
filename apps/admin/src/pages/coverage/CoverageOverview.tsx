/**
 * Where the benchmark gap is: headline coverage for Benchmarks 5 and 6, the clusters compared (hub
 * admins), and the heat map of a cluster's schools × year groups, worst first; a cell opens its gap
 * list.
 */
import { useEffect, useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Me } from '../../auth/types';
import { graphql } from '../../gql';
import { useQuery } from '../../graphql/hooks';
import { formatPercent } from '../../ui/format';
import { QueryView } from '../../ui/states';
import { GapList } from './GapList';
import { HeatMapFor } from './HeatMap';

const CLUSTER_COVERAGE = graphql(`
  query ClusterCoverage($clusterId: ID!) {
    clusterCoverage(clusterId: $clusterId) {
      id name academicYearLabel
      policy { name }
      figures { benchmark met pupils percentage gap }
      groups { id name figures { benchmark met pupils percentage gap } byYearGroup { yearGroup figures { benchmark met pupils percentage gap } } }
      headcountOnly { encounters headcount }
    }
  }
`);

const HUB_COVERAGE = graphql(`
  query HubCoverage {
    hubCoverage {
      name academicYearLabel
      policy { name }
      figures { benchmark met pupils percentage gap }
      groups { id name figures { benchmark met pupils percentage gap } }
      headcountOnly { encounters headcount }
    }
  }
`);

interface FigureLike {
  benchmark: number;
  met: number;
  pupils: number;
  percentage: number | null;
  gap: number;
}

export function Headline({ figures, headcount }: { figures: readonly FigureLike[]; headcount?: { encounters: number; headcount: number } }) {
  return (
    <div className="headline">
      {figures.map((f) => (
        <div key={f.benchmark} className="headline__figure">
          <span className="headline__value">{formatPercent(f.pupils ? f.met / f.pupils : null)}</span>
          <span className="headline__label">{`Benchmark ${f.benchmark}: ${f.met.toLocaleString('en-GB')} of ${f.pupils.toLocaleString('en-GB')} pupils`}</span>
          <span className="muted">{`${f.gap.toLocaleString('en-GB')} still waiting`}</span>
        </div>
      ))}
      {headcount && headcount.encounters > 0 && <p className="small">{`Plus ${headcount.encounters} headcount-only encounters (${headcount.headcount} attendances), counted as headcount, never as pupils.`}</p>}
    </div>
  );
}

function BenchmarkToggle({ value, onChange }: { value: number[]; onChange: (v: number[]) => void }) {
  const options: [string, number[]][] = [
    ['BM5 and BM6', [5, 6]],
    ['Benchmark 5', [5]],
    ['Benchmark 6', [6]],
  ];
  return (
    <div className="tabs" role="group" aria-label="Benchmarks shown">
      {options.map(([label, v]) => (
        <button key={label} type="button" className={`tab${value.join() === v.join() ? ' tab--current' : ''}`} aria-pressed={value.join() === v.join()} onClick={() => onChange(v)}>
          {label}
        </button>
      ))}
    </div>
  );
}

function ClusterHeatMap({ clusterId }: { clusterId: string }) {
  const coverage = useQuery(CLUSTER_COVERAGE, { clusterId });
  const [benchmarks, setBenchmarks] = useState<number[]>([5, 6]);
  const [cell, setCell] = useState<{ schoolId: string; yearGroup: number; benchmark: number } | null>(null);
  return (
    <QueryView state={coverage} what="Counting encounters">
      {({ clusterCoverage: c }) => {
        const schools = c.groups.filter((g): g is typeof g & { id: string } => !!g.id).map((g) => ({ id: g.id, name: g.name }));
        const name = (id: string) => schools.find((s) => s.id === id)?.name ?? 'School';
        return (
          <>
            <Headline figures={c.figures} headcount={c.headcountOnly} />
            <BenchmarkToggle value={benchmarks} onChange={setBenchmarks} />
            <HeatMapFor groups={c.groups} benchmarks={benchmarks} caption={`${c.name}: coverage by school and year group, ${c.academicYearLabel} (${c.policy.name}). Worst school first.`} onCell={(schoolId, yearGroup, benchmark) => setCell({ schoolId, yearGroup, benchmark })} />
            {cell && (
              <section aria-labelledby="cell-gaps" className="panel">
                <h3 id="cell-gaps">{`${name(cell.schoolId)}, Year ${cell.yearGroup}: who is waiting for Benchmark ${cell.benchmark}`}</h3>
                <GapList key={`${cell.schoolId}-${cell.yearGroup}-${cell.benchmark}`} benchmark={cell.benchmark} schoolId={cell.schoolId} yearGroup={cell.yearGroup} />
              </section>
            )}
          </>
        );
      }}
    </QueryView>
  );
}

function HubClusters({ onPick, picked }: { onPick: (id: string) => void; picked: string }) {
  const hub = useQuery(HUB_COVERAGE, {});
  const firstCluster = hub.data?.hubCoverage.groups.find((g) => g.id)?.id;
  useEffect(() => {
    if (!picked && firstCluster) onPick(firstCluster);
  }, [picked, firstCluster, onPick]);
  return (
    <QueryView state={hub} what="Counting encounters across the hub">
      {({ hubCoverage: h }) => {
        const clusters = h.groups.filter((g): g is typeof g & { id: string } => !!g.id);
        const data = clusters.map((g) => ({
          name: g.name,
          BM5: g.figures.find((f) => f.benchmark === 5)?.percentage ?? 0,
          BM6: g.figures.find((f) => f.benchmark === 6)?.percentage ?? 0,
        }));
        return (
          <>
            <p className="muted">{`${h.academicYearLabel}, counted under the ${h.policy.name} policy.`}</p>
            <Headline figures={h.figures} headcount={h.headcountOnly} />
            {clusters.length > 1 && (
              <div className="chart" role="img" aria-label={data.map((d) => `${d.name}: Benchmark 5 ${d.BM5}%, Benchmark 6 ${d.BM6}%`).join('; ')}>
                <ResponsiveContainer width="100%" height={220}>
                  <BarChart data={data} layout="vertical" margin={{ left: 40 }}>
                    <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                    <XAxis type="number" domain={[0, 100]} unit="%" />
                    <YAxis type="category" dataKey="name" width={140} />
                    <Tooltip formatter={(v) => `${String(v)}%`} />
                    <Legend />
                    <Bar isAnimationActive={false} dataKey="BM5" name="Benchmark 5" fill="#0f766e" />
                    <Bar isAnimationActive={false} dataKey="BM6" name="Benchmark 6" fill="#7c3aed" />
                  </BarChart>
                </ResponsiveContainer>
              </div>
            )}
            <div className="toolbar">
              <label htmlFor="heat-cluster">Cluster</label>
              <select id="heat-cluster" value={picked} onChange={(e) => onPick(e.target.value)}>
                {clusters.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            </div>
          </>
        );
      }}
    </QueryView>
  );
}

export function CoverageOverview({ me }: { me: Me }) {
  const [clusterId, setClusterId] = useState(me.clusterId ?? '');
  return (
    <section className="panel" aria-labelledby="coverage-heading">
      <h2 id="coverage-heading">Where the gap is</h2>
      {me.role === 'HUB_ADMIN' && <HubClusters picked={clusterId} onPick={setClusterId} />}
      {clusterId ? <ClusterHeatMap key={clusterId} clusterId={clusterId} /> : me.role === 'COORDINATOR' && <p>Your membership has no cluster: ask your hub admin.</p>}
    </section>
  );
}
