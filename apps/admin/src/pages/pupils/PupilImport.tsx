/**
 * Pupil import from an MIS export (CSV): the file is uploaded as it is to the API's upload path
 * (POST /imports/pupils; /graphql takes at most 1 MB), which checks every row in the worker; the page polls the job and lists the problems by line number.
 * All-or-nothing by default; the user can choose to write the valid rows only.
 */
import { useEffect, useState } from 'react';
import { graphql } from '../../gql';
import { useSessionStore } from '../../auth/SessionContext';
import { useQuery } from '../../graphql/hooks';
import { FieldShell, FormAlert, SubmitButton, useApiForm } from '../../ui/Form';
import { plural } from '../../ui/format';
import { Notice } from '../../ui/states';

/** The API's upload path for pupil files (text/csv, at most 10 MB). */
export const PUPIL_IMPORT_PATH = '/imports/pupils';

const IMPORT_JOB = graphql(`
  query ImportJob($id: ID!) {
    importJob(id: $id) {
      id
      status
      mode
      totalRows
      processedRows
      insertedRows
      updatedRows
      errorCount
      errors {
        line
        field
        code
        message
      }
    }
  }
`);

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

export function importFinished(status: string | undefined): boolean {
  return status === 'SUCCEEDED' || status === 'FAILED';
}

/** "Line 4, year group: …" — what a person looks for in the spreadsheet. */
export function describeRowError(e: { line: number; field?: string | null; message: string }): string {
  return `Line ${e.line}${e.field && e.field !== 'row' && e.field !== 'file' ? ` (${e.field})` : ''}: ${e.message}`;
}

function ImportProgress({ jobId, onDone }: { jobId: string; onDone: () => void }) {
  const [finishedSeen, setFinishedSeen] = useState(false);
  const job = useQuery(IMPORT_JOB, { id: jobId }, { pollMs: finishedSeen ? undefined : 1000 });
  const j = job.data?.importJob;
  const finished = importFinished(j?.status);
  useEffect(() => {
    if (finished && !finishedSeen) {
      setFinishedSeen(true);
      onDone();
    }
  }, [finished, finishedSeen, onDone]);
  if (!j) return <p role="status">Starting the import…</p>;
  const pct = j.totalRows ? Math.round((j.processedRows / j.totalRows) * 100) : 0;
  return (
    <div className="import-result" aria-live="polite">
      {!finished && (
        <>
          <label htmlFor={`progress-${jobId}`}>Checking rows</label>
          <progress id={`progress-${jobId}`} max={100} value={pct}>{`${pct}%`}</progress>
        </>
      )}
      {finished && j.errorCount === 0 && (
        <Notice>{`Imported: ${plural(j.insertedRows, 'new pupil')}, ${plural(j.updatedRows, 'pupil')} updated.`}</Notice>
      )}
      {finished && j.errorCount > 0 && (
        <>
          <Notice tone="error">
            {j.mode === 'ALL_OR_NOTHING' || j.insertedRows + j.updatedRows === 0
              ? `${plural(j.errorCount, 'problem')} found, so nothing was saved. Correct these rows in your file and import it again.`
              : `${plural(j.errorCount, 'row')} had problems and were left out; ${plural(j.insertedRows + j.updatedRows, 'row')} were saved.`}
          </Notice>
          <table className="table">
            <caption>Rows with problems (line numbers as your spreadsheet shows them)</caption>
            <thead>
              <tr>
                <th scope="col">Line</th>
                <th scope="col">Column</th>
                <th scope="col">Problem</th>
              </tr>
            </thead>
            <tbody>
              {j.errors.map((e, i) => (
                <tr key={`${e.line}-${i}`}>
                  <th scope="row">{e.line}</th>
                  <td>{e.field ?? '—'}</td>
                  <td>{e.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {j.errorCount > j.errors.length && <p className="small">{`Showing the first ${j.errors.length} of ${j.errorCount}.`}</p>}
        </>
      )}
    </div>
  );
}

export function PupilImport({ schoolId, onImported }: { schoolId: string; onImported: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<'ALL_OR_NOTHING' | 'VALID_ROWS_ONLY'>('ALL_OR_NOTHING');
  const [jobId, setJobId] = useState<string | null>(null);
  const store = useSessionStore();
  const form = useApiForm(['csv', 'mode'] as const);
  return (
    <section className="card" aria-labelledby="import-heading">
      <h2 id="import-heading">Import pupils</h2>
      <p className="hint">
        A CSV from your MIS: a reference (UPN or admission number), a date of birth or year group, and optionally disadvantaged, SEND,
        care-experienced and RONI score. Names are not needed.
      </p>
      <form
        className="stack-form"
        noValidate
        onSubmit={form.handleSubmit(
          () =>
            !file
              ? { csv: 'Choose the CSV file to import' }
              : file.size > MAX_IMPORT_BYTES
                ? { csv: 'The file is larger than 10 MB: split it into smaller files' }
                : {},
          async () => {
            if (!file) return;
            const query = new URLSearchParams({ schoolId, mode }).toString();
            const r = await store.authorizedUpload<{ startPupilImport: { id: string } }>(`${PUPIL_IMPORT_PATH}?${query}`, file, 'text/csv');
            setJobId(r.startPupilImport.id);
          },
        )}
      >
        <FormAlert form={form} />
        <FieldShell id={form.idFor('csv')} label="CSV file" error={form.fieldErrors.csv}>
          {(aria) => (
            <input
              {...aria}
              type="file"
              accept=".csv,text/csv"
              disabled={form.submitting}
              onChange={(e) => (setFile(e.target.files?.[0] ?? null), setJobId(null))}
            />
          )}
        </FieldShell>
        <fieldset className="field">
          <legend>If some rows have problems</legend>
          <label className="checkbox">
            <input type="radio" name="mode" checked={mode === 'ALL_OR_NOTHING'} onChange={() => setMode('ALL_OR_NOTHING')} /> Save nothing,
            so I can correct the file (recommended)
          </label>
          <label className="checkbox">
            <input type="radio" name="mode" checked={mode === 'VALID_ROWS_ONLY'} onChange={() => setMode('VALID_ROWS_ONLY')} /> Save the
            good rows and list the others
          </label>
        </fieldset>
        <SubmitButton form={form} busy="Uploading…">
          Import
        </SubmitButton>
      </form>
      {jobId && <ImportProgress key={jobId} jobId={jobId} onDone={onImported} />}
    </section>
  );
}
