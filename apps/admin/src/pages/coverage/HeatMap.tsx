/**
 * Schools × year groups × Benchmarks 5 and 6: coverage % per cell, the worst school first. Each
 * school's figures come from its own `schoolCoverage` (the API has no school × year-group matrix in
 * one query), fetched together.
 */
import { useEffect, useState } from 'react';
import { useSessionStore } from '../../auth/SessionContext';
import { graphql } from '../../gql';
import type { SchoolCoverageQuery } from '../../gql/graphql';
import { errorMessage } from '../../ui/form-errors';
import { Loading } from '../../ui/states';
import { cellText, heatColour, heatRow, HEAT_BANDS, orderWorstFirst, yearGroupsOf, type HeatRow } from './heatmap';

export const SCHOOL_COVERAGE = graphql(`
  query SchoolCoverage($schoolId: ID!, $academicYear: Int) {
    schoolCoverage(schoolId: $schoolId, academicYear: $academicYear) {
      id name academicYear academicYearLabel
      figures { benchmark met pupils percentage gap priorityPupils priorityMet disadvantagedPupils disadvantagedMet }
      byYearGroup { yearGroup figures { benchmark met pupils percentage gap priorityPupils priorityMet disadvantagedPupils disadvantagedMet } }
      headcountOnly { encounters headcount }
      policy { key name }
    }
  }
`);

/** Every school's coverage, fetched in parallel; reloads when `version` changes. */
export function useSchoolCoverages(schools: readonly { id: string; name: string }[], version = 0): { rows: HeatRow[] | null; error: string | null } {
  const store = useSessionStore();
  const [state, setState] = useState<{ rows: HeatRow[] | null; error: string | null }>({ rows: null, error: null });
  const key = schools.map((s) => s.id).join(',');
  useEffect(() => {
    let live = true;
    Promise.all(schools.map((s) => store.authorized<SchoolCoverageQuery>(SCHOOL_COVERAGE, { schoolId: s.id }).then((d) => heatRow(s.id, s.name, d.schoolCoverage))))
      .then((rows) => live && setState({ rows, error: null }))
      .catch((err: unknown) => live && setState({ rows: null, error: errorMessage(err) }));
    return () => {
      live = false;
    };
  }, [store, key, version]);
  return state;
}

export function HeatMap({ rows, benchmarks, caption, onCell }: { rows: readonly HeatRow[]; benchmarks: readonly number[]; caption: string; onCell?: (schoolId: string, yearGroup: number, benchmark: number) => void }) {
  const ordered = orderWorstFirst(rows, benchmarks);
  const years = yearGroupsOf(rows);
  return (
    <div className="heatmap-wrap">
      <table className="heatmap">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col" rowSpan={benchmarks.length > 1 ? 2 : 1}>
              School
            </th>
            {years.map((y) => (
              <th key={y} scope="colgroup" colSpan={benchmarks.length}>{`Year ${y}`}</th>
            ))}
          </tr>
          {benchmarks.length > 1 && (
            <tr>
              {years.flatMap((y) =>
                benchmarks.map((b) => (
                  <th key={`${y}-${b}`} scope="col" className="heatmap__bm">
                    <abbr title={`Benchmark ${b}`}>{`BM${b}`}</abbr>
                  </th>
                )),
              )}
            </tr>
          )}
        </thead>
        <tbody>
          {ordered.map((r) => (
            <tr key={r.id}>
              <th scope="row">{r.name}</th>
              {years.flatMap((y) =>
                benchmarks.map((b) => {
                  const f = r.cells.get(y)?.get(b);
                  const colours = heatColour(f && f.pupils > 0 ? f.percentage : null);
                  const text = cellText(f);
                  // A button's name must contain its visible text (WCAG 2.5.3), hence the percentage in its label.
                  const title = f && f.pupils > 0 ? `${r.name}, Year ${y}, Benchmark ${b}: ${f.met} of ${f.pupils} pupils (${f.gap} still waiting)` : `${r.name}, Year ${y}, Benchmark ${b}: no pupils counted`;
                  return (
                    <td key={`${y}-${b}`} style={colours} title={title}>
                      {onCell && f && f.gap > 0 ? (
                        <button type="button" className="heatmap__cell" style={{ color: colours.color }} onClick={() => onCell(r.id, y, b)} aria-label={`${title}, ${text}. Show who is waiting`}>
                          {text}
                        </button>
                      ) : (
                        <span aria-label={title}>{text}</span>
                      )}
                    </td>
                  );
                }),
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="heatmap__legend" aria-label="Colour key">
        {HEAT_BANDS.map((b) => (
          <li key={b.label}>
            <span className="swatch" style={{ background: b.background }} aria-hidden="true" /> {b.label}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function HeatMapFor({ schools, benchmarks, caption, version, onCell }: { schools: readonly { id: string; name: string }[]; benchmarks: readonly number[]; caption: string; version?: number; onCell?: (schoolId: string, yearGroup: number, benchmark: number) => void }) {
  const { rows, error } = useSchoolCoverages(schools, version);
  if (error) return <p role="alert" className="form-error">{`Could not load coverage: ${error}`}</p>;
  if (!rows) return <Loading what="Counting encounters" />;
  if (!rows.length) return <p className="muted">No schools to show.</p>;
  return <HeatMap rows={rows} benchmarks={benchmarks} caption={caption} onCell={onCell} />;
}
