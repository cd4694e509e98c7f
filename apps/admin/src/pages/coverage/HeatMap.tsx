/**
 * Schools × year groups × Benchmarks 5 and 6: coverage % per cell, the worst school first. The rows
 * come from the cluster's one `clusterCoverage` query (each school's `byYearGroup`), not from one
 * query per school (issue 16: a hub of 20 schools sent 20, each up to 750 ms under load).
 */
import { graphql } from '../../gql';
import { cellText, heatColour, heatRow, HEAT_BANDS, orderWorstFirst, yearGroupsOf, type CoverageLike, type HeatRow } from './heatmap';

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

export function HeatMapFor({ groups, benchmarks, caption, onCell }: { groups: readonly (CoverageLike & { id: string | null; name: string })[]; benchmarks: readonly number[]; caption: string; onCell?: (schoolId: string, yearGroup: number, benchmark: number) => void }) {
  const rows = groups.filter((g): g is typeof g & { id: string } => !!g.id).map((g) => heatRow(g.id, g.name, g));
  if (!rows.length) return <p className="muted">No schools to show.</p>;
  return <HeatMap rows={rows} benchmarks={benchmarks} caption={caption} onCell={onCell} />;
}
