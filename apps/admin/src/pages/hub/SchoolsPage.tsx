/** Schools of the hub (hub admins add and archive them) or of the coordinator's cluster. */
import { useState } from 'react';
import type { Me } from '../../auth/types';
import { graphql } from '../../gql';
import { useMutation, useQuery } from '../../graphql/hooks';
import { FormAlert, SelectField, SubmitButton, TextField, useApiForm } from '../../ui/Form';
import type { FieldErrors } from '../../ui/form-errors';
import { choicesOf, label, PHASES } from '../../ui/format';
import { Pager, usePageCursor } from '../../ui/Pager';
import { EmptyState, Notice, PageHeader, QueryView } from '../../ui/states';
import { CLUSTER_OPTIONS } from '../options';

export const SCHOOLS = graphql(`
  query Schools($first: Int, $after: String, $filter: SchoolFilter) {
    schools(first: $first, after: $after, filter: $filter) {
      nodes {
        id
        name
        urn
        postcode
        phase
        lowestYearGroup
        highestYearGroup
        clusterId
        pupilCount
      }
      pageInfo {
        endCursor
        hasNextPage
      }
      totalCount
    }
  }
`);

const UPDATE_SCHOOL = graphql(`
  mutation UpdateSchool($id: ID!, $input: UpdateSchoolInput!) {
    updateSchool(id: $id, input: $input) {
      id
      name
    }
  }
`);

const CREATE_SCHOOL = graphql(`
  mutation CreateSchool($input: CreateSchoolInput!) {
    createSchool(input: $input) {
      id
      name
    }
  }
`);

type Field = 'urn' | 'name' | 'postcode' | 'phase' | 'lowestYearGroup' | 'highestYearGroup' | 'clusterId';
const FIELDS: readonly Field[] = ['urn', 'name', 'postcode', 'phase', 'lowestYearGroup', 'highestYearGroup', 'clusterId'];

export function validateSchool(v: Record<Field, string>): FieldErrors<Field> {
  const e: FieldErrors<Field> = {};
  if (!/^\d{6}$/.test(v.urn.trim())) e.urn = 'Enter the school’s 6-digit URN, like 100001';
  if (!v.name.trim()) e.name = 'Enter the school’s name';
  if (!v.postcode.trim()) e.postcode = 'Enter the school’s postcode';
  if (!v.clusterId) e.clusterId = 'Choose the cluster the school belongs to';
  if (Number(v.highestYearGroup) < Number(v.lowestYearGroup)) e.highestYearGroup = 'The highest year group must not be below the lowest';
  return e;
}

type SchoolValues = Record<Field, string>;

const EMPTY_SCHOOL: SchoolValues = {
  urn: '',
  name: '',
  postcode: '',
  phase: 'secondary',
  lowestYearGroup: '7',
  highestYearGroup: '11',
  clusterId: '',
};

/** Adds a school, or edits one (`school` given): the same fields, the same checks. */
function SchoolForm({
  school,
  onSaved,
  onCancel,
}: {
  school?: { id: string } & SchoolValues;
  onSaved: (name: string) => void;
  onCancel?: () => void;
}) {
  const clusters = useQuery(CLUSTER_OPTIONS, {});
  const [create] = useMutation(CREATE_SCHOOL);
  const [update] = useMutation(UPDATE_SCHOOL);
  const [v, setV] = useState<SchoolValues>(school ?? EMPTY_SCHOOL);
  const form = useApiForm(FIELDS, { DUPLICATE_URN: 'urn' });
  const set = (k: Field) => (value: string) => setV({ ...v, [k]: value });
  const years = choicesOf(Object.fromEntries([7, 8, 9, 10, 11, 12, 13].map((y) => [String(y), `Year ${y}`])));
  const heading = school ? `Edit ${school.name}` : 'Add a school';
  return (
    <form
      className="card stack-form"
      aria-label={heading}
      noValidate
      onSubmit={form.handleSubmit(
        () => validateSchool(v),
        async () => {
          const input = {
            urn: v.urn.trim(),
            name: v.name.trim(),
            postcode: v.postcode.trim(),
            phase: v.phase,
            lowestYearGroup: Number(v.lowestYearGroup),
            highestYearGroup: Number(v.highestYearGroup),
            clusterId: v.clusterId,
          };
          const name = school ? (await update({ id: school.id, input })).updateSchool.name : (await create({ input })).createSchool.name;
          if (!school) setV(EMPTY_SCHOOL);
          onSaved(name);
        },
      )}
    >
      <h2>{heading}</h2>
      <FormAlert form={form} />
      <div className="form-grid">
        <TextField
          form={form}
          name="urn"
          label="URN"
          hint="The 6-digit DfE unique reference number."
          inputMode="numeric"
          value={v.urn}
          onChange={set('urn')}
        />
        <TextField form={form} name="name" label="Name" value={v.name} onChange={set('name')} />
        <TextField form={form} name="postcode" label="Postcode" value={v.postcode} onChange={set('postcode')} />
        <SelectField form={form} name="phase" label="Phase" choices={choicesOf(PHASES)} value={v.phase} onChange={set('phase')} />
        <SelectField
          form={form}
          name="lowestYearGroup"
          label="Lowest year group"
          choices={years}
          value={v.lowestYearGroup}
          onChange={set('lowestYearGroup')}
        />
        <SelectField
          form={form}
          name="highestYearGroup"
          label="Highest year group"
          choices={years}
          value={v.highestYearGroup}
          onChange={set('highestYearGroup')}
        />
        <SelectField
          form={form}
          name="clusterId"
          label="Cluster"
          placeholder="Choose a cluster"
          choices={(clusters.data?.clusters.nodes ?? []).map((c) => ({ value: c.id, label: c.name }))}
          value={v.clusterId}
          onChange={set('clusterId')}
        />
      </div>
      <div className="button-row">
        <SubmitButton form={form}>{school ? 'Save school' : 'Add school'}</SubmitButton>
        {onCancel && (
          <button type="button" className="button button--secondary" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}

export function SchoolsPage({ me }: { me: Me }) {
  const cursor = usePageCursor();
  const [search, setSearch] = useState('');
  const [added, setAdded] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const schools = useQuery(SCHOOLS, { first: 25, after: cursor.after, filter: search.trim() ? { search: search.trim() } : undefined });
  const clusters = useQuery(CLUSTER_OPTIONS, {});
  const clusterName = new Map((clusters.data?.clusters.nodes ?? []).map((c) => [c.id, c.name]));
  const isAdmin = me.role === 'HUB_ADMIN';
  return (
    <>
      <PageHeader
        title="Schools"
        lede={isAdmin ? 'Every school in the hub, with its cluster and pupils on roll.' : 'The schools in your cluster.'}
      />
      {added && <Notice>{added}</Notice>}
      <div className="toolbar">
        <label htmlFor="school-search">Search by name or URN</label>
        <input
          id="school-search"
          type="search"
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
            cursor.reset();
          }}
        />
      </div>
      <QueryView state={schools} what="Loading schools">
        {(d) =>
          d.schools.nodes.length === 0 ? (
            <EmptyState title={search ? 'No school matches' : 'No schools yet'}>
              {search
                ? 'Try part of the name, or the 6-digit URN.'
                : isAdmin
                  ? 'Add your first school below with its URN and cluster; then invite its Careers Leader from People.'
                  : 'Your hub admin adds schools to your cluster. Ask them if one is missing.'}
            </EmptyState>
          ) : (
            <>
              <table className="table">
                <caption className="visually-hidden">Schools</caption>
                <thead>
                  <tr>
                    <th scope="col">School</th>
                    <th scope="col">URN</th>
                    <th scope="col">Phase</th>
                    <th scope="col">Years</th>
                    <th scope="col">Cluster</th>
                    <th scope="col" className="num">
                      Pupils on roll
                    </th>
                    {isAdmin && (
                      <th scope="col">
                        <span className="visually-hidden">Actions</span>
                      </th>
                    )}
                  </tr>
                </thead>
                <tbody>
                  {d.schools.nodes.map((s) => (
                    <tr key={s.id}>
                      <th scope="row">{s.name}</th>
                      <td>{s.urn}</td>
                      <td>{label(PHASES, s.phase)}</td>
                      <td>{`${s.lowestYearGroup}–${s.highestYearGroup}`}</td>
                      <td>{(s.clusterId && clusterName.get(s.clusterId)) ?? '—'}</td>
                      <td className="num">{s.pupilCount?.toLocaleString('en-GB') ?? '—'}</td>
                      {isAdmin && (
                        <td className="actions">
                          <button
                            type="button"
                            className="button button--secondary"
                            aria-expanded={editing === s.id}
                            onClick={() => setEditing(editing === s.id ? null : s.id)}
                          >
                            Edit<span className="visually-hidden"> {s.name}</span>
                          </button>
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
              <Pager
                cursor={cursor}
                hasNextPage={d.schools.pageInfo.hasNextPage}
                endCursor={d.schools.pageInfo.endCursor}
                totalCount={d.schools.totalCount}
                noun="schools"
              />
              {editing &&
                (() => {
                  const s = d.schools.nodes.find((x) => x.id === editing);
                  if (!s) return null;
                  const values: SchoolValues = {
                    urn: s.urn,
                    name: s.name,
                    postcode: s.postcode ?? '',
                    phase: s.phase,
                    lowestYearGroup: String(s.lowestYearGroup),
                    highestYearGroup: String(s.highestYearGroup),
                    clusterId: s.clusterId ?? '',
                  };
                  return (
                    <SchoolForm
                      key={s.id}
                      school={{ id: s.id, ...values }}
                      onCancel={() => setEditing(null)}
                      onSaved={(name) => {
                        setEditing(null);
                        setAdded(`${name} was saved.`);
                        schools.reload();
                      }}
                    />
                  );
                })()}
            </>
          )
        }
      </QueryView>
      {isAdmin && (
        <SchoolForm
          onSaved={(name) => {
            setAdded(`${name} was added.`);
            schools.reload();
          }}
        />
      )}
    </>
  );
}
