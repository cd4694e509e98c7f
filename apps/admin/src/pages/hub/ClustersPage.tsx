/** Clusters: the groups of schools each Enterprise Coordinator looks after (hub admins). */
import { useState } from 'react';
import { graphql } from '../../gql';
import { useMutation, useQuery } from '../../graphql/hooks';
import { FormAlert, SubmitButton, TextField, useApiForm } from '../../ui/Form';
import { formatDate } from '../../ui/format';
import { EmptyState, Notice, PageHeader, QueryView } from '../../ui/states';

const CLUSTERS = graphql(`
  query Clusters {
    clusters(first: 100) {
      nodes {
        id
        name
        createdAt
      }
      totalCount
    }
    schools(first: 100) {
      nodes {
        id
        clusterId
      }
      totalCount
    }
    memberships(first: 100, filter: { role: COORDINATOR }) {
      nodes {
        id
        clusterId
        displayName
        email
      }
    }
  }
`);

const CREATE_CLUSTER = graphql(`
  mutation CreateCluster($input: ClusterInput!) {
    createCluster(input: $input) {
      id
      name
    }
  }
`);

export function ClustersPage() {
  const clusters = useQuery(CLUSTERS, {});
  const [create] = useMutation(CREATE_CLUSTER);
  const [name, setName] = useState('');
  const [added, setAdded] = useState<string | null>(null);
  const form = useApiForm(['name'] as const);
  return (
    <>
      <PageHeader title="Clusters" lede="Each cluster is a group of schools one Enterprise Coordinator looks after." />
      {added && <Notice>{`Cluster “${added}” was added. Invite its coordinator from People.`}</Notice>}
      <QueryView state={clusters} what="Loading clusters">
        {(d) => {
          if (!d.clusters.nodes.length)
            return (
              <EmptyState title="No clusters yet">
                Add a cluster below, then add its schools and invite its Enterprise Coordinator.
              </EmptyState>
            );
          const schools = (id: string) => d.schools.nodes.filter((s) => s.clusterId === id).length;
          const coordinators = (id: string) => d.memberships.nodes.filter((m) => m.clusterId === id).map((m) => m.displayName || m.email);
          return (
            <table className="table">
              <caption className="visually-hidden">Clusters</caption>
              <thead>
                <tr>
                  <th scope="col">Cluster</th>
                  <th scope="col" className="num">
                    Schools
                  </th>
                  <th scope="col">Coordinators</th>
                  <th scope="col">Added</th>
                </tr>
              </thead>
              <tbody>
                {d.clusters.nodes.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">{c.name}</th>
                    <td className="num">{schools(c.id)}</td>
                    <td>{coordinators(c.id).join(', ') || <span className="warn">No coordinator yet</span>}</td>
                    <td>{formatDate(c.createdAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          );
        }}
      </QueryView>
      <form
        className="card stack-form"
        aria-labelledby="add-cluster"
        noValidate
        onSubmit={form.handleSubmit(
          () => (name.trim() ? {} : { name: 'Enter a name for the cluster, like “North Leeds”' }),
          async () => {
            const r = await create({ input: { name: name.trim() } });
            setName('');
            setAdded(r.createCluster.name);
            clusters.reload();
          },
        )}
      >
        <h2 id="add-cluster">Add a cluster</h2>
        <FormAlert form={form} />
        <TextField form={form} name="name" label="Cluster name" value={name} onChange={setName} />
        <SubmitButton form={form}>Add cluster</SubmitButton>
      </form>
    </>
  );
}
