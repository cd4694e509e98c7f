/** The employer's impact this academic year: encounters delivered, pupils reached, the share disadvantaged, volunteer hours. */
import { Cell, Pie, PieChart, ResponsiveContainer, Tooltip } from 'recharts';
import type { Me } from '../../auth/types';
import { graphql } from '../../gql';
import { useQuery } from '../../graphql/hooks';
import { formatPercent } from '../../ui/format';
import { EmptyState, PageHeader, QueryView } from '../../ui/states';

const IMPACT = graphql(`
  query EmployerImpact($employerId: ID!) {
    employerImpact(employerId: $employerId) {
      academicYear
      encountersDelivered
      pupilsReached
      disadvantagedReached
      headcountReached
      shareDisadvantaged
      volunteerHours
    }
  }
`);

export function academicYearText(startYear: number | null | undefined): string {
  return startYear ? `Academic year ${startYear}/${String((startYear + 1) % 100).padStart(2, '0')}` : 'This academic year';
}

export function ImpactPage({ me, employerId }: { me: Me; employerId?: string }) {
  const id = employerId ?? me.employerId ?? '';
  const impact = useQuery(IMPACT, { employerId: id }, { skip: !id });
  return (
    <>
      <PageHeader title="Your impact" lede="The pupils your people have met, counted from the attendance schools record." />
      <QueryView state={impact} what="Counting">
        {({ employerImpact: i }) =>
          i.encountersDelivered === 0 ? (
            <EmptyState title="No encounters delivered yet this year">
              Once a school records who attended one of your sessions, the pupils you reached are counted here.
            </EmptyState>
          ) : (
            <section className="panel" aria-labelledby="impact-year">
              <h2 id="impact-year">{academicYearText(i.academicYear)}</h2>
              <div className="headline">
                <div className="headline__figure">
                  <span className="headline__value">{i.encountersDelivered}</span>
                  <span className="headline__label">encounters delivered</span>
                </div>
                <div className="headline__figure">
                  <span className="headline__value">{i.pupilsReached.toLocaleString('en-GB')}</span>
                  <span className="headline__label">pupils reached</span>
                  {i.headcountReached > 0 && <span className="muted">{`plus ${i.headcountReached} by headcount`}</span>}
                </div>
                <div className="headline__figure">
                  <span className="headline__value">{formatPercent(i.shareDisadvantaged)}</span>
                  <span className="headline__label">{`of them disadvantaged (${i.disadvantagedReached})`}</span>
                </div>
                <div className="headline__figure">
                  <span className="headline__value">{(Math.round(i.volunteerHours * 10) / 10).toLocaleString('en-GB')}</span>
                  <span className="headline__label">volunteer hours</span>
                </div>
              </div>
              {i.pupilsReached > 0 && (
                <div
                  className="chart chart--small"
                  role="img"
                  aria-label={`${i.disadvantagedReached} of ${i.pupilsReached} pupils reached were disadvantaged`}
                >
                  <ResponsiveContainer width="100%" height={200}>
                    <PieChart>
                      <Pie
                        isAnimationActive={false}
                        data={[
                          { name: 'Disadvantaged', value: i.disadvantagedReached },
                          { name: 'Other pupils', value: i.pupilsReached - i.disadvantagedReached },
                        ]}
                        dataKey="value"
                        nameKey="name"
                        innerRadius={50}
                        outerRadius={80}
                      >
                        <Cell fill="#b45309" />
                        <Cell fill="#0f766e" />
                      </Pie>
                      <Tooltip />
                    </PieChart>
                  </ResponsiveContainer>
                </div>
              )}
            </section>
          )
        }
      </QueryView>
    </>
  );
}
