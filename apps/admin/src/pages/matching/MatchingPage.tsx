/**
 * Matching, for coordinators and hub admins: "what should we book next?". Start a run for your
 * cluster (hub admins: any cluster or the whole hub), watch its progress, then review the proposals
 * with their reasons and numbers, accept or reject them one by one or in bulk, and see what stopped
 * each request left unmatched. Accepted proposals become bookings waiting for both sides.
 */
import { useEffect, useState } from 'react';
import type { Me } from '../../auth/types';
import { graphql } from '../../gql';
import { useMutation, useQuery } from '../../graphql/hooks';
import { href, navigate } from '../../routing/location';
import { FormAlert, SelectField, SubmitButton, useApiForm } from '../../ui/Form';
import { errorMessage } from '../../ui/form-errors';
import { ACTIVITY_TYPES, formatDate, formatSlot, formatTime, FORMATS, label, plural } from '../../ui/format';
import { EmptyState, Notice, PageHeader, QueryView } from '../../ui/states';
import { CLUSTER_OPTIONS } from '../options';
import {
  decidable,
  decisionOutcome,
  distanceText,
  gapText,
  monthText,
  optimalityText,
  PHASE_LABELS,
  PROPOSAL_STATUSES,
  RUN_STATUSES,
  runFinished,
  toggled,
} from './matching';

export const MATCHING_RUNS = graphql(`
  query MatchingRuns($first: Int) {
    matchingRuns(first: $first) {
      nodes {
        id
        scope
        status
        proposalCount
        createdAt
        cluster {
          name
        }
      }
      totalCount
    }
  }
`);

export const MATCHING_RUN = graphql(`
  query MatchingRun($id: ID!) {
    matchingRun(id: $id) {
      id
      scope
      status
      phase
      progress
      optimal
      objective
      bound
      relativeGap
      errorMessage
      createdAt
      finishedAt
      requestsConsidered
      sessionsConsidered
      proposalCount
      unmatchedCount
      pupilsCovered
      gapPupilsCovered
      solveMs
      cluster {
        name
      }
      proposals {
        id
        status
        bookingId
        schoolName
        yearGroup
        pupils
        gapPupilsClosed
        benchmark
        activityType
        format
        offerTitle
        employerName
        startsAt
        endsAt
        distanceKm
        employerMonthRemaining
        worth
        summary
        reasons {
          code
          text
        }
      }
      unmatched {
        id
        schoolName
        activityType
        yearGroup
        pupils
        summary
      }
    }
  }
`);

const START_RUN = graphql(`
  mutation StartMatchingRun($input: StartMatchingRunInput!) {
    startMatchingRun(input: $input) {
      id
      status
    }
  }
`);

const ACCEPT_PROPOSALS = graphql(`
  mutation AcceptMatchingProposals($ids: [ID!]!) {
    acceptMatchingProposals(ids: $ids) {
      succeeded
      failed
      results {
        proposalId
        ok
        error {
          code
          message
          field
        }
      }
    }
  }
`);

const REJECT_PROPOSALS = graphql(`
  mutation RejectMatchingProposals($ids: [ID!]!) {
    rejectMatchingProposals(ids: $ids) {
      succeeded
      failed
      results {
        proposalId
        ok
        error {
          code
          message
          field
        }
      }
    }
  }
`);

const HUB = 'hub';

/** Start a run: a coordinator for their cluster, a hub admin for a cluster or the whole hub. */
function StartRun({ me, onStarted }: { me: Me; onStarted: (id: string) => void }) {
  const clusters = useQuery(CLUSTER_OPTIONS, {});
  const [scope, setScope] = useState(me.role === 'COORDINATOR' ? (me.clusterId ?? '') : HUB);
  const [start] = useMutation(START_RUN);
  const form = useApiForm(['clusterId'] as const);
  const mine = clusters.data?.clusters.nodes.find((c) => c.id === me.clusterId);
  return (
    <form
      className="card stack-form"
      aria-label="Run matching"
      noValidate
      onSubmit={form.handleSubmit(
        () => ({}),
        async () => {
          const r = await start({ input: scope && scope !== HUB ? { clusterId: scope } : {} });
          onStarted(r.startMatchingRun.id);
        },
      )}
    >
      <h2>Run matching</h2>
      <p className="hint">
        Tandem looks at every open request and every open session, and proposes the bookings that close the most benchmark gap under every
        rule (times, places, vetting, travel, the employers’ monthly limits). Nothing is booked until you accept.
      </p>
      <FormAlert form={form} />
      {me.role === 'COORDINATOR' ? (
        <p>{`For your cluster${mine ? `, ${mine.name}` : ''}.`}</p>
      ) : (
        <SelectField
          form={form}
          name="clusterId"
          label="Which schools"
          choices={[
            { value: HUB, label: 'The whole hub' },
            ...(clusters.data?.clusters.nodes ?? []).map((c) => ({ value: c.id, label: c.name })),
          ]}
          value={scope}
          onChange={setScope}
        />
      )}
      <SubmitButton form={form} busy="Starting…">
        Run matching
      </SubmitButton>
    </form>
  );
}

type Run = NonNullable<ReturnType<typeof useRun>['data']>['matchingRun'];

function useRun(runId: string, polling: boolean) {
  return useQuery(MATCHING_RUN, { id: runId }, { pollMs: polling ? 1000 : undefined });
}

/** One run: its progress while it runs, then its result. */
function RunView({ runId, onFinished }: { runId: string; onFinished: () => void }) {
  const [polling, setPolling] = useState(true);
  const run = useRun(runId, polling);
  const status = run.data?.matchingRun.status;
  useEffect(() => {
    if (polling && runFinished(status)) {
      setPolling(false);
      onFinished();
    }
  }, [polling, status, onFinished]);
  return (
    <QueryView state={run} what="Loading the matching run">
      {({ matchingRun: r }) => (
        <section aria-labelledby="run-heading">
          <h2 id="run-heading">{`${r.cluster?.name ?? 'The whole hub'}: run of ${formatDate(r.createdAt)}, ${formatTime(r.createdAt)}`}</h2>
          {!runFinished(r.status) && (
            <div className="run-progress" aria-live="polite">
              <label htmlFor={`run-progress-${r.id}`}>{PHASE_LABELS[r.phase] ?? r.phase}</label>
              <progress id={`run-progress-${r.id}`} max={100} value={r.progress}>{`${r.progress}%`}</progress>
            </div>
          )}
          {r.status === 'failed' && <Notice tone="error">{`This run failed. ${r.errorMessage ?? ''}`}</Notice>}
          {r.status === 'succeeded' && <RunResult run={r} reload={run.reload} />}
        </section>
      )}
    </QueryView>
  );
}

function RunResult({ run, reload }: { run: Run; reload: () => void }) {
  return (
    <>
      <p className="run-optimality">{optimalityText(run)}</p>
      <p className="small">
        {`${plural(run.requestsConsidered ?? 0, 'open request')} and ${plural(run.sessionsConsidered ?? 0, 'open session')} considered; ${plural(run.proposalCount ?? 0, 'proposal')} covering ${plural(run.pupilsCovered ?? 0, 'pupil')}, ${(run.gapPupilsCovered ?? 0).toLocaleString('en-GB')} of them still missing the benchmark; solved in ${(run.solveMs ?? 0).toLocaleString('en-GB')} ms.`}
      </p>
      <Proposals run={run} reload={reload} />
      <Unmatched run={run} />
    </>
  );
}

function Proposals({ run, reload }: { run: Run; reload: () => void }) {
  const [accept] = useMutation(ACCEPT_PROPOSALS);
  const [reject] = useMutation(REJECT_PROPOSALS);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [errors, setErrors] = useState<Map<string, string>>(new Map());
  const [notice, setNotice] = useState<{ text: string; tone: 'success' | 'error' } | null>(null);
  const [busy, setBusy] = useState(false);
  const open = decidable(run.proposals);
  const chosen = open.filter((id) => selected.has(id));

  const decide = async (decision: 'accept' | 'reject', ids: string[]) => {
    if (!ids.length || busy) return;
    setBusy(true);
    try {
      const result =
        decision === 'accept' ? (await accept({ ids })).acceptMatchingProposals : (await reject({ ids })).rejectMatchingProposals;
      const outcome = decisionOutcome(decision, result);
      setNotice({ text: outcome.text, tone: outcome.tone });
      setErrors(outcome.errors);
      setSelected(new Set());
      reload();
    } catch (err) {
      setNotice({ text: errorMessage(err), tone: 'error' });
    } finally {
      setBusy(false);
    }
  };

  if (run.proposals.length === 0) {
    return (
      <EmptyState title="No proposals this time">
        No open request could be matched to an open session under the rules: see below what stopped each one, then ask employers for
        sessions that fit.
      </EmptyState>
    );
  }
  return (
    <section aria-labelledby="proposals-heading">
      <h3 id="proposals-heading">{`Proposals (${run.proposals.length})`}</h3>
      {notice && <Notice tone={notice.tone}>{notice.text}</Notice>}
      <div className="button-row" role="group" aria-label="Decide on the selected proposals">
        <button
          type="button"
          className="button button--primary button--inline"
          disabled={busy || chosen.length === 0}
          onClick={() => void decide('accept', chosen)}
        >
          {`Accept selected (${chosen.length})`}
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={busy || chosen.length === 0}
          onClick={() => void decide('reject', chosen)}
        >
          {`Reject selected (${chosen.length})`}
        </button>
      </div>
      <table className="table proposals">
        <caption className="visually-hidden">Proposals, most worth first</caption>
        <thead>
          <tr>
            <th scope="col">
              <input
                type="checkbox"
                aria-label="Select every proposal waiting for a decision"
                checked={open.length > 0 && chosen.length === open.length}
                disabled={open.length === 0 || busy}
                onChange={(e) => setSelected(e.target.checked ? new Set(open) : new Set())}
              />
            </th>
            <th scope="col">School</th>
            <th scope="col">Session</th>
            <th scope="col" className="num">
              Gap closed
            </th>
            <th scope="col">Distance</th>
            <th scope="col">Employer’s month</th>
            <th scope="col">Decision</th>
          </tr>
        </thead>
        <tbody>
          {run.proposals.map((p) => {
            const who = `${p.schoolName}, Year ${p.yearGroup}`;
            return (
              <tr key={p.id} className={errors.has(p.id) ? 'row--error' : undefined}>
                <td>
                  {p.status === 'proposed' && (
                    <input
                      type="checkbox"
                      aria-label={`Select: ${who}, ${label(ACTIVITY_TYPES, p.activityType)} with ${p.employerName}`}
                      checked={selected.has(p.id)}
                      disabled={busy}
                      onChange={(e) => setSelected(toggled(selected, p.id, e.target.checked))}
                    />
                  )}
                </td>
                <th scope="row">
                  {who}
                  <div className="muted">{plural(p.pupils, 'pupil')}</div>
                </th>
                <td>
                  <strong>{`${label(ACTIVITY_TYPES, p.activityType)} with ${p.employerName}`}</strong>{' '}
                  <span className="muted">{`(${label(FORMATS, p.format)})`}</span>
                  <div>{formatSlot(p.startsAt, p.endsAt)}</div>
                  <ul className="reasons" aria-label={`Why this proposal: ${who}`}>
                    {p.reasons.map((r) => (
                      <li key={r.code}>{r.text}</li>
                    ))}
                  </ul>
                </td>
                <td className="num">{gapText(p)}</td>
                <td>{distanceText(p.distanceKm)}</td>
                <td>{monthText(p.employerMonthRemaining)}</td>
                <td>
                  <span className={`tag tag--${p.status}`}>{PROPOSAL_STATUSES[p.status] ?? p.status}</span>
                  {p.bookingId && (
                    <div>
                      <a href={href('bookings', p.bookingId)}>Open the booking</a>
                    </div>
                  )}
                  {errors.has(p.id) && (
                    <p className="field-error" role="note">
                      {errors.get(p.id)}
                    </p>
                  )}
                  {p.status === 'proposed' && (
                    <div className="button-row">
                      <button
                        type="button"
                        className="button button--secondary"
                        disabled={busy}
                        aria-label={`Accept: ${who}`}
                        onClick={() => void decide('accept', [p.id])}
                      >
                        Accept
                      </button>
                      <button
                        type="button"
                        className="button button--secondary"
                        disabled={busy}
                        aria-label={`Reject: ${who}`}
                        onClick={() => void decide('reject', [p.id])}
                      >
                        Reject
                      </button>
                    </div>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

function Unmatched({ run }: { run: Run }) {
  if (run.unmatched.length === 0) return null;
  return (
    <section aria-labelledby="unmatched-heading">
      <h3 id="unmatched-heading">{`Requests left unmatched (${run.unmatched.length})`}</h3>
      <table className="table">
        <caption className="visually-hidden">Requests left unmatched and what stopped them</caption>
        <thead>
          <tr>
            <th scope="col">School</th>
            <th scope="col">Request</th>
            <th scope="col">What stopped it</th>
          </tr>
        </thead>
        <tbody>
          {run.unmatched.map((u) => (
            <tr key={u.id}>
              <th scope="row">{u.schoolName}</th>
              <td>{`${label(ACTIVITY_TYPES, u.activityType)}, Year ${u.yearGroup}, ${plural(u.pupils, 'pupil')}`}</td>
              <td>{u.summary}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function MatchingPage({ me, runId }: { me: Me; runId?: string }) {
  const runs = useQuery(MATCHING_RUNS, { first: 10 });
  const shown = runId ?? runs.data?.matchingRuns.nodes[0]?.id;
  return (
    <>
      <PageHeader title="Matching" lede="What should we book next? Proposals that close the most benchmark gap, each with its reasons." />
      <StartRun me={me} onStarted={(id) => (navigate(href('matching', id)), runs.reload())} />
      {shown ? (
        <RunView key={shown} runId={shown} onFinished={runs.reload} />
      ) : (
        runs.data && (
          <EmptyState title="No matching runs yet">Run matching above: the proposals appear here, with why each was chosen.</EmptyState>
        )
      )}
      {runs.data && runs.data.matchingRuns.nodes.length > 0 && (
        <section aria-labelledby="runs-heading">
          <h2 id="runs-heading">Recent runs</h2>
          <ul className="plain-list">
            {runs.data.matchingRuns.nodes.map((r) => (
              <li key={r.id}>
                <a
                  href={href('matching', r.id)}
                  aria-current={r.id === shown ? 'true' : undefined}
                >{`${formatDate(r.createdAt)}, ${formatTime(r.createdAt)}: ${r.cluster?.name ?? 'the whole hub'}`}</a>
                <span className="muted">{` · ${RUN_STATUSES[r.status] ?? r.status}${r.proposalCount !== null ? `, ${plural(r.proposalCount, 'proposal')}` : ''}`}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
