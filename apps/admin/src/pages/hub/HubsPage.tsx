/** Platform admins: every hub, and creating one (its first hub admin is invited by email). */
import { useState } from 'react';
import { graphql } from '../../gql';
import { useMutation, useQuery } from '../../graphql/hooks';
import { FormAlert, SubmitButton, TextField, useApiForm } from '../../ui/Form';
import type { FieldErrors } from '../../ui/form-errors';
import { formatDate } from '../../ui/format';
import { EmptyState, Notice, PageHeader, QueryView } from '../../ui/states';

const HUBS = graphql(`
  query Hubs {
    hubs {
      id
      name
      slug
      createdAt
      archivedAt
    }
  }
`);

const CREATE_HUB = graphql(`
  mutation CreateHub($input: CreateHubInput!) {
    createHub(input: $input) {
      id
      name
      slug
    }
  }
`);

type Field = 'name' | 'slug' | 'firstAdminEmail';
const FIELDS: readonly Field[] = ['name', 'slug', 'firstAdminEmail'];

export function validateHub(v: Record<Field, string>): FieldErrors<Field> {
  const e: FieldErrors<Field> = {};
  if (!v.name.trim()) e.name = 'Enter the hub’s name';
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(v.slug.trim())) e.slug = 'Use lower-case letters, digits and hyphens, like leeds-city-region';
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.firstAdminEmail.trim())) e.firstAdminEmail = 'Enter the email address of the hub’s first admin';
  return e;
}

export function HubsPage() {
  const hubs = useQuery(HUBS, {});
  const [create] = useMutation(CREATE_HUB);
  const [v, setV] = useState<Record<Field, string>>({ name: '', slug: '', firstAdminEmail: '' });
  const [done, setDone] = useState<string | null>(null);
  const form = useApiForm(FIELDS, { SLUG_TAKEN: 'slug' });
  const set = (k: Field) => (value: string) => setV({ ...v, [k]: value });
  return (
    <>
      <PageHeader title="Hubs" lede="Each hub is a tenant: its schools, employers and people are never seen by another hub." />
      {done && <Notice>{done}</Notice>}
      <QueryView state={hubs} what="Loading hubs">
        {(d) =>
          d.hubs.length === 0 ? (
            <EmptyState title="No hubs yet">Create the first hub below; its first admin gets an invitation by email.</EmptyState>
          ) : (
            <table className="table">
              <caption className="visually-hidden">Hubs</caption>
              <thead>
                <tr>
                  <th scope="col">Hub</th>
                  <th scope="col">Short name</th>
                  <th scope="col">Created</th>
                </tr>
              </thead>
              <tbody>
                {d.hubs.map((h) => (
                  <tr key={h.id}>
                    <th scope="row">{h.name}</th>
                    <td>{h.slug}</td>
                    <td>{formatDate(h.createdAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </QueryView>
      <form
        className="card stack-form"
        aria-labelledby="create-hub"
        noValidate
        onSubmit={form.handleSubmit(
          () => validateHub(v),
          async () => {
            const r = await create({ input: { name: v.name.trim(), slug: v.slug.trim(), firstAdminEmail: v.firstAdminEmail.trim() } });
            setDone(`${r.createHub.name} was created; ${v.firstAdminEmail.trim()} has been invited as its hub admin.`);
            setV({ name: '', slug: '', firstAdminEmail: '' });
            hubs.reload();
          },
        )}
      >
        <h2 id="create-hub">Create a hub</h2>
        <FormAlert form={form} />
        <div className="form-grid">
          <TextField form={form} name="name" label="Name" value={v.name} onChange={set('name')} />
          <TextField
            form={form}
            name="slug"
            label="Short name"
            hint="Used to pick the hub when signing in, like leeds-city-region."
            value={v.slug}
            onChange={set('slug')}
          />
          <TextField
            form={form}
            name="firstAdminEmail"
            label="First hub admin’s email"
            type="email"
            value={v.firstAdminEmail}
            onChange={set('firstAdminEmail')}
          />
        </div>
        <SubmitButton form={form}>Create hub</SubmitButton>
      </form>
    </>
  );
}
