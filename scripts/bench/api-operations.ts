/** The operations `npm run bench:api` sends to the API and to the bare baseline (same bodies). */
export interface BenchOperation {
  key: 'schools' | 'offers' | 'coverage' | 'createRequest';
  label: string;
  query: string;
  /** A write: answers differ by the new row's id, which the equality check masks. */
  write?: boolean;
}

export const BENCH_OPERATIONS: readonly BenchOperation[] = [
  {
    key: 'schools',
    label: 'schools list with pupilCount (20 of 10 schools, ~9,400 pupils)',
    query: '{ schools(first: 20) { totalCount nodes { id name urn postcode phase clusterId pupilCount } } }',
  },
  {
    key: 'offers',
    label: 'offers list with nested employer and sessions (DataLoaders)',
    query:
      '{ offers(first: 20) { totalCount nodes { id title activityType format yearGroups employer { name } sessions { id status startsAt } } } }',
  },
  {
    key: 'coverage',
    label: "cockpit coverage (the coordinator's cluster)",
    query:
      'query($clusterId: ID!) { clusterCoverage(clusterId: $clusterId) { id name academicYearLabel policy { name } figures { benchmark met pupils percentage gap } groups { id name figures { benchmark met pupils percentage gap } } headcountOnly { encounters headcount } } }',
  },
  {
    key: 'createRequest',
    label: 'createRequest (write: request, window, audit row)',
    query: 'mutation($input: CreateRequestInput!) { createRequest(input: $input) { id status } }',
    write: true,
  },
];
