import type { CalendarDate } from '../calendar-date';
import type { ActivityType, Benchmark, Format } from '../vocabulary';
import type { LinearSolver } from './lp-relaxation';

/**
 * The matching model: what a run is given (plain, serialisable input) and what it returns (plain,
 * serialisable output with ids, ready to be persisted as proposals).
 *
 * One booking is one request served by one offer session. A session serves at most one request:
 * two schools never share a slot (a session is a meeting between one school and one employer), so
 * the capacity rule is simply `request.pupils ≤ offer.pupilsPerSession`.
 */

/** An instant as the API hands it over: a Date or an ISO 8601 string with a zone. */
export type InstantInput = Date | string;

export interface MatchingSchoolInput {
  readonly id: string;
  readonly name: string;
  readonly latitude: number;
  readonly longitude: number;
}

export interface MatchingWindowInput {
  readonly startsAt: InstantInput;
  readonly endsAt: InstantInput;
}

export interface MatchingRequestInput {
  readonly id: string;
  readonly schoolId: string;
  readonly yearGroup: number;
  readonly pupils: number;
  readonly activityType: ActivityType;
  /** Formats the school accepts, at least one. */
  readonly formats: readonly Format[];
  /** When the school can host it: [startsAt, endsAt) each; a session must lie within one of them. */
  readonly windows: readonly MatchingWindowInput[];
  /** Pupils of this year group at this school still missing each benchmark (from the coverage ledger). */
  readonly gap: { readonly benchmark5: number; readonly benchmark6: number };
  /** Share (0–1) of those pupils who are disadvantaged or at risk of NEET. */
  readonly disadvantagedShare: number;
}

export interface MatchingEmployerInput {
  readonly id: string;
  readonly name: string;
  readonly latitude: number;
  readonly longitude: number;
  /** Contact-fatigue limit: at most this many bookings per calendar month (Europe/London); null = no limit. */
  readonly maxRequestsPerMonth: number | null;
  /** Last day (inclusive) on which all the employer's vetting checks are valid; null = not vetted. */
  readonly vettedUntil: CalendarDate | null;
}

export interface MatchingOfferInput {
  readonly id: string;
  readonly employerId: string;
  /** The contact who runs the offer's sessions (never in two places at once). */
  readonly contactId: string;
  readonly title: string;
  readonly activityType: ActivityType;
  readonly format: Format;
  readonly pupilsPerSession: number;
  /** How many of the offer's sessions may be booked in all (existing bookings of the offer count). */
  readonly sessionsAvailable: number;
  readonly yearGroups: readonly number[];
  /** Required for `in_person_school` (how far the employer travels); ignored otherwise. */
  readonly travelRadiusKm: number | null;
}

/** A concrete slot of an offer that is still free. */
export interface MatchingSessionInput {
  readonly id: string;
  readonly offerId: string;
  readonly startsAt: InstantInput;
  readonly endsAt: InstantInput;
}

/**
 * A booking made before this run. It keeps its contact and its school year group busy at its time,
 * counts toward its employer's monthly limit and its offer's sessions.
 */
export interface ExistingBookingInput {
  readonly id: string;
  readonly schoolId: string;
  readonly yearGroup: number;
  readonly employerId: string;
  readonly contactId: string;
  readonly offerId: string;
  readonly startsAt: InstantInput;
  readonly endsAt: InstantInput;
}

export interface MatchingInput {
  readonly schools: readonly MatchingSchoolInput[];
  readonly requests: readonly MatchingRequestInput[];
  readonly employers: readonly MatchingEmployerInput[];
  readonly offers: readonly MatchingOfferInput[];
  readonly sessions: readonly MatchingSessionInput[];
  readonly existingBookings?: readonly ExistingBookingInput[];
}

/**
 * How proposals are valued. Everything is measured in "gap pupils": closing the benchmark gap for
 * one pupil is worth 1. The hub stores these; `DEFAULT_MATCHING_WEIGHTS` are the sane defaults.
 */
export interface MatchingWeights {
  /** Worth of each pupil served who already has the benchmark (a request still has some value). */
  readonly pupilBeyondGap: number;
  /** A proposal's worth is multiplied by (1 + this × the disadvantaged/at-risk share). */
  readonly disadvantagedUplift: number;
  /** Subtracted per km between school and employer for in-person formats (virtual travels nowhere). */
  readonly perKm: number;
  /** Each further proposal for the same school in one run is worth this much less than the one before… */
  readonly fairnessStep: number;
  /** …but never more than this much less (so the penalty per proposal is concave and capped). */
  readonly fairnessCap: number;
}

export const DEFAULT_MATCHING_WEIGHTS: MatchingWeights = {
  pupilBeyondGap: 0.1,
  disadvantagedUplift: 1,
  perKm: 0.5,
  fairnessStep: 1,
  fairnessCap: 10,
};

/** Integer scale of the objective: 100 points per gap pupil, so every optimality check is exact. */
export const POINTS_PER_GAP_PUPIL = 100;

export interface MatchingOptions {
  readonly weights?: Partial<MatchingWeights>;
  /**
   * Stop branching after this many branch-and-bound nodes (deterministic; with `linearSolver`, the
   * dive's nodes and HiGHS's together); the bound is still proven.
   */
  readonly maxBranchNodes?: number;
  /**
   * Without `linearSolver`, stop the heuristic's local repair after looking at this many pairs (the
   * same count on every machine: deterministic). The exact LP path does no such work.
   */
  readonly maxWork?: number;
  /** Wall-clock limit in ms; off by default because it makes the result depend on machine speed. */
  readonly timeLimitMs?: number;
  /**
   * Told how the solve is going (it only observes: the answer is the same with or without it): with
   * `linearSolver`, after each LP solve; without, after the greedy pass and each sweep of repair.
   */
  readonly onProgress?: (progress: MatchingProgress) => void;
  /**
   * A loaded HiGHS runtime (`await highsLoader()` from 'highs'; loading is asynchronous, solving is
   * not). The worker's solver thread loads one and keeps it.
   * With it the solve is exact (LP relaxation with cuts, HiGHS's branch-and-cut to finish); without
   * it a greedy answer with local repair, every rule kept but not proven optimal (`unproven`).
   */
  readonly linearSolver?: LinearSolver;
}

/** A solve in progress: work done against the work limit, and the best answer and bound so far. */
export interface MatchingProgress {
  readonly work: number;
  readonly maxWork: number;
  /** Objective of the best assignment found so far (points). */
  readonly objective: number;
  /** Best proven upper bound so far (points; Infinity before the first). */
  readonly bound: number;
  /**
   * How far along the solve is, 0–1, by the stage reached: with an LP solver, LP root solved 0.4,
   * cuts 0.5, the dive up to 0.8, branch-and-cut after; without, greedy 0.5, each repair sweep 0.1 more.
   */
  readonly share: number;
}

// ── output ───────────────────────────────────────────────────────────────────

/** A reason as data (a UI translates `code` with `params`) and as an English sentence. */
export interface MatchingReason {
  readonly code: MatchingReasonCode;
  readonly params: Readonly<Record<string, string | number | boolean>>;
  readonly text: string;
}

export const MATCHING_REASON_CODES = [
  // why a proposal was chosen
  'CLOSES_GAP',
  'DISTANCE',
  'VIRTUAL',
  'EMPLOYER_MONTH_ALLOWANCE',
  'OFFER_SESSIONS_LEFT',
  'SCHOOL_SHARE',
  // why a request was left unmatched
  'NO_OFFER_OF_TYPE',
  'OUTSIDE_WINDOWS',
  'FORMAT_NOT_ACCEPTED',
  'YEAR_GROUP_NOT_ELIGIBLE',
  'TOO_MANY_PUPILS',
  'BEYOND_TRAVEL_RADIUS',
  'VETTING_NOT_VALID',
  'CONTACT_ALREADY_BOOKED',
  'YEAR_GROUP_ALREADY_BOOKED',
  'EMPLOYER_AT_MONTHLY_LIMIT',
  'OFFER_FULLY_BOOKED',
  'NOT_WORTH_PROPOSING',
  'SESSION_TAKEN',
  'SCHOOL_HAS_ENOUGH',
  'NOT_CHOSEN',
] as const;
export type MatchingReasonCode = (typeof MATCHING_REASON_CODES)[number];

export interface MatchingProposal {
  readonly requestId: string;
  readonly sessionId: string;
  readonly offerId: string;
  readonly employerId: string;
  readonly contactId: string;
  readonly schoolId: string;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly benchmark: Benchmark;
  readonly pupils: number;
  readonly gapPupilsClosed: number;
  /** Great-circle km between school and employer; null for virtual sessions. */
  readonly distanceKm: number | null;
  /** Worth of the pair in points before the school's fairness penalty. */
  readonly points: number;
  readonly reasons: readonly MatchingReason[];
  readonly summary: string;
}

export interface UnmatchedRequest {
  readonly requestId: string;
  readonly schoolId: string;
  readonly reasons: readonly MatchingReason[];
  readonly summary: string;
}

/**
 * What proved the answer optimal: the LP root with its cuts, the short LP dive, HiGHS's
 * branch-and-cut, or (without HiGHS) the heuristic's answer meeting its simple bound, e.g. a hub
 * with no candidate pair.
 */
export type ProvenBy = 'root' | 'dive' | 'branch-and-cut' | 'bound';

/** Why an answer is not proven optimal. */
export interface Unproven {
  /**
   * NO_LINEAR_SOLVER: HiGHS was not given (failed to load): the heuristic answered. NO_LP_ANSWER:
   * HiGHS gave no LP answer (e.g. out of time): the heuristic answered. LIMIT_REACHED: the exact
   * search stopped at its node or time limit with its best answer and a proven bound.
   */
  readonly code: 'NO_LINEAR_SOLVER' | 'NO_LP_ANSWER' | 'LIMIT_REACHED';
  readonly message: string;
}

export interface MatchingStats {
  readonly requests: number;
  readonly sessions: number;
  readonly candidatePairs: number;
  /** Side constraints the network cannot express that could bind (after dropping redundant ones). */
  readonly sideConstraints: number;
  /** Cuts added to the LP relaxation, clique and {0,½} (with a linear solver; 0 without). */
  readonly cuts: number;
  /** Branch-and-bound nodes: the solver's own and, with a linear solver, HiGHS's. */
  readonly branchNodes: number;
  /** Pairs looked at by the heuristic (0 on the exact path): its effort, the same on every machine (see `maxWork`). */
  readonly work: number;
  /** How the answer was found: the exact LP path (with HiGHS), or the heuristic (without). */
  readonly method: 'lp' | 'heuristic';
  /** Which stage proved the answer optimal; null when it is not proven. */
  readonly provenBy: ProvenBy | null;
  readonly pupilsCovered: number;
  readonly gapPupilsCovered: number;
  /** Gap pupils covered × the request's disadvantaged share (expected disadvantaged pupils reached). */
  readonly disadvantagedGapPupilsCovered: number;
  readonly millis: { readonly build: number; readonly solve: number; readonly explain: number };
}

export interface MatchingResult {
  readonly proposals: readonly MatchingProposal[];
  readonly unmatched: readonly UnmatchedRequest[];
  /** Total worth in points (POINTS_PER_GAP_PUPIL per gap pupil), fairness penalties subtracted. */
  readonly objective: number;
  /** A proven upper bound on the objective of any assignment that keeps every hard constraint. */
  readonly bound: number;
  /** (bound − objective) / max(1, bound): 0 when proven optimal. */
  readonly gap: number;
  readonly optimal: boolean;
  /** Why it is not proven optimal (null when it is). */
  readonly unproven: Unproven | null;
  readonly weights: MatchingWeights;
  readonly stats: MatchingStats;
}
