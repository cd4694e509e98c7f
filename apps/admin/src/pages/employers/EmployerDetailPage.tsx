import * as clock from '../../clock';
/**
 * One employer: its vetting documents with their expiry (record a new check), its contacts and
 * volunteers with DBS status (add one). Employer contacts see this as “Your organisation”.
 */
import { useState } from 'react';
import { graphql } from '../../gql';
import { useMutation, useQuery } from '../../graphql/hooks';
import { href } from '../../routing/location';
import { FormAlert, SelectField, SubmitButton, TextField, useApiForm } from '../../ui/Form';
import type { FieldErrors } from '../../ui/form-errors';
import { choicesOf, formatDate, label, SECTORS, SIZE_BANDS, VETTING_KINDS, daysBetween } from '../../ui/format';
import { EmptyState, Notice, PageHeader, QueryView } from '../../ui/states';
import { EmployerForm } from './EmployersPage';
import { EXPIRY_WARNING_DAYS, VettingBadge } from './vetting';

const EMPLOYER = graphql(`
  query Employer($id: ID!) {
    employer(id: $id) {
      id
      name
      sector
      sizeBand
      postcode
      website
      maxRequestsPerMonth
      vettingStatus {
        vetted
        validUntil
        missingKinds
        onDate
      }
      vettingChecks {
        id
        kind
        outcome
        checkedOn
        expiresOn
        documentRef
        notes
        recordedByName
        recordedAt
      }
      contacts {
        id
        name
        email
        jobTitle
        phone
        dbsStatus
        dbsCheckedOn
      }
    }
  }
`);

const RECORD_VETTING = graphql(`
  mutation RecordVettingCheck($employerId: ID!, $input: VettingCheckInput!) {
    recordVettingCheck(employerId: $employerId, input: $input) {
      id
    }
  }
`);

const ADD_CONTACT = graphql(`
  mutation AddEmployerContact($employerId: ID!, $input: EmployerContactInput!) {
    addEmployerContact(employerId: $employerId, input: $input) {
      id
      name
    }
  }
`);

const DBS: Record<string, string> = {
  none: 'None',
  basic: 'Basic',
  enhanced: 'Enhanced',
  enhanced_barred_list: 'Enhanced with barred list',
};

type VField = 'kind' | 'outcome' | 'checkedOn' | 'expiresOn' | 'documentRef';
const VFIELDS: readonly VField[] = ['kind', 'outcome', 'checkedOn', 'expiresOn', 'documentRef'];

export function validateVetting(v: Record<VField, string>): FieldErrors<VField> {
  const e: FieldErrors<VField> = {};
  if (!v.checkedOn) e.checkedOn = 'Enter the date the document was checked';
  if (!v.expiresOn) e.expiresOn = 'Enter the date it expires';
  else if (v.checkedOn && v.expiresOn < v.checkedOn) e.expiresOn = 'The expiry date must be after the date it was checked';
  return e;
}

const OUTCOME_LABELS: Record<string, string> = {
  passed: 'Passed',
  failed: 'Failed',
  declared: 'Declared by the employer (awaiting review)',
};

/**
 * Hub admins and coordinators record an outcome; an employer (`declareOnly`) sends its documents
 * as a declaration for the hub to review, which never vets on its own.
 */
function RecordVettingForm({ employerId, onDone, declareOnly }: { employerId: string; onDone: () => void; declareOnly: boolean }) {
  const empty = {
    kind: 'safeguarding_policy',
    outcome: declareOnly ? 'declared' : 'passed',
    checkedOn: clock.today(),
    expiresOn: '',
    documentRef: '',
  };
  const [v, setV] = useState<Record<VField, string>>(empty);
  const [record] = useMutation(RECORD_VETTING);
  const form = useApiForm(VFIELDS);
  const set = (k: VField) => (value: string) => setV({ ...v, [k]: value });
  return (
    <form
      className="card stack-form"
      aria-labelledby="record-vetting"
      noValidate
      onSubmit={form.handleSubmit(
        () => validateVetting(v),
        async () => {
          await record({
            employerId,
            input: {
              kind: v.kind,
              outcome: v.outcome,
              checkedOn: v.checkedOn,
              expiresOn: v.expiresOn,
              ...(v.documentRef.trim() ? { documentRef: v.documentRef.trim() } : {}),
            },
          });
          setV(empty);
          onDone();
        },
      )}
    >
      <h3 id="record-vetting">{declareOnly ? 'Send a vetting document for review' : 'Record a vetting document'}</h3>
      {declareOnly && <p className="hint">Your hub checks each document and records whether it passed; until then it does not count.</p>}
      <FormAlert form={form} />
      <div className="form-grid">
        <SelectField form={form} name="kind" label="Document" choices={choicesOf(VETTING_KINDS)} value={v.kind} onChange={set('kind')} />
        {!declareOnly && (
          <SelectField
            form={form}
            name="outcome"
            label="Outcome"
            choices={[
              { value: 'passed', label: 'Passed' },
              { value: 'failed', label: 'Failed' },
            ]}
            value={v.outcome}
            onChange={set('outcome')}
          />
        )}
        <TextField form={form} name="checkedOn" label="Checked on" type="date" value={v.checkedOn} onChange={set('checkedOn')} />
        <TextField form={form} name="expiresOn" label="Expires on" type="date" value={v.expiresOn} onChange={set('expiresOn')} />
        <TextField
          form={form}
          name="documentRef"
          label="Document reference"
          optional
          hint="A policy number or file name, so it can be found again."
          value={v.documentRef}
          onChange={set('documentRef')}
        />
      </div>
      <SubmitButton form={form}>{declareOnly ? 'Send for review' : 'Record document'}</SubmitButton>
    </form>
  );
}

type CField = 'name' | 'email' | 'jobTitle' | 'dbsStatus' | 'dbsCheckedOn';
const CFIELDS: readonly CField[] = ['name', 'email', 'jobTitle', 'dbsStatus', 'dbsCheckedOn'];

function AddContactForm({ employerId, onDone }: { employerId: string; onDone: (name: string) => void }) {
  const empty = { name: '', email: '', jobTitle: '', dbsStatus: 'none', dbsCheckedOn: '' };
  const [v, setV] = useState<Record<CField, string>>(empty);
  const [add] = useMutation(ADD_CONTACT);
  const form = useApiForm(CFIELDS);
  const set = (k: CField) => (value: string) => setV({ ...v, [k]: value });
  return (
    <form
      className="card stack-form"
      aria-labelledby="add-contact"
      noValidate
      onSubmit={form.handleSubmit(
        () => {
          const e: FieldErrors<CField> = {};
          if (!v.name.trim()) e.name = 'Enter their name';
          if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.email.trim())) e.email = 'Enter an email address like name@company.co.uk';
          if (v.dbsStatus !== 'none' && !v.dbsCheckedOn) e.dbsCheckedOn = 'Enter the date of the DBS check';
          return e;
        },
        async () => {
          const r = await add({
            employerId,
            input: {
              name: v.name.trim(),
              email: v.email.trim(),
              ...(v.jobTitle.trim() ? { jobTitle: v.jobTitle.trim() } : {}),
              dbsStatus: v.dbsStatus,
              ...(v.dbsCheckedOn ? { dbsCheckedOn: v.dbsCheckedOn } : {}),
            },
          });
          setV(empty);
          onDone(r.addEmployerContact.name);
        },
      )}
    >
      <h3 id="add-contact">Add a contact or volunteer</h3>
      <FormAlert form={form} />
      <div className="form-grid">
        <TextField form={form} name="name" label="Name" value={v.name} onChange={set('name')} />
        <TextField form={form} name="email" label="Email" type="email" value={v.email} onChange={set('email')} />
        <TextField form={form} name="jobTitle" label="Job title" optional value={v.jobTitle} onChange={set('jobTitle')} />
        <SelectField
          form={form}
          name="dbsStatus"
          label="DBS check"
          hint="Needed for anyone who will be with pupils."
          choices={choicesOf(DBS)}
          value={v.dbsStatus}
          onChange={set('dbsStatus')}
        />
        {v.dbsStatus !== 'none' && (
          <TextField
            form={form}
            name="dbsCheckedOn"
            label="DBS checked on"
            type="date"
            value={v.dbsCheckedOn}
            onChange={set('dbsCheckedOn')}
          />
        )}
      </div>
      <SubmitButton form={form}>Add contact</SubmitButton>
    </form>
  );
}

export function EmployerDetailPage({ employerId, own }: { employerId: string; own?: boolean }) {
  const employer = useQuery(EMPLOYER, { id: employerId });
  const [notice, setNotice] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const today = clock.today();
  return (
    <QueryView state={employer} what="Loading the employer">
      {({ employer: e }) => (
        <>
          {!own && (
            <p className="breadcrumb">
              <a href={href('employers')}>Employers</a> /
            </p>
          )}
          <PageHeader
            title={own ? `Your organisation: ${e.name}` : e.name}
            lede={`${label(SECTORS, e.sector)} · ${label(SIZE_BANDS, e.sizeBand)}${e.postcode ? ` · ${e.postcode}` : ''}${e.maxRequestsPerMonth !== null ? ` · at most ${e.maxRequestsPerMonth} requests a month` : ''}`}
            actions={
              <button type="button" className="button button--secondary" aria-expanded={editing} onClick={() => setEditing(!editing)}>
                {editing ? 'Close the editor' : 'Edit details'}
              </button>
            }
          />
          {notice && <Notice>{notice}</Notice>}
          {editing && (
            <EmployerForm
              employer={{
                id: e.id,
                name: e.name,
                sector: e.sector ?? 'digital',
                sizeBand: e.sizeBand,
                postcode: e.postcode ?? '',
                website: e.website ?? '',
                maxRequestsPerMonth: e.maxRequestsPerMonth?.toString() ?? '',
              }}
              onCancel={() => setEditing(false)}
              onSaved={() => {
                setEditing(false);
                setNotice('Details saved.');
                employer.reload();
              }}
            />
          )}
          <section aria-labelledby="vetting-heading">
            <h2 id="vetting-heading">Vetting</h2>
            <p>
              In-person sessions need every document valid on the day. Today: <VettingBadge status={e.vettingStatus} />
            </p>
            {(e.vettingChecks ?? []).length === 0 ? (
              <EmptyState title="No vetting documents recorded">
                Record the safeguarding policy, employers’ liability insurance and health and safety check, each with its expiry date.
              </EmptyState>
            ) : (
              <table className="table">
                <caption className="visually-hidden">Vetting documents</caption>
                <thead>
                  <tr>
                    <th scope="col">Document</th>
                    <th scope="col">Outcome</th>
                    <th scope="col">Checked</th>
                    <th scope="col">Expires</th>
                    <th scope="col">Reference</th>
                    <th scope="col">Recorded</th>
                  </tr>
                </thead>
                <tbody>
                  {(e.vettingChecks ?? []).map((c) => {
                    const left = daysBetween(today, c.expiresOn);
                    return (
                      <tr key={c.id}>
                        <th scope="row">{label(VETTING_KINDS, c.kind)}</th>
                        <td>{OUTCOME_LABELS[c.outcome] ?? c.outcome}</td>
                        <td>{formatDate(c.checkedOn)}</td>
                        <td>
                          {formatDate(c.expiresOn)}{' '}
                          {left < 0 ? (
                            <span className="tag tag--missing">Expired</span>
                          ) : left <= EXPIRY_WARNING_DAYS ? (
                            <span className="tag tag--expiring">{`In ${left} days`}</span>
                          ) : null}
                        </td>
                        <td>{c.documentRef ?? '—'}</td>
                        <td>{`${c.recordedByName ?? 'Unknown'}, ${formatDate(c.recordedAt)}`}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            )}
            <RecordVettingForm
              employerId={e.id}
              declareOnly={own === true}
              onDone={() => {
                setNotice('Vetting document recorded.');
                employer.reload();
              }}
            />
          </section>
          <section aria-labelledby="contacts-heading">
            <h2 id="contacts-heading">Contacts and volunteers</h2>
            {e.contacts.length === 0 ? (
              <EmptyState title="No contacts yet">Add the people who will run sessions, with their DBS status.</EmptyState>
            ) : (
              <table className="table">
                <caption className="visually-hidden">Contacts</caption>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Email</th>
                    <th scope="col">Job title</th>
                    <th scope="col">DBS</th>
                  </tr>
                </thead>
                <tbody>
                  {e.contacts.map((c) => (
                    <tr key={c.id}>
                      <th scope="row">{c.name}</th>
                      <td>{c.email}</td>
                      <td>{c.jobTitle ?? '—'}</td>
                      <td>
                        {c.dbsStatus == null
                          ? 'Hub staff only'
                          : c.dbsStatus === 'none'
                            ? 'None'
                            : `${label(DBS, c.dbsStatus)} (${formatDate(c.dbsCheckedOn)})`}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <AddContactForm
              employerId={e.id}
              onDone={(name) => {
                setNotice(`${name} was added.`);
                employer.reload();
              }}
            />
          </section>
        </>
      )}
    </QueryView>
  );
}
