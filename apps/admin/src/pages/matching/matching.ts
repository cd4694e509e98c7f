/**
 * What the Matching page says about a run and its proposals, as plain functions: the phase in words,
 * how good the answer is (optimal, or how close to the proven bound), distances and the employer's
 * month, what a bulk decision did, and which proposals can still be decided.
 */
import { plural } from '../../ui/format';

export const PHASE_LABELS: Record<string, string> = {
  queued: 'Waiting to start',
  loading: 'Reading requests, offers and coverage',
  solving: 'Finding the proposals that close the most gap',
  saving: 'Saving the proposals',
  done: 'Done',
};

export const PROPOSAL_STATUSES: Record<string, string> = {
  proposed: 'Waiting for your decision',
  accepted: 'Accepted: booking made',
  rejected: 'Rejected',
  superseded: 'Replaced by a newer run',
};

export const RUN_STATUSES: Record<string, string> = {
  queued: 'Queued',
  running: 'Running',
  succeeded: 'Done',
  failed: 'Failed',
};

export function runFinished(status: string | undefined): boolean {
  return status === 'succeeded' || status === 'failed';
}

const oneDecimal = (x: number): string => x.toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/**
 * "Proven optimal: …" or "Within 2.1% of the best possible: …". Worth is in gap pupils (closing the
 * benchmark gap for one pupil is worth 1).
 */
export function optimalityText(run: {
  optimal: boolean | null;
  objective: number | null;
  bound: number | null;
  relativeGap: number | null;
}): string {
  if (run.objective === null || run.bound === null) return 'Not solved yet.';
  if (run.optimal)
    return `Proven optimal: these proposals are worth ${oneDecimal(run.objective)} gap pupils, the most any set of bookings could be worth.`;
  const pct = Math.max(0.1, Math.round((run.relativeGap ?? 0) * 1000) / 10);
  return `Within ${oneDecimal(pct)}% of the best possible: worth ${oneDecimal(run.objective)} gap pupils, against a proven upper bound of ${oneDecimal(run.bound)}.`;
}

/** "Virtual" or "6.2 km". */
export function distanceText(km: number | null): string {
  return km === null ? 'Virtual' : `${oneDecimal(km)} km`;
}

/** The employer's room that month once this run's proposals count. */
export function monthText(remaining: number | null): string {
  if (remaining === null) return 'No monthly limit';
  return remaining === 0 ? 'At its limit that month' : `${plural(remaining, 'more request')} that month`;
}

/** "25 of 30 (BM5)": pupils of the year group still missing the benchmark, of those the session serves. */
export function gapText(p: { gapPupilsClosed: number; pupils: number; benchmark: number }): string {
  return `${p.gapPupilsClosed} of ${p.pupils} (BM${p.benchmark})`;
}

export interface DecisionResult {
  succeeded: number;
  failed: number;
  results: readonly { proposalId: string; ok: boolean; error: { message: string } | null }[];
}

/** The notice after accepting or rejecting, and each failed proposal's message by id. */
export function decisionOutcome(
  decision: 'accept' | 'reject',
  result: DecisionResult,
): { text: string; tone: 'success' | 'error'; errors: Map<string, string> } {
  const errors = new Map(result.results.filter((r) => !r.ok && r.error).map((r) => [r.proposalId, r.error?.message ?? '']));
  const done =
    decision === 'accept'
      ? `${plural(result.succeeded, 'proposal')} accepted: each is a booking now, waiting for the school and the employer (the employer is emailed).`
      : `${plural(result.succeeded, 'proposal')} rejected.`;
  if (result.failed === 0) return { text: done, tone: 'success', errors };
  const failed = `${plural(result.failed, 'proposal')} could not be ${decision === 'accept' ? 'accepted' : 'rejected'}: see the reason beside ${result.failed === 1 ? 'it' : 'each'}.`;
  return { text: result.succeeded ? `${done} ${failed}` : failed, tone: 'error', errors };
}

/** Proposals that can still be accepted or rejected. */
export function decidable(proposals: readonly { id: string; status: string }[]): string[] {
  return proposals.filter((p) => p.status === 'proposed').map((p) => p.id);
}

/** The selection after ticking or unticking one proposal (a new set: React state). */
export function toggled(selected: ReadonlySet<string>, id: string, on: boolean): Set<string> {
  const next = new Set(selected);
  if (on) next.add(id);
  else next.delete(id);
  return next;
}
