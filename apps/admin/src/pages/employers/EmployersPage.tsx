/** Employers (hub admins, coordinators): who they are, whether they are vetted today, and adding one. */
import { useState } from 'react';
import { graphql } from '../../gql';
import { useMutation, useQuery } from '../../graphql/hooks';
import { href } from '../../routing/location';
import { FormAlert, SelectField, SubmitButton, TextField, useApiForm } from '../../ui/Form';
import type { FieldErrors } from '../../ui/form-errors';
import { choicesOf, label, SECTORS, SIZE_BANDS } from '../../ui/format';
import { Pager, usePageCursor } from '../../ui/Pager';
import { EmptyState, Notice, PageHeader, QueryView } from '../../ui/states';
import { VettingBadge } from './vetting';

const EMPLOYERS = graphql(`
  query Employers($first: Int, $after: String, $filter: EmployerFilter) {
    employers(first: $first, after: $after, filter: $filter) {
      nodes {
        id
        name
        sector
        sizeBand
        postcode
        maxRequestsPerMonth
        vettingStatus {
          vetted
          validUntil
          missingKinds
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
      totalCount
    }
  }
`);

const UPDATE_EMPLOYER = graphql(`
  mutation UpdateEmployer($id: ID!, $input: UpdateEmployerInput!) {
    updateEmployer(id: $id, input: $input) {
      id
      name
    }
  }
`);

const CREATE_EMPLOYER = graphql(`
  mutation CreateEmployer($input: CreateEmployerInput!) {
    createEmployer(input: $input) {
      id
      name
    }
  }
`);

type Field = 'name' | 'sector' | 'sizeBand' | 'postcode' | 'website' | 'maxRequestsPerMonth';
const FIELDS: readonly Field[] = ['name', 'sector', 'sizeBand', 'postcode', 'website', 'maxRequestsPerMonth'];

export function validateEmployer(v: Record<Field, string>): FieldErrors<Field> {
  const e: FieldErrors<Field> = {};
  if (!v.name.trim()) e.name = 'Enter the organisation’s name';
  if (v.maxRequestsPerMonth && !/^\d+$/.test(v.maxRequestsPerMonth))
    e.maxRequestsPerMonth = 'Enter a whole number of requests a month (0 pauses requests)';
  return e;
}

export type EmployerValues = Record<Field, string>;

const EMPTY_EMPLOYER: EmployerValues = { name: '', sector: 'digital', sizeBand: 'sme', postcode: '', website: '', maxRequestsPerMonth: '' };

/** Adds an employer, or edits one (`employer` given). */
export function EmployerForm({
  employer,
  onSaved,
  onCancel,
}: {
  employer?: { id: string } & EmployerValues;
  onSaved: (id: string, name: string) => void;
  onCancel?: () => void;
}) {
  const [v, setV] = useState<EmployerValues>(employer ?? EMPTY_EMPLOYER);
  const [create] = useMutation(CREATE_EMPLOYER);
  const [update] = useMutation(UPDATE_EMPLOYER);
  const form = useApiForm(FIELDS);
  const set = (k: Field) => (value: string) => setV({ ...v, [k]: value });
  const heading = employer ? 'Edit the details' : 'Add an employer';
  return (
    <form
      className="card stack-form"
      aria-label={heading}
      noValidate
      onSubmit={form.handleSubmit(
        () => validateEmployer(v),
        async () => {
          const optional = (x: string) => (x.trim() ? x.trim() : undefined);
          const input = {
            name: v.name.trim(),
            sector: v.sector,
            sizeBand: v.sizeBand,
            postcode: optional(v.postcode),
            website: optional(v.website),
            maxRequestsPerMonth: v.maxRequestsPerMonth ? Number(v.maxRequestsPerMonth) : undefined,
          };
          const saved = employer ? (await update({ id: employer.id, input })).updateEmployer : (await create({ input })).createEmployer;
          if (!employer) setV(EMPTY_EMPLOYER);
          onSaved(saved.id, saved.name);
        },
      )}
    >
      <h2>{heading}</h2>
      <FormAlert form={form} />
      <div className="form-grid">
        <TextField form={form} name="name" label="Organisation" value={v.name} onChange={set('name')} />
        <SelectField form={form} name="sector" label="Sector" choices={choicesOf(SECTORS)} value={v.sector} onChange={set('sector')} />
        <SelectField
          form={form}
          name="sizeBand"
          label="Size"
          choices={choicesOf(SIZE_BANDS)}
          value={v.sizeBand}
          onChange={set('sizeBand')}
        />
        <TextField form={form} name="postcode" label="Postcode" optional value={v.postcode} onChange={set('postcode')} />
        <TextField form={form} name="website" label="Website" optional type="url" value={v.website} onChange={set('website')} />
        <TextField
          form={form}
          name="maxRequestsPerMonth"
          label="Requests a month, at most"
          hint="How often they agreed to be asked. 0 pauses requests."
          optional
          inputMode="numeric"
          value={v.maxRequestsPerMonth}
          onChange={set('maxRequestsPerMonth')}
        />
      </div>
      <div className="button-row">
        <SubmitButton form={form}>{employer ? 'Save details' : 'Add employer'}</SubmitButton>
        {onCancel && (
          <button type="button" className="button button--secondary" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}

export function EmployersPage() {
  const cursor = usePageCursor();
  const [search, setSearch] = useState('');
  const [vetting, setVetting] = useState('');
  const [added, setAdded] = useState<{ id: string; name: string } | null>(null);
  const employers = useQuery(EMPLOYERS, {
    first: 25,
    after: cursor.after,
    filter: { ...(search.trim() ? { search: search.trim() } : {}), ...(vetting ? { vettingStatus: vetting } : {}) },
  });
  return (
    <>
      <PageHeader title="Employers" lede="Organisations that offer encounters, and whether each is vetted for in-person sessions today." />
      {added && (
        <Notice>
          {`${added.name} was added. `}
          <a href={href('employers', added.id)}>Record its vetting checks and contacts</a>.
        </Notice>
      )}
      <div className="toolbar">
        <label htmlFor="employer-search">Search</label>
        <input
          id="employer-search"
          type="search"
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
            cursor.reset();
          }}
        />
        <label htmlFor="employer-vetting">Vetting</label>
        <select
          id="employer-vetting"
          value={vetting}
          onChange={(e) => {
            setVetting(e.target.value);
            cursor.reset();
          }}
        >
          <option value="">Any</option>
          <option value="vetted">Vetted today</option>
          <option value="not_vetted">Not vetted</option>
        </select>
      </div>
      <QueryView state={employers} what="Loading employers">
        {(d) =>
          d.employers.nodes.length === 0 ? (
            <EmptyState title={search || vetting ? 'No employer matches' : 'No employers yet'}>
              {search || vetting
                ? 'Clear the search or the vetting filter.'
                : 'Add the employers you work with below, then invite a contact at each so they can post offers.'}
            </EmptyState>
          ) : (
            <>
              <table className="table">
                <caption className="visually-hidden">Employers</caption>
                <thead>
                  <tr>
                    <th scope="col">Employer</th>
                    <th scope="col">Sector</th>
                    <th scope="col">Size</th>
                    <th scope="col">Vetting today</th>
                    <th scope="col" className="num">
                      Requests / month
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {d.employers.nodes.map((x) => (
                    <tr key={x.id}>
                      <th scope="row">
                        <a href={href('employers', x.id)}>{x.name}</a>
                      </th>
                      <td>{label(SECTORS, x.sector)}</td>
                      <td>{label(SIZE_BANDS, x.sizeBand)}</td>
                      <td>
                        <VettingBadge status={x.vettingStatus} />
                      </td>
                      <td className="num">{x.maxRequestsPerMonth ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <Pager
                cursor={cursor}
                hasNextPage={d.employers.pageInfo.hasNextPage}
                endCursor={d.employers.pageInfo.endCursor}
                totalCount={d.employers.totalCount}
                noun="employers"
              />
            </>
          )
        }
      </QueryView>
      <EmployerForm
        onSaved={(id, name) => {
          setAdded({ id, name });
          employers.reload();
        }}
      />
    </>
  );
}
