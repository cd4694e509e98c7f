/** Small look-ups many forms need (pickers of schools, clusters, employers). */
import { graphql } from '../gql';

export const SCHOOL_OPTIONS = graphql(`
  query SchoolOptions {
    schools(first: 100) {
      nodes {
        id
        name
        urn
        clusterId
        lowestYearGroup
        highestYearGroup
      }
      totalCount
    }
  }
`);

export const CLUSTER_OPTIONS = graphql(`
  query ClusterOptions {
    clusters(first: 100) {
      nodes {
        id
        name
      }
    }
  }
`);

export const EMPLOYER_OPTIONS = graphql(`
  query EmployerOptions {
    employers(first: 100) {
      nodes {
        id
        name
      }
      totalCount
    }
  }
`);

export function yearRange(low: number, high: number): number[] {
  const out: number[] = [];
  for (let y = low; y <= high; y++) out.push(y);
  return out;
}
