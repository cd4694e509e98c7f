import { POINTS_PER_GAP_PUPIL, readHubSettings, type MatchingWeights } from '@tandem/domain';
import type { MatchingRun, StoredMatchingReason } from '@tandem/persistence';
import type { ProposalView, UnmatchedView } from './matching-runs.repository';
import type { MatchingProposalType, MatchingReasonType, MatchingRunType, MatchingUnmatchedRequestType } from './matching.types';

/** Stored rows → what GraphQL shows: points in gap pupils, reasons with their parameters as text. */

const gapPupils = (points: number | null): number | null => (points === null ? null : points / POINTS_PER_GAP_PUPIL);

export function reasonsView(reasons: readonly StoredMatchingReason[]): MatchingReasonType[] {
  return reasons.map((r) => ({
    code: r.code,
    text: r.text,
    params: Object.entries(r.params ?? {}).map(([name, value]) => ({ name, value: String(value) })),
  }));
}

/** The weights a run stored, read like hub settings (each falls back to its default). */
export function runWeightsView(run: MatchingRun): MatchingWeights {
  return readHubSettings({ matchingWeights: run.weights }).matchingWeights;
}

export function runView(run: MatchingRun): MatchingRunType {
  return {
    id: run.id,
    scope: run.clusterId ? 'cluster' : 'hub',
    clusterId: run.clusterId,
    requestedByUserId: run.requestedByUserId,
    status: run.status,
    phase: run.phase,
    progress: run.progress,
    weights: runWeightsView(run),
    maxWork: run.maxWork,
    maxBranchNodes: run.maxBranchNodes,
    objective: gapPupils(run.objective),
    bound: gapPupils(run.bound),
    relativeGap: run.relativeGap,
    optimal: run.optimal,
    requestsConsidered: run.requestsConsidered,
    sessionsConsidered: run.sessionsConsidered,
    candidatePairs: run.candidatePairs,
    proposalCount: run.proposalCount,
    unmatchedCount: run.unmatchedCount,
    pupilsCovered: run.pupilsCovered,
    gapPupilsCovered: run.gapPupilsCovered,
    loadMs: run.loadMs,
    solveMs: run.solveMs,
    errorCode: run.errorCode,
    errorMessage: run.errorMessage,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    createdAt: run.createdAt,
  };
}

export function proposalView(p: ProposalView): MatchingProposalType {
  return {
    id: p.id,
    runId: p.runId,
    requestId: p.requestId,
    offerSessionId: p.offerSessionId,
    offerId: p.offerId,
    offerTitle: p.offerTitle,
    activityType: p.activityType,
    format: p.format,
    schoolId: p.schoolId,
    schoolName: p.schoolName,
    yearGroup: p.yearGroup,
    employerId: p.employerId,
    employerName: p.employerName,
    startsAt: p.startsAt,
    endsAt: p.endsAt,
    benchmark: p.benchmark,
    pupils: p.pupils,
    gapPupilsClosed: p.gapPupilsClosed,
    distanceKm: p.distanceKm,
    worth: p.points / POINTS_PER_GAP_PUPIL,
    employerMonthRemaining: p.employerMonthRemaining,
    offerSessionsRemaining: p.offerSessionsRemaining,
    reasons: reasonsView(p.reasons),
    summary: p.summary,
    status: p.status,
    bookingId: p.bookingId,
    decidedAt: p.decidedAt,
  };
}

export function unmatchedView(u: UnmatchedView): MatchingUnmatchedRequestType {
  return {
    id: u.id,
    requestId: u.requestId,
    schoolId: u.schoolId,
    schoolName: u.schoolName,
    activityType: u.activityType,
    yearGroup: u.yearGroup,
    pupils: u.pupils,
    reasons: reasonsView(u.reasons),
    summary: u.summary,
  };
}
