/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type AcceptInvitationInput = {
  /** A new account: the name to show. */
  displayName?: string | null | undefined;
  /** A new account: the password to set (at least 12 characters). An existing account: its current password. */
  password?: string | null | undefined;
  /** The token from the emailed link. */
  token: string;
};

/** The kinds of employer encounter. */
export type ActivityType =
  | 'careers_talk'
  | 'cv_workshop'
  | 'employer_panel'
  | 'enterprise_challenge'
  | 'insight_day'
  | 'mentoring'
  | 'mock_interviews'
  | 'virtual_workplace_tour'
  | 'work_experience'
  | 'work_shadowing'
  | 'workplace_visit';

export type AttendanceCsvInput = {
  /** CSV text with a header and a pupil reference column ("UPN", "Reference", "Admission Number"). */
  csv: string;
  /** replace (default) or add. */
  mode?: string | null | undefined;
  /** all_or_nothing (default: any bad line writes nothing) or valid_rows_only. */
  onError?: string | null | undefined;
};

export type AttendanceInput = {
  /** replace (default: the list is the whole attendance), add or remove. */
  mode?: string | null | undefined;
  pupilIds: Array<string | number>;
};

export type BenchmarkState =
  | 'met'
  | 'missed'
  | 'not_applicable'
  | 'not_yet';

export type BookingFilter = {
  /** YYYY-MM-DD (London): sessions starting on or after this day. */
  dateFrom?: string | null | undefined;
  /** YYYY-MM-DD (London): sessions starting on or before this day. */
  dateTo?: string | null | undefined;
  employerId?: string | number | null | undefined;
  schoolId?: string | number | null | undefined;
  /** One of: proposed, accepted_by_school, accepted_by_employer, confirmed, delivered, recorded, declined, cancelled, no_show. */
  states?: Array<string> | null | undefined;
};

export type BookingReasonInput = {
  /** Why, in a few words (required). */
  reason: string;
};

/** Only the fields given change; null resets one to its default. */
export type BookingSettingsInput = {
  followUpHoursAfter?: number | null | undefined;
  linkValidityDays?: number | null | undefined;
  reminderDaysBefore?: Array<number> | null | undefined;
  sendFrom?: string | null | undefined;
  sendOnWeekends?: boolean | null | undefined;
  sendUntil?: string | null | undefined;
  unansweredAfterDays?: number | null | undefined;
};

export type BookingSide =
  | 'broker'
  | 'employer'
  | 'school'
  | 'system';

export type BookingState =
  | 'accepted_by_employer'
  | 'accepted_by_school'
  | 'cancelled'
  | 'confirmed'
  | 'declined'
  | 'delivered'
  | 'no_show'
  | 'proposed'
  | 'recorded';

export type BookingTransitionAction =
  | 'accept'
  | 'cancel'
  | 'create'
  | 'decline'
  | 'mark_delivered'
  | 'mark_no_show'
  | 'record'
  | 'reschedule';

export type ChangePasswordInput = {
  currentPassword: string;
  /** At least 12 characters, not your email address. */
  newPassword: string;
};

export type ChooseBenchmarkPolicyInput = {
  /** e.g. "gatsby-2014" or "gatsby-2024". */
  policyKey: string;
  /** Default: the latest version of that policy. */
  version?: number | null | undefined;
};

export type ClusterInput = {
  name: string;
};

export type CoverageCsvInput = {
  academicYear?: number | null | undefined;
  /** One school: a line per pupil. Omit: a line per school, year group and benchmark in your scope. */
  schoolId?: string | number | null | undefined;
  /** Export a snapshot instead of the live figures. */
  snapshotId?: string | number | null | undefined;
};

export type CoverageGapFilter = {
  clusterId?: string | number | null | undefined;
  schoolId?: string | number | null | undefined;
  yearGroup?: number | null | undefined;
};

export type CoverageSnapshotFilter = {
  academicYear?: number | null | undefined;
  schoolId?: string | number | null | undefined;
};

export type CreateEmployerInput = {
  latitude?: number | null | undefined;
  longitude?: number | null | undefined;
  maxRequestsPerMonth?: number | null | undefined;
  name: string;
  postcode?: string | null | undefined;
  /** One of: health, construction, digital, manufacturing, finance, retail, hospitality, public_sector, creative, logistics, energy, education, law, science. */
  sector: string;
  /** One of: self_employed, micro, sme, large. */
  sizeBand: string;
  website?: string | null | undefined;
};

export type CreateHubInput = {
  /** The first hub admin: invited by email as the hub is created. */
  firstAdminEmail: string;
  name: string;
  /** Lower-case letters, digits and hyphens (1–63), e.g. "leeds-city-region". */
  slug: string;
};

export type CreateOfferInput = {
  /** One of: careers_talk, employer_panel, cv_workshop, mock_interviews, enterprise_challenge, mentoring, virtual_workplace_tour, workplace_visit, work_shadowing, insight_day, work_experience. */
  activityType: string;
  availabilityWindows?: Array<OfferAvailabilityWindowInput> | null | undefined;
  /** One of the employer's contacts, who leads it. */
  contactId?: string | number | null | undefined;
  description?: string | null | undefined;
  durationMinutes: number;
  employerId: string | number;
  /** One of: in_person_workplace, in_person_school, virtual. */
  format: string;
  pupilsPerSession: number;
  sessions?: Array<OfferSessionInput> | null | undefined;
  sessionsAvailable: number;
  /** draft (default) or published. */
  status?: string | null | undefined;
  title: string;
  /** Required for in_person_school. */
  travelRadiusKm?: number | null | undefined;
  /** Eligible year groups, 7–13. */
  yearGroups: Array<number>;
};

export type CreateRequestInput = {
  /** One of: careers_talk, employer_panel, cv_workshop, mock_interviews, enterprise_challenge, mentoring, virtual_workplace_tour, workplace_visit, work_shadowing, insight_day, work_experience. */
  activityType: string;
  /** YYYY-MM-DD: answer needed by. */
  deadline?: string | null | undefined;
  /** One of: in_person_workplace, in_person_school, virtual. */
  formats: Array<string>;
  notes?: string | null | undefined;
  pupilCount: number;
  schoolId: string | number;
  /** At least one. */
  windows: Array<RequestWindowInput>;
  /** A year group the school teaches. */
  yearGroup: number;
};

export type CreateSchoolInput = {
  /** A cluster of this hub. */
  clusterId: string | number;
  /** 7–13, not below lowestYearGroup. */
  highestYearGroup: number;
  /** Give with longitude, or neither. */
  latitude?: number | null | undefined;
  /** Give with latitude, or neither. */
  longitude?: number | null | undefined;
  /** 7–13. */
  lowestYearGroup: number;
  name: string;
  /** One of: secondary, all_through, middle, special, alternative_provision, sixth_form. */
  phase: string;
  /** A UK postcode; stored upper case with one space. */
  postcode: string;
  /** 6 digits. */
  urn: string;
};

export type DbsStatus =
  | 'basic'
  | 'enhanced'
  | 'enhanced_barred_list'
  | 'none';

export type DeclineBookingInput = {
  /** Another time you could do, in words. */
  proposedAlternative?: string | null | undefined;
  reason?: string | null | undefined;
};

export type EmployerContactInput = {
  /** YYYY-MM-DD; required unless dbsStatus is none. */
  dbsCheckedOn?: string | null | undefined;
  /** One of: none, basic, enhanced, enhanced_barred_list. Default none. */
  dbsStatus?: string | null | undefined;
  email: string;
  jobTitle?: string | null | undefined;
  name: string;
  phone?: string | null | undefined;
};

export type EmployerFilter = {
  includeArchived?: boolean | null | undefined;
  /** Part of the name (case-insensitive). */
  search?: string | null | undefined;
  sector?: string | null | undefined;
  sizeBand?: string | null | undefined;
  /** YYYY-MM-DD; the day vettingStatus is judged on. */
  vettingOn?: string | null | undefined;
  /** vetted or not_vetted, on vettingOn (default today). */
  vettingStatus?: string | null | undefined;
};

export type EncounterEmployerInput = {
  employerId: string | number;
  /** Default 1. */
  volunteers?: number | null | undefined;
};

export type EncounterFilter = {
  /** Academic year by its starting year (2025 = 2025/26). */
  academicYear?: number | null | undefined;
  activityType?: string | null | undefined;
  /** The encounter a delivered booking became. */
  bookingId?: string | number | null | undefined;
  schoolId?: string | number | null | undefined;
  status?: string | null | undefined;
};

export type EncounterStatus =
  | 'cancelled'
  | 'delivered'
  | 'planned';

/** Where an encounter happens. */
export type Format =
  | 'in_person_school'
  | 'in_person_workplace'
  | 'virtual';

/** Only the settings given change; null resets one to its default. */
export type HubSettingsInput = {
  invitationValidityHours?: number | null | undefined;
  /** null resets every weight to its default. */
  matchingWeights?: MatchingWeightsInput | null | undefined;
};

export type ImportJobStatus =
  | 'FAILED'
  | 'QUEUED'
  | 'RUNNING'
  | 'SUCCEEDED';

/** PENDING until accepted, revoked (also when replaced by a resend) or past its expiry. */
export type InvitationState =
  | 'ACCEPTED'
  | 'EXPIRED'
  | 'PENDING'
  | 'REVOKED';

export type InviteUserInput = {
  clusterId?: string | number | null | undefined;
  email: string;
  employerId?: string | number | null | undefined;
  /** HUB_ADMIN, COORDINATOR (needs clusterId), SCHOOL_STAFF (needs schoolId) or EMPLOYER_CONTACT (needs employerId). */
  role: Role;
  schoolId?: string | number | null | undefined;
};

export type LogEncounterInput = {
  /** One of: careers_talk, employer_panel, cv_workshop, mock_interviews, enterprise_challenge, mentoring, virtual_workplace_tour, workplace_visit, work_shadowing, insight_day, work_experience. */
  activityType: string;
  /** Meaningful-checklist criteria ticked. One of: purpose_shared, learning_outcomes, two_way_interaction, reflection, range_of_people, employer_task, employer_feedback. */
  checklist?: Array<string> | null | undefined;
  /** YYYY-MM-DD (Europe/London); not in the future when delivered. */
  date: string;
  durationMinutes?: number | null | undefined;
  employers?: Array<EncounterEmployerInput> | null | undefined;
  /** One of: in_person_workplace, in_person_school, virtual. */
  format: string;
  /** Headcount-only encounters: how many attended (at most the year groups on roll). */
  headcount?: number | null | undefined;
  /** Only a headcount is known (no attendance list). */
  headcountOnly?: boolean | null | undefined;
  /** Pupils who attended (delivered, not headcount-only). */
  pupilIds?: Array<string | number> | null | undefined;
  schoolId: string | number;
  /** One of: planned, delivered, cancelled. Default delivered. */
  status?: string | null | undefined;
  title?: string | null | undefined;
  /** Year groups it was for (the school must teach them). */
  yearGroups: Array<number>;
};

export type LoginInput = {
  email: string;
  password: string;
  /** The hub to log in to, when you belong to several (its slug). */
  tenantSlug?: string | null | undefined;
};

export type MatchingProposalStatus =
  | 'accepted'
  | 'proposed'
  | 'rejected'
  | 'superseded';

export type MatchingReasonCode =
  | 'BEYOND_TRAVEL_RADIUS'
  | 'CLOSES_GAP'
  | 'CONTACT_ALREADY_BOOKED'
  | 'DISTANCE'
  | 'EMPLOYER_AT_MONTHLY_LIMIT'
  | 'EMPLOYER_MONTH_ALLOWANCE'
  | 'FORMAT_NOT_ACCEPTED'
  | 'NOT_CHOSEN'
  | 'NOT_WORTH_PROPOSING'
  | 'NO_OFFER_OF_TYPE'
  | 'OFFER_FULLY_BOOKED'
  | 'OFFER_SESSIONS_LEFT'
  | 'OUTSIDE_WINDOWS'
  | 'SCHOOL_HAS_ENOUGH'
  | 'SCHOOL_NOT_LOCATED'
  | 'SCHOOL_SHARE'
  | 'SESSION_TAKEN'
  | 'TOO_MANY_PUPILS'
  | 'VETTING_NOT_VALID'
  | 'VIRTUAL'
  | 'WINDOWS_PASSED'
  | 'YEAR_GROUP_ALREADY_BOOKED'
  | 'YEAR_GROUP_NOT_ELIGIBLE';

export type MatchingRunStatus =
  | 'failed'
  | 'queued'
  | 'running'
  | 'succeeded';

/** Only the weights given change; null resets one to its default. */
export type MatchingWeightsInput = {
  disadvantagedUplift?: number | null | undefined;
  fairnessCap?: number | null | undefined;
  fairnessStep?: number | null | undefined;
  perKm?: number | null | undefined;
  pupilBeyondGap?: number | null | undefined;
};

export type MeaningfulCriterion =
  | 'employer_feedback'
  | 'employer_task'
  | 'learning_outcomes'
  | 'purpose_shared'
  | 'range_of_people'
  | 'reflection'
  | 'two_way_interaction';

export type NotificationCategory =
  | 'check_ins'
  | 'follow_ups'
  | 'nudges'
  | 'reminders';

export type NotificationPreferencesInput = {
  /** The categories to switch off (an empty list switches everything on). One of: reminders, follow_ups, nudges, check_ins. */
  muted: Array<string>;
};

export type OfferAvailabilityWindowInput = {
  /** HH:MM, after startTime. */
  endTime: string;
  /** YYYY-MM-DD, on or after startsOn. */
  endsOn: string;
  /** HH:MM (24-hour, Europe/London). */
  startTime: string;
  /** YYYY-MM-DD */
  startsOn: string;
  /** ISO weekdays (1 = Monday); default Monday to Friday. */
  weekdays?: Array<number> | null | undefined;
};

export type OfferFilter = {
  activityType?: string | null | undefined;
  /** YYYY-MM-DD: available on or after this day. */
  dateFrom?: string | null | undefined;
  /** YYYY-MM-DD: available on or before this day. */
  dateTo?: string | null | undefined;
  employerId?: string | number | null | undefined;
  format?: string | null | undefined;
  includeArchived?: boolean | null | undefined;
  /** draft or published (school staff only ever see published). */
  status?: string | null | undefined;
  /** Offers open to this year group. */
  yearGroup?: number | null | undefined;
};

export type OfferSessionInput = {
  /** 1 up to the offer's pupilsPerSession (the default). */
  capacity?: number | null | undefined;
  /** After startsAt. */
  endsAt: string;
  /** ISO date-time with a zone, e.g. 2026-02-03T13:30:00Z; in the future. */
  startsAt: string;
};

export type OfferStatus =
  | 'archived'
  | 'draft'
  | 'published';

export type PriorityGroup =
  | 'at_risk'
  | 'care_experienced'
  | 'disadvantaged'
  | 'send';

export type PupilFilter = {
  /** true: RONI score 50 or more; false: below it or none. */
  atRisk?: boolean | null | undefined;
  careExperienced?: boolean | null | undefined;
  disadvantaged?: boolean | null | undefined;
  /** Also pupils who have left (default: on roll today only). */
  includeLeavers?: boolean | null | undefined;
  /** The start of the reference (case-insensitive). */
  search?: string | null | undefined;
  send?: boolean | null | undefined;
  yearGroup?: number | null | undefined;
};

/** ALL_OR_NOTHING (default): any bad row writes nothing. VALID_ROWS_ONLY: the good rows are written, the bad ones reported. */
export type PupilImportMode =
  | 'ALL_OR_NOTHING'
  | 'VALID_ROWS_ONLY';

export type RequestFilter = {
  activityType?: string | null | undefined;
  clusterId?: string | number | null | undefined;
  /** YYYY-MM-DD: a window on or after this day. */
  dateFrom?: string | null | undefined;
  /** YYYY-MM-DD: a window on or before this day. */
  dateTo?: string | null | undefined;
  /** Include cancelled (archived) requests. */
  includeArchived?: boolean | null | undefined;
  schoolId?: string | number | null | undefined;
  /** One of: open, matched, fulfilled, cancelled. */
  status?: string | null | undefined;
  yearGroup?: number | null | undefined;
};

/** A school asks for one session of a posted offer. */
export type RequestOfferSessionInput = {
  notes?: string | null | undefined;
  offerSessionId: string | number;
  pupilCount: number;
  schoolId: string | number;
  yearGroup: number;
};

export type RequestStatus =
  | 'cancelled'
  | 'fulfilled'
  | 'matched'
  | 'open';

export type RequestWindowInput = {
  /** After startsAt. */
  endsAt: string;
  /** ISO date-time with a zone, e.g. 2026-02-03T13:30:00Z; not in the past. */
  startsAt: string;
};

export type RescheduleBookingInput = {
  /** Another open session of the same offer. */
  offerSessionId: string | number;
  reason?: string | null | undefined;
};

export type ResetPasswordInput = {
  /** At least 12 characters, not your email address. */
  newPassword: string;
  /** The token from the reset email. */
  token: string;
};

/** PLATFORM_ADMIN runs the platform; the others are roles in one hub (membership roles). */
export type Role =
  | 'COORDINATOR'
  | 'EMPLOYER_CONTACT'
  | 'HUB_ADMIN'
  | 'PLATFORM_ADMIN'
  | 'SCHOOL_STAFF';

export type SchoolFilter = {
  clusterId?: string | number | null | undefined;
  includeArchived?: boolean | null | undefined;
  /** One of: secondary, all_through, middle, special, alternative_provision, sixth_form. */
  phase?: string | null | undefined;
  /** Part of the name (case-insensitive), or the first digits of the URN. */
  search?: string | null | undefined;
};

export type SchoolPhase =
  | 'all_through'
  | 'alternative_provision'
  | 'middle'
  | 'secondary'
  | 'sixth_form'
  | 'special';

export type SizeBand =
  | 'large'
  | 'micro'
  | 'self_employed'
  | 'sme';

export type StartMatchingRunInput = {
  /** The cluster to match. Coordinators: their own (the default). Hub admins: any cluster, or none for the whole hub. */
  clusterId?: string | number | null | undefined;
  /** This run's own weights, over the hub's (a weight not given keeps the hub's). */
  weights?: MatchingWeightsInput | null | undefined;
};

export type TakeCoverageSnapshotInput = {
  /** YYYY-MM-DD, not in the future. Default today. */
  asOf?: string | null | undefined;
  /** One school; omit for the whole hub (hub admins). */
  schoolId?: string | number | null | undefined;
};

/** Only the fields given change; null clears an optional one. */
export type UpdateEmployerInput = {
  latitude?: number | null | undefined;
  longitude?: number | null | undefined;
  maxRequestsPerMonth?: number | null | undefined;
  name?: string | null | undefined;
  postcode?: string | null | undefined;
  sector?: string | null | undefined;
  sizeBand?: string | null | undefined;
  website?: string | null | undefined;
};

/** Only the fields given change. */
export type UpdateHubInput = {
  name?: string | null | undefined;
  settings?: HubSettingsInput | null | undefined;
};

/** Only the fields given change; availabilityWindows, when given, replace the set. */
export type UpdateOfferInput = {
  activityType?: string | null | undefined;
  availabilityWindows?: Array<OfferAvailabilityWindowInput> | null | undefined;
  contactId?: string | number | null | undefined;
  description?: string | null | undefined;
  durationMinutes?: number | null | undefined;
  format?: string | null | undefined;
  pupilsPerSession?: number | null | undefined;
  sessionsAvailable?: number | null | undefined;
  status?: string | null | undefined;
  title?: string | null | undefined;
  travelRadiusKm?: number | null | undefined;
  yearGroups?: Array<number> | null | undefined;
};

/** Only the fields given change. URN and cluster are for hub admins only. */
export type UpdateSchoolInput = {
  clusterId?: string | number | null | undefined;
  highestYearGroup?: number | null | undefined;
  latitude?: number | null | undefined;
  longitude?: number | null | undefined;
  lowestYearGroup?: number | null | undefined;
  name?: string | null | undefined;
  phase?: string | null | undefined;
  postcode?: string | null | undefined;
  urn?: string | null | undefined;
};

export type VettingCheckInput = {
  /** YYYY-MM-DD, not in the future. */
  checkedOn: string;
  documentRef?: string | null | undefined;
  /** YYYY-MM-DD, on or after checkedOn (valid through this day). */
  expiresOn: string;
  /** One of: safeguarding_policy, employers_liability_insurance, health_and_safety. */
  kind: string;
  notes?: string | null | undefined;
  /** One of: passed, failed, declared. */
  outcome: string;
};

export type VettingKind =
  | 'employers_liability_insurance'
  | 'health_and_safety'
  | 'safeguarding_policy';

export type VettingOutcome =
  | 'declared'
  | 'failed'
  | 'passed';

export type InvitationPreviewQueryVariables = Exact<{
  token: string;
}>;


export type InvitationPreviewQuery = { invitationPreview: { hubName: string, role: Role, email: string, expiresAt: string, state: InvitationState, accountExists: boolean } };

export type RequestPasswordResetMutationVariables = Exact<{
  email: string;
}>;


export type RequestPasswordResetMutation = { requestPasswordReset: boolean };

export type ResetPasswordMutationVariables = Exact<{
  input: ResetPasswordInput;
}>;


export type ResetPasswordMutation = { resetPassword: boolean };

export type LoginMutationVariables = Exact<{
  input: LoginInput;
}>;


export type LoginMutation = { login: { accessToken: string, refreshToken: string, accessTokenExpiresAt: string, me: { userId: string, email: string, displayName: string | null, tenantId: string | null, tenantName: string | null, tenantSlug: string | null, membershipId: string | null, role: Role, clusterId: string | null, schoolId: string | null, employerId: string | null } } };

export type RefreshSessionMutationVariables = Exact<{
  refreshToken: string;
}>;


export type RefreshSessionMutation = { refreshSession: { accessToken: string, refreshToken: string, accessTokenExpiresAt: string, me: { userId: string, email: string, displayName: string | null, tenantId: string | null, tenantName: string | null, tenantSlug: string | null, membershipId: string | null, role: Role, clusterId: string | null, schoolId: string | null, employerId: string | null } } };

export type SwitchMembershipMutationVariables = Exact<{
  membershipId: string | number;
  refreshToken?: string | null | undefined;
}>;


export type SwitchMembershipMutation = { switchMembership: { accessToken: string, refreshToken: string, accessTokenExpiresAt: string, me: { userId: string, email: string, displayName: string | null, tenantId: string | null, tenantName: string | null, tenantSlug: string | null, membershipId: string | null, role: Role, clusterId: string | null, schoolId: string | null, employerId: string | null } } };

export type AcceptInvitationMutationVariables = Exact<{
  input: AcceptInvitationInput;
}>;


export type AcceptInvitationMutation = { acceptInvitation: { accessToken: string, refreshToken: string, accessTokenExpiresAt: string, me: { userId: string, email: string, displayName: string | null, tenantId: string | null, tenantName: string | null, tenantSlug: string | null, membershipId: string | null, role: Role, clusterId: string | null, schoolId: string | null, employerId: string | null } } };

export type LogoutMutationVariables = Exact<{
  refreshToken: string;
}>;


export type LogoutMutation = { logout: boolean };

export type ChangePasswordMutationVariables = Exact<{
  input: ChangePasswordInput;
}>;


export type ChangePasswordMutation = { changePassword: boolean };

export type BookingCalendarQueryVariables = Exact<{
  dateFrom: string;
  dateTo: string;
}>;


export type BookingCalendarQuery = { bookingCalendar: Array<{ id: string, title: string, activityType: string, schoolName: string, employerName: string, startsAt: string, endsAt: string, state: BookingState, yearGroup: number, pupilCount: number }> };

export type BookingsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: BookingFilter | null | undefined;
}>;


export type BookingsQuery = { bookings: { totalCount: number, nodes: Array<{ id: string, title: string, activityType: string, format: string, schoolName: string, employerName: string, startsAt: string, endsAt: string, state: BookingState, yearGroup: number, pupilCount: number }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type BookingQueryVariables = Exact<{
  id: string | number;
}>;


export type BookingQuery = { booking: { id: string, title: string, activityType: string, format: string, schoolId: string, schoolName: string, employerId: string, employerName: string, startsAt: string, endsAt: string, state: BookingState, yearGroup: number, pupilCount: number, offerId: string, offerSessionId: string, requestId: string, deliveredAt: string | null, recordedAt: string | null, transitions: Array<{ id: string, action: BookingTransitionAction, actorSide: BookingSide, byEmailLink: boolean, fromState: string | null, toState: string, reason: string | null, proposedAlternative: string | null, createdAt: string }> } };

export type BookingEncounterQueryVariables = Exact<{
  bookingId: string | number;
}>;


export type BookingEncounterQuery = { encounters: { nodes: Array<{ id: string }> } };

export type AcceptBookingMutationVariables = Exact<{
  id: string | number;
}>;


export type AcceptBookingMutation = { acceptBooking: { id: string, state: BookingState } };

export type DeclineBookingMutationVariables = Exact<{
  id: string | number;
  input?: DeclineBookingInput | null | undefined;
}>;


export type DeclineBookingMutation = { declineBooking: { id: string, state: BookingState } };

export type CancelBookingMutationVariables = Exact<{
  id: string | number;
  input: BookingReasonInput;
}>;


export type CancelBookingMutation = { cancelBooking: { id: string, state: BookingState } };

export type MarkBookingDeliveredMutationVariables = Exact<{
  id: string | number;
}>;


export type MarkBookingDeliveredMutation = { markBookingDelivered: { id: string, state: BookingState } };

export type OfferSessionsForMoveQueryVariables = Exact<{
  id: string | number;
}>;


export type OfferSessionsForMoveQuery = { offer: { id: string, sessions: Array<{ id: string, startsAt: string, endsAt: string, status: string, capacity: number }> } };

export type RescheduleBookingMutationVariables = Exact<{
  id: string | number;
  input: RescheduleBookingInput;
}>;


export type RescheduleBookingMutation = { rescheduleBooking: { id: string, state: BookingState, startsAt: string } };

export type MarkBookingNoShowMutationVariables = Exact<{
  id: string | number;
  input: BookingReasonInput;
}>;


export type MarkBookingNoShowMutation = { markBookingNoShow: { id: string, state: BookingState } };

export type ClusterCoverageQueryVariables = Exact<{
  clusterId: string | number;
}>;


export type ClusterCoverageQuery = { clusterCoverage: { id: string | null, name: string, academicYearLabel: string, policy: { name: string }, figures: Array<{ benchmark: number, met: number, pupils: number, percentage: number | null, gap: number }>, groups: Array<{ id: string | null, name: string, figures: Array<{ benchmark: number, met: number, pupils: number, percentage: number | null, gap: number }>, byYearGroup: Array<{ yearGroup: number, figures: Array<{ benchmark: number, met: number, pupils: number, percentage: number | null, gap: number }> }> }>, headcountOnly: { encounters: number, headcount: number } } };

export type HubCoverageQueryVariables = Exact<{ [key: string]: never; }>;


export type HubCoverageQuery = { hubCoverage: { name: string, academicYearLabel: string, policy: { name: string }, figures: Array<{ benchmark: number, met: number, pupils: number, percentage: number | null, gap: number }>, groups: Array<{ id: string | null, name: string, figures: Array<{ benchmark: number, met: number, pupils: number, percentage: number | null, gap: number }> }>, headcountOnly: { encounters: number, headcount: number } } };

export type CoverageGapsQueryVariables = Exact<{
  benchmark: number;
  filter?: CoverageGapFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type CoverageGapsQuery = { coverageGaps: { totalCount: number, nodes: Array<{ pupilId: string, reference: string, yearGroup: number, schoolId: string, counted: number, minimum: number, priorityGroups: Array<PriorityGroup> }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type PupilCoverageQueryVariables = Exact<{
  pupilId: string | number;
}>;


export type PupilCoverageQuery = { pupilCoverage: { pupilId: string, reference: string, yearGroup: number, statuses: Array<{ benchmark: number, state: BenchmarkState, counted: number, minimum: number, windowLabel: string | null, reasons: Array<string> }>, encounters: Array<{ encounterId: string, date: string, activityType: string, title: string | null, verdicts: Array<{ benchmark: number, counts: boolean, reasons: Array<string> }> }> } };

export type SchoolCoverageQueryVariables = Exact<{
  schoolId: string | number;
  academicYear?: number | null | undefined;
}>;


export type SchoolCoverageQuery = { schoolCoverage: { id: string | null, name: string, academicYear: number, academicYearLabel: string, figures: Array<{ benchmark: number, met: number, pupils: number, percentage: number | null, gap: number, priorityPupils: number, priorityMet: number, disadvantagedPupils: number, disadvantagedMet: number }>, byYearGroup: Array<{ yearGroup: number, figures: Array<{ benchmark: number, met: number, pupils: number, percentage: number | null, gap: number, priorityPupils: number, priorityMet: number, disadvantagedPupils: number, disadvantagedMet: number }> }>, headcountOnly: { encounters: number, headcount: number }, policy: { key: string, name: string } } };

export type CoverageCsvQueryVariables = Exact<{
  input: CoverageCsvInput;
}>;


export type CoverageCsvQuery = { coverageCsv: { filename: string, content: string, contentType: string, rows: number } };

export type CoverageSnapshotsQueryVariables = Exact<{
  filter?: CoverageSnapshotFilter | null | undefined;
}>;


export type CoverageSnapshotsQuery = { coverageSnapshots: { totalCount: number, nodes: Array<{ id: string, asOf: string, kind: string, takenAt: string, figures: Array<{ benchmark: number, met: number, pupils: number, percentage: number | null }> }> } };

export type TakeCoverageSnapshotMutationVariables = Exact<{
  input: TakeCoverageSnapshotInput;
}>;


export type TakeCoverageSnapshotMutation = { takeCoverageSnapshot: { id: string, asOf: string } };

export type OpenSidesQueryVariables = Exact<{ [key: string]: never; }>;


export type OpenSidesQuery = { requests: { totalCount: number, nodes: Array<{ id: string, schoolId: string, activityType: ActivityType, yearGroup: number, pupilCount: number, deadline: string | null, createdAt: string }> }, offers: { totalCount: number, nodes: Array<{ id: string, title: string, activityType: ActivityType, format: Format, yearGroups: Array<number>, pupilsPerSession: number, employer: { name: string }, sessions: Array<{ id: string, status: string, startsAt: string }> }> }, schools: { nodes: Array<{ id: string, name: string }> } };

export type SchoolWaitingQueryVariables = Exact<{ [key: string]: never; }>;


export type SchoolWaitingQuery = { bookings: { nodes: Array<{ id: string, state: BookingState, activityType: string, employerName: string, startsAt: string, endsAt: string }> } };

export type WaitingQueryVariables = Exact<{
  vettingOn: string;
}>;


export type WaitingQuery = { requests: { nodes: Array<{ id: string, schoolId: string, activityType: ActivityType, yearGroup: number, createdAt: string, status: RequestStatus }> }, schools: { nodes: Array<{ id: string, name: string }> }, bookings: { nodes: Array<{ id: string, state: BookingState, schoolName: string, employerName: string, activityType: string, startsAt: string, endsAt: string, updatedAt: string }> }, employers: { nodes: Array<{ id: string, name: string, vettingStatus: { vetted: boolean, validUntil: string | null } }> }, bookingSettings: { unansweredAfterDays: number } };

export type EmployerQueryVariables = Exact<{
  id: string | number;
}>;


export type EmployerQuery = { employer: { id: string, name: string, sector: string | null, sizeBand: SizeBand, postcode: string | null, website: string | null, maxRequestsPerMonth: number | null, vettingStatus: { vetted: boolean, validUntil: string | null, missingKinds: Array<string> | null, onDate: string }, vettingChecks: Array<{ id: string, kind: VettingKind, outcome: VettingOutcome, checkedOn: string, expiresOn: string, documentRef: string | null, notes: string | null, recordedByName: string | null, recordedAt: string }> | null, contacts: Array<{ id: string, name: string, email: string, jobTitle: string | null, phone: string | null, dbsStatus: DbsStatus | null, dbsCheckedOn: string | null }> } };

export type RecordVettingCheckMutationVariables = Exact<{
  employerId: string | number;
  input: VettingCheckInput;
}>;


export type RecordVettingCheckMutation = { recordVettingCheck: { id: string } };

export type AddEmployerContactMutationVariables = Exact<{
  employerId: string | number;
  input: EmployerContactInput;
}>;


export type AddEmployerContactMutation = { addEmployerContact: { id: string, name: string } };

export type EmployersQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: EmployerFilter | null | undefined;
}>;


export type EmployersQuery = { employers: { totalCount: number, nodes: Array<{ id: string, name: string, sector: string | null, sizeBand: SizeBand, postcode: string | null, maxRequestsPerMonth: number | null, vettingStatus: { vetted: boolean, validUntil: string | null, missingKinds: Array<string> | null } }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type UpdateEmployerMutationVariables = Exact<{
  id: string | number;
  input: UpdateEmployerInput;
}>;


export type UpdateEmployerMutation = { updateEmployer: { id: string, name: string } };

export type CreateEmployerMutationVariables = Exact<{
  input: CreateEmployerInput;
}>;


export type CreateEmployerMutation = { createEmployer: { id: string, name: string } };

export type EncounterQueryVariables = Exact<{
  id: string | number;
}>;


export type EncounterQuery = { encounter: { id: string, title: string | null, date: string, activityType: ActivityType, format: Format, status: EncounterStatus, schoolId: string, yearGroups: Array<number>, headcountOnly: boolean, headcount: number | null, attendanceCount: number, checklist: Array<MeaningfulCriterion>, bookingId: string | null, durationMinutes: number | null, employers: Array<{ employerId: string, name: string, volunteers: number }>, benchmarks: Array<{ benchmark: number, counts: boolean, reasons: Array<string> }>, attendees: Array<{ pupilId: string, reference: string, yearGroup: number }> | null } };

export type SetEncounterChecklistMutationVariables = Exact<{
  encounterId: string | number;
  criteria: Array<string> | string;
}>;


export type SetEncounterChecklistMutation = { setEncounterChecklist: { id: string, checklist: Array<MeaningfulCriterion>, benchmarks: Array<{ benchmark: number, counts: boolean, reasons: Array<string> }> } };

export type RecordAttendanceMutationVariables = Exact<{
  encounterId: string | number;
  input: AttendanceInput;
}>;


export type RecordAttendanceMutation = { recordAttendance: { added: number, removed: number, attendanceCount: number } };

export type RecordAttendanceCsvMutationVariables = Exact<{
  encounterId: string | number;
  input: AttendanceCsvInput;
}>;


export type RecordAttendanceCsvMutation = { recordAttendanceCsv: { added: number, removed: number, attendanceCount: number, errors: Array<{ line: number, field: string, code: string, message: string }> } };

export type YearPupilsQueryVariables = Exact<{
  schoolId: string | number;
  yearGroup: number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type YearPupilsQuery = { pupils: { totalCount: number, nodes: Array<{ id: string, reference: string, displayName: string | null, disadvantaged: boolean, atRisk: boolean, send: boolean, careExperienced: boolean }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type EncountersQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: EncounterFilter | null | undefined;
}>;


export type EncountersQuery = { encounters: { totalCount: number, nodes: Array<{ id: string, title: string | null, date: string, activityType: ActivityType, format: Format, status: EncounterStatus, yearGroups: Array<number>, headcountOnly: boolean, headcount: number | null, attendanceCount: number, checklist: Array<MeaningfulCriterion>, bookingId: string | null, employers: Array<{ name: string }>, benchmarks: Array<{ benchmark: number, counts: boolean, reasons: Array<string> }> }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type LogEncounterMutationVariables = Exact<{
  input: LogEncounterInput;
}>;


export type LogEncounterMutation = { logEncounter: { id: string } };

export type ClustersQueryVariables = Exact<{ [key: string]: never; }>;


export type ClustersQuery = { clusters: { totalCount: number, nodes: Array<{ id: string, name: string, createdAt: string }> }, schools: { totalCount: number, nodes: Array<{ id: string, clusterId: string | null }> }, memberships: { nodes: Array<{ id: string, clusterId: string | null, displayName: string | null, email: string }> } };

export type CreateClusterMutationVariables = Exact<{
  input: ClusterInput;
}>;


export type CreateClusterMutation = { createCluster: { id: string, name: string } };

export type HubsQueryVariables = Exact<{ [key: string]: never; }>;


export type HubsQuery = { hubs: Array<{ id: string, name: string, slug: string, createdAt: string, archivedAt: string | null }> };

export type CreateHubMutationVariables = Exact<{
  input: CreateHubInput;
}>;


export type CreateHubMutation = { createHub: { id: string, name: string, slug: string } };

export type PeopleQueryVariables = Exact<{ [key: string]: never; }>;


export type PeopleQuery = { memberships: { totalCount: number, nodes: Array<{ id: string, displayName: string | null, email: string, role: Role, clusterId: string | null, schoolId: string | null, employerId: string | null, lastLoginAt: string | null }> }, invitations: { totalCount: number, nodes: Array<{ id: string, email: string, role: Role, state: InvitationState, expiresAt: string, createdAt: string, clusterId: string | null, schoolId: string | null, employerId: string | null }> } };

export type InviteUserMutationVariables = Exact<{
  input: InviteUserInput;
}>;


export type InviteUserMutation = { inviteUser: { id: string, email: string, role: Role, state: InvitationState, expiresAt: string } };

export type ResendInvitationMutationVariables = Exact<{
  id: string | number;
}>;


export type ResendInvitationMutation = { resendInvitation: { id: string, state: InvitationState } };

export type RevokeInvitationMutationVariables = Exact<{
  id: string | number;
}>;


export type RevokeInvitationMutation = { revokeInvitation: { id: string, state: InvitationState } };

export type SchoolsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: SchoolFilter | null | undefined;
}>;


export type SchoolsQuery = { schools: { totalCount: number, nodes: Array<{ id: string, name: string, urn: string, postcode: string | null, phase: SchoolPhase, lowestYearGroup: number, highestYearGroup: number, clusterId: string | null, pupilCount: number | null }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type UpdateSchoolMutationVariables = Exact<{
  id: string | number;
  input: UpdateSchoolInput;
}>;


export type UpdateSchoolMutation = { updateSchool: { id: string, name: string } };

export type CreateSchoolMutationVariables = Exact<{
  input: CreateSchoolInput;
}>;


export type CreateSchoolMutation = { createSchool: { id: string, name: string } };

export type HubSettingsQueryVariables = Exact<{ [key: string]: never; }>;


export type HubSettingsQuery = { hub: { id: string, name: string, slug: string, settings: { invitationValidityHours: number | null, matchingWeights: { pupilBeyondGap: number, disadvantagedUplift: number, perKm: number, fairnessStep: number, fairnessCap: number }, defaultMatchingWeights: { pupilBeyondGap: number, disadvantagedUplift: number, perKm: number, fairnessStep: number, fairnessCap: number } } }, bookingSettings: { reminderDaysBefore: Array<number>, sendFrom: string, sendUntil: string, sendOnWeekends: boolean, unansweredAfterDays: number, linkValidityDays: number, followUpHoursAfter: number } };

export type UpdateHubMutationVariables = Exact<{
  input: UpdateHubInput;
}>;


export type UpdateHubMutation = { updateHub: { id: string, name: string, settings: { invitationValidityHours: number | null } } };

export type UpdateMatchingWeightsMutationVariables = Exact<{
  input: UpdateHubInput;
}>;


export type UpdateMatchingWeightsMutation = { updateHub: { id: string, settings: { matchingWeights: { pupilBeyondGap: number, disadvantagedUplift: number, perKm: number, fairnessStep: number, fairnessCap: number } } } };

export type UpdateBookingSettingsMutationVariables = Exact<{
  input: BookingSettingsInput;
}>;


export type UpdateBookingSettingsMutation = { updateBookingSettings: { reminderDaysBefore: Array<number>, sendFrom: string, sendUntil: string, sendOnWeekends: boolean, unansweredAfterDays: number, linkValidityDays: number, followUpHoursAfter: number } };

export type BenchmarkPoliciesQueryVariables = Exact<{ [key: string]: never; }>;


export type BenchmarkPoliciesQuery = { hubBenchmarkPolicy: { id: string, key: string, version: number, name: string }, benchmarkPolicies: Array<{ id: string, key: string, version: number, name: string, description: string, isDefault: boolean, benchmarks: Array<{ benchmark: number, label: string, windows: Array<{ label: string, minimum: number }> }> }> };

export type ChooseBenchmarkPolicyMutationVariables = Exact<{
  input: ChooseBenchmarkPolicyInput;
}>;


export type ChooseBenchmarkPolicyMutation = { chooseBenchmarkPolicy: { id: string, key: string, version: number, name: string } };

export type MyNotificationPreferencesQueryVariables = Exact<{ [key: string]: never; }>;


export type MyNotificationPreferencesQuery = { myNotificationPreferences: { email: string, muted: Array<NotificationCategory> } };

export type UpdateMyNotificationPreferencesMutationVariables = Exact<{
  input: NotificationPreferencesInput;
}>;


export type UpdateMyNotificationPreferencesMutation = { updateMyNotificationPreferences: { email: string, muted: Array<NotificationCategory> } };

export type EmployerImpactQueryVariables = Exact<{
  employerId: string | number;
}>;


export type EmployerImpactQuery = { employerImpact: { academicYear: number | null, encountersDelivered: number, pupilsReached: number, disadvantagedReached: number, headcountReached: number, shareDisadvantaged: number | null, volunteerHours: number } };

export type MatchingRunsQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type MatchingRunsQuery = { matchingRuns: { totalCount: number, nodes: Array<{ id: string, scope: string, status: MatchingRunStatus, proposalCount: number | null, createdAt: string, cluster: { name: string } | null }> } };

export type MatchingRunQueryVariables = Exact<{
  id: string | number;
}>;


export type MatchingRunQuery = { matchingRun: { id: string, scope: string, status: MatchingRunStatus, phase: string, progress: number, optimal: boolean | null, objective: number | null, bound: number | null, relativeGap: number | null, errorMessage: string | null, createdAt: string, finishedAt: string | null, requestsConsidered: number | null, sessionsConsidered: number | null, proposalCount: number | null, unmatchedCount: number | null, pupilsCovered: number | null, gapPupilsCovered: number | null, solveMs: number | null, cluster: { name: string } | null, proposals: Array<{ id: string, status: MatchingProposalStatus, bookingId: string | null, schoolName: string, yearGroup: number, pupils: number, gapPupilsClosed: number, benchmark: number, activityType: string, format: string, offerTitle: string, employerName: string, startsAt: string, endsAt: string, distanceKm: number | null, employerMonthRemaining: number | null, worth: number, summary: string, reasons: Array<{ code: MatchingReasonCode, text: string }> }>, unmatched: Array<{ id: string, schoolName: string, activityType: string, yearGroup: number, pupils: number, summary: string }> } };

export type StartMatchingRunMutationVariables = Exact<{
  input: StartMatchingRunInput;
}>;


export type StartMatchingRunMutation = { startMatchingRun: { id: string, status: MatchingRunStatus } };

export type AcceptMatchingProposalsMutationVariables = Exact<{
  ids: Array<string | number> | string | number;
}>;


export type AcceptMatchingProposalsMutation = { acceptMatchingProposals: { succeeded: number, failed: number, results: Array<{ proposalId: string, ok: boolean, error: { code: string, message: string, field: string | null } | null }> } };

export type RejectMatchingProposalsMutationVariables = Exact<{
  ids: Array<string | number> | string | number;
}>;


export type RejectMatchingProposalsMutation = { rejectMatchingProposals: { succeeded: number, failed: number, results: Array<{ proposalId: string, ok: boolean, error: { code: string, message: string, field: string | null } | null }> } };

export type OfferQueryVariables = Exact<{
  id: string | number;
}>;


export type OfferQuery = { offer: { id: string, title: string, description: string | null, activityType: ActivityType, format: Format, benchmark: number, durationMinutes: number, pupilsPerSession: number, sessionsAvailable: number, yearGroups: Array<number>, travelRadiusKm: number | null, status: OfferStatus, employerId: string, employer: { id: string, name: string }, availabilityWindows: Array<{ id: string, startsOn: string, endsOn: string, weekdays: Array<number>, startTime: string, endTime: string }>, sessions: Array<{ id: string, startsAt: string, endsAt: string, status: string, capacity: number }> } };

export type AddOfferSessionMutationVariables = Exact<{
  offerId: string | number;
  input: OfferSessionInput;
}>;


export type AddOfferSessionMutation = { addOfferSession: { id: string } };

export type CancelOfferSessionMutationVariables = Exact<{
  id: string | number;
}>;


export type CancelOfferSessionMutation = { cancelOfferSession: { id: string, status: string } };

export type RequestOfferSessionMutationVariables = Exact<{
  input: RequestOfferSessionInput;
}>;


export type RequestOfferSessionMutation = { requestOfferSession: { id: string, state: BookingState } };

export type CreateOfferMutationVariables = Exact<{
  input: CreateOfferInput;
}>;


export type CreateOfferMutation = { createOffer: { id: string, title: string } };

export type UpdateOfferMutationVariables = Exact<{
  id: string | number;
  input: UpdateOfferInput;
}>;


export type UpdateOfferMutation = { updateOffer: { id: string, title: string } };

export type OffersQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: OfferFilter | null | undefined;
}>;


export type OffersQuery = { offers: { totalCount: number, nodes: Array<{ id: string, title: string, activityType: ActivityType, format: Format, benchmark: number, pupilsPerSession: number, sessionsAvailable: number, yearGroups: Array<number>, status: OfferStatus, employer: { id: string, name: string }, sessions: Array<{ id: string, startsAt: string, endsAt: string, status: string, capacity: number }> }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type SchoolOptionsQueryVariables = Exact<{ [key: string]: never; }>;


export type SchoolOptionsQuery = { schools: { totalCount: number, nodes: Array<{ id: string, name: string, urn: string, clusterId: string | null, lowestYearGroup: number, highestYearGroup: number }> } };

export type ClusterOptionsQueryVariables = Exact<{ [key: string]: never; }>;


export type ClusterOptionsQuery = { clusters: { nodes: Array<{ id: string, name: string }> } };

export type EmployerOptionsQueryVariables = Exact<{ [key: string]: never; }>;


export type EmployerOptionsQuery = { employers: { totalCount: number, nodes: Array<{ id: string, name: string }> } };

export type ImportJobQueryVariables = Exact<{
  id: string | number;
}>;


export type ImportJobQuery = { importJob: { id: string, status: ImportJobStatus, mode: PupilImportMode, totalRows: number, processedRows: number, insertedRows: number, updatedRows: number, errorCount: number, errors: Array<{ line: number, field: string | null, code: string, message: string }> } };

export type SchoolPupilsQueryVariables = Exact<{
  schoolId: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: PupilFilter | null | undefined;
}>;


export type SchoolPupilsQuery = { school: { id: string, name: string, lowestYearGroup: number, highestYearGroup: number, pupilCount: number | null, pupilCounts: Array<{ yearGroup: number, pupils: number, disadvantaged: number, send: number, careExperienced: number, atRisk: number }> | null }, pupils: { totalCount: number, nodes: Array<{ id: string, reference: string, displayName: string | null, yearGroup: number | null, dateOfBirth: string | null, disadvantaged: boolean, send: boolean, careExperienced: boolean, atRisk: boolean, onRollFrom: string }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type RequestsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: RequestFilter | null | undefined;
}>;


export type RequestsQuery = { requests: { totalCount: number, nodes: Array<{ id: string, schoolId: string, activityType: ActivityType, yearGroup: number, pupilCount: number, formats: Array<Format>, deadline: string | null, status: RequestStatus, notes: string | null, createdAt: string, windows: Array<{ id: string, startsAt: string, endsAt: string }> }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type CreateRequestMutationVariables = Exact<{
  input: CreateRequestInput;
}>;


export type CreateRequestMutation = { createRequest: { id: string } };

export type CandidateOffersQueryVariables = Exact<{
  filter?: OfferFilter | null | undefined;
}>;


export type CandidateOffersQuery = { offers: { nodes: Array<{ id: string, title: string, format: Format, pupilsPerSession: number, employer: { id: string, name: string }, sessions: Array<{ id: string, startsAt: string, endsAt: string, status: string, capacity: number }> }> } };

export type ProposeBookingMutationVariables = Exact<{
  requestId: string | number;
  offerSessionId: string | number;
}>;


export type ProposeBookingMutation = { proposeBooking: { id: string, state: BookingState } };

export type MyMembershipsQueryVariables = Exact<{ [key: string]: never; }>;


export type MyMembershipsQuery = { myMemberships: Array<{ membershipId: string, tenantName: string, tenantSlug: string, role: Role, current: boolean }> };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const InvitationPreviewDocument = new TypedDocumentString(`
    query InvitationPreview($token: String!) {
  invitationPreview(token: $token) {
    hubName
    role
    email
    expiresAt
    state
    accountExists
  }
}
    `) as unknown as TypedDocumentString<InvitationPreviewQuery, InvitationPreviewQueryVariables>;
export const RequestPasswordResetDocument = new TypedDocumentString(`
    mutation RequestPasswordReset($email: String!) {
  requestPasswordReset(email: $email)
}
    `) as unknown as TypedDocumentString<RequestPasswordResetMutation, RequestPasswordResetMutationVariables>;
export const ResetPasswordDocument = new TypedDocumentString(`
    mutation ResetPassword($input: ResetPasswordInput!) {
  resetPassword(input: $input)
}
    `) as unknown as TypedDocumentString<ResetPasswordMutation, ResetPasswordMutationVariables>;
export const LoginDocument = new TypedDocumentString(`
    mutation Login($input: LoginInput!) {
  login(input: $input) {
    accessToken
    refreshToken
    accessTokenExpiresAt
    me {
      userId
      email
      displayName
      tenantId
      tenantName
      tenantSlug
      membershipId
      role
      clusterId
      schoolId
      employerId
    }
  }
}
    `) as unknown as TypedDocumentString<LoginMutation, LoginMutationVariables>;
export const RefreshSessionDocument = new TypedDocumentString(`
    mutation RefreshSession($refreshToken: String!) {
  refreshSession(refreshToken: $refreshToken) {
    accessToken
    refreshToken
    accessTokenExpiresAt
    me {
      userId
      email
      displayName
      tenantId
      tenantName
      tenantSlug
      membershipId
      role
      clusterId
      schoolId
      employerId
    }
  }
}
    `) as unknown as TypedDocumentString<RefreshSessionMutation, RefreshSessionMutationVariables>;
export const SwitchMembershipDocument = new TypedDocumentString(`
    mutation SwitchMembership($membershipId: ID!, $refreshToken: String) {
  switchMembership(membershipId: $membershipId, refreshToken: $refreshToken) {
    accessToken
    refreshToken
    accessTokenExpiresAt
    me {
      userId
      email
      displayName
      tenantId
      tenantName
      tenantSlug
      membershipId
      role
      clusterId
      schoolId
      employerId
    }
  }
}
    `) as unknown as TypedDocumentString<SwitchMembershipMutation, SwitchMembershipMutationVariables>;
export const AcceptInvitationDocument = new TypedDocumentString(`
    mutation AcceptInvitation($input: AcceptInvitationInput!) {
  acceptInvitation(input: $input) {
    accessToken
    refreshToken
    accessTokenExpiresAt
    me {
      userId
      email
      displayName
      tenantId
      tenantName
      tenantSlug
      membershipId
      role
      clusterId
      schoolId
      employerId
    }
  }
}
    `) as unknown as TypedDocumentString<AcceptInvitationMutation, AcceptInvitationMutationVariables>;
export const LogoutDocument = new TypedDocumentString(`
    mutation Logout($refreshToken: String!) {
  logout(refreshToken: $refreshToken)
}
    `) as unknown as TypedDocumentString<LogoutMutation, LogoutMutationVariables>;
export const ChangePasswordDocument = new TypedDocumentString(`
    mutation ChangePassword($input: ChangePasswordInput!) {
  changePassword(input: $input)
}
    `) as unknown as TypedDocumentString<ChangePasswordMutation, ChangePasswordMutationVariables>;
export const BookingCalendarDocument = new TypedDocumentString(`
    query BookingCalendar($dateFrom: String!, $dateTo: String!) {
  bookingCalendar(dateFrom: $dateFrom, dateTo: $dateTo) {
    id
    title
    activityType
    schoolName
    employerName
    startsAt
    endsAt
    state
    yearGroup
    pupilCount
  }
}
    `) as unknown as TypedDocumentString<BookingCalendarQuery, BookingCalendarQueryVariables>;
export const BookingsDocument = new TypedDocumentString(`
    query Bookings($first: Int, $after: String, $filter: BookingFilter) {
  bookings(first: $first, after: $after, filter: $filter) {
    nodes {
      id
      title
      activityType
      format
      schoolName
      employerName
      startsAt
      endsAt
      state
      yearGroup
      pupilCount
    }
    pageInfo {
      endCursor
      hasNextPage
    }
    totalCount
  }
}
    `) as unknown as TypedDocumentString<BookingsQuery, BookingsQueryVariables>;
export const BookingDocument = new TypedDocumentString(`
    query Booking($id: ID!) {
  booking(id: $id) {
    id
    title
    activityType
    format
    schoolId
    schoolName
    employerId
    employerName
    startsAt
    endsAt
    state
    yearGroup
    pupilCount
    offerId
    offerSessionId
    requestId
    deliveredAt
    recordedAt
    transitions {
      id
      action
      actorSide
      byEmailLink
      fromState
      toState
      reason
      proposedAlternative
      createdAt
    }
  }
}
    `) as unknown as TypedDocumentString<BookingQuery, BookingQueryVariables>;
export const BookingEncounterDocument = new TypedDocumentString(`
    query BookingEncounter($bookingId: ID!) {
  encounters(first: 1, filter: {bookingId: $bookingId}) {
    nodes {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<BookingEncounterQuery, BookingEncounterQueryVariables>;
export const AcceptBookingDocument = new TypedDocumentString(`
    mutation AcceptBooking($id: ID!) {
  acceptBooking(id: $id) {
    id
    state
  }
}
    `) as unknown as TypedDocumentString<AcceptBookingMutation, AcceptBookingMutationVariables>;
export const DeclineBookingDocument = new TypedDocumentString(`
    mutation DeclineBooking($id: ID!, $input: DeclineBookingInput) {
  declineBooking(id: $id, input: $input) {
    id
    state
  }
}
    `) as unknown as TypedDocumentString<DeclineBookingMutation, DeclineBookingMutationVariables>;
export const CancelBookingDocument = new TypedDocumentString(`
    mutation CancelBooking($id: ID!, $input: BookingReasonInput!) {
  cancelBooking(id: $id, input: $input) {
    id
    state
  }
}
    `) as unknown as TypedDocumentString<CancelBookingMutation, CancelBookingMutationVariables>;
export const MarkBookingDeliveredDocument = new TypedDocumentString(`
    mutation MarkBookingDelivered($id: ID!) {
  markBookingDelivered(id: $id) {
    id
    state
  }
}
    `) as unknown as TypedDocumentString<MarkBookingDeliveredMutation, MarkBookingDeliveredMutationVariables>;
export const OfferSessionsForMoveDocument = new TypedDocumentString(`
    query OfferSessionsForMove($id: ID!) {
  offer(id: $id) {
    id
    sessions {
      id
      startsAt
      endsAt
      status
      capacity
    }
  }
}
    `) as unknown as TypedDocumentString<OfferSessionsForMoveQuery, OfferSessionsForMoveQueryVariables>;
export const RescheduleBookingDocument = new TypedDocumentString(`
    mutation RescheduleBooking($id: ID!, $input: RescheduleBookingInput!) {
  rescheduleBooking(id: $id, input: $input) {
    id
    state
    startsAt
  }
}
    `) as unknown as TypedDocumentString<RescheduleBookingMutation, RescheduleBookingMutationVariables>;
export const MarkBookingNoShowDocument = new TypedDocumentString(`
    mutation MarkBookingNoShow($id: ID!, $input: BookingReasonInput!) {
  markBookingNoShow(id: $id, input: $input) {
    id
    state
  }
}
    `) as unknown as TypedDocumentString<MarkBookingNoShowMutation, MarkBookingNoShowMutationVariables>;
export const ClusterCoverageDocument = new TypedDocumentString(`
    query ClusterCoverage($clusterId: ID!) {
  clusterCoverage(clusterId: $clusterId) {
    id
    name
    academicYearLabel
    policy {
      name
    }
    figures {
      benchmark
      met
      pupils
      percentage
      gap
    }
    groups {
      id
      name
      figures {
        benchmark
        met
        pupils
        percentage
        gap
      }
      byYearGroup {
        yearGroup
        figures {
          benchmark
          met
          pupils
          percentage
          gap
        }
      }
    }
    headcountOnly {
      encounters
      headcount
    }
  }
}
    `) as unknown as TypedDocumentString<ClusterCoverageQuery, ClusterCoverageQueryVariables>;
export const HubCoverageDocument = new TypedDocumentString(`
    query HubCoverage {
  hubCoverage {
    name
    academicYearLabel
    policy {
      name
    }
    figures {
      benchmark
      met
      pupils
      percentage
      gap
    }
    groups {
      id
      name
      figures {
        benchmark
        met
        pupils
        percentage
        gap
      }
    }
    headcountOnly {
      encounters
      headcount
    }
  }
}
    `) as unknown as TypedDocumentString<HubCoverageQuery, HubCoverageQueryVariables>;
export const CoverageGapsDocument = new TypedDocumentString(`
    query CoverageGaps($benchmark: Int!, $filter: CoverageGapFilter, $first: Int, $after: String) {
  coverageGaps(
    benchmark: $benchmark
    filter: $filter
    first: $first
    after: $after
  ) {
    nodes {
      pupilId
      reference
      yearGroup
      schoolId
      counted
      minimum
      priorityGroups
    }
    pageInfo {
      endCursor
      hasNextPage
    }
    totalCount
  }
}
    `) as unknown as TypedDocumentString<CoverageGapsQuery, CoverageGapsQueryVariables>;
export const PupilCoverageDocument = new TypedDocumentString(`
    query PupilCoverage($pupilId: ID!) {
  pupilCoverage(pupilId: $pupilId) {
    pupilId
    reference
    yearGroup
    statuses {
      benchmark
      state
      counted
      minimum
      windowLabel
      reasons
    }
    encounters {
      encounterId
      date
      activityType
      title
      verdicts {
        benchmark
        counts
        reasons
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PupilCoverageQuery, PupilCoverageQueryVariables>;
export const SchoolCoverageDocument = new TypedDocumentString(`
    query SchoolCoverage($schoolId: ID!, $academicYear: Int) {
  schoolCoverage(schoolId: $schoolId, academicYear: $academicYear) {
    id
    name
    academicYear
    academicYearLabel
    figures {
      benchmark
      met
      pupils
      percentage
      gap
      priorityPupils
      priorityMet
      disadvantagedPupils
      disadvantagedMet
    }
    byYearGroup {
      yearGroup
      figures {
        benchmark
        met
        pupils
        percentage
        gap
        priorityPupils
        priorityMet
        disadvantagedPupils
        disadvantagedMet
      }
    }
    headcountOnly {
      encounters
      headcount
    }
    policy {
      key
      name
    }
  }
}
    `) as unknown as TypedDocumentString<SchoolCoverageQuery, SchoolCoverageQueryVariables>;
export const CoverageCsvDocument = new TypedDocumentString(`
    query CoverageCsv($input: CoverageCsvInput!) {
  coverageCsv(input: $input) {
    filename
    content
    contentType
    rows
  }
}
    `) as unknown as TypedDocumentString<CoverageCsvQuery, CoverageCsvQueryVariables>;
export const CoverageSnapshotsDocument = new TypedDocumentString(`
    query CoverageSnapshots($filter: CoverageSnapshotFilter) {
  coverageSnapshots(first: 10, filter: $filter) {
    nodes {
      id
      asOf
      kind
      takenAt
      figures {
        benchmark
        met
        pupils
        percentage
      }
    }
    totalCount
  }
}
    `) as unknown as TypedDocumentString<CoverageSnapshotsQuery, CoverageSnapshotsQueryVariables>;
export const TakeCoverageSnapshotDocument = new TypedDocumentString(`
    mutation TakeCoverageSnapshot($input: TakeCoverageSnapshotInput!) {
  takeCoverageSnapshot(input: $input) {
    id
    asOf
  }
}
    `) as unknown as TypedDocumentString<TakeCoverageSnapshotMutation, TakeCoverageSnapshotMutationVariables>;
export const OpenSidesDocument = new TypedDocumentString(`
    query OpenSides {
  requests(first: 20, filter: {status: "open"}) {
    nodes {
      id
      schoolId
      activityType
      yearGroup
      pupilCount
      deadline
      createdAt
    }
    totalCount
  }
  offers(first: 20, filter: {status: "published"}) {
    nodes {
      id
      title
      activityType
      format
      yearGroups
      pupilsPerSession
      employer {
        name
      }
      sessions {
        id
        status
        startsAt
      }
    }
    totalCount
  }
  schools(first: 100) {
    nodes {
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<OpenSidesQuery, OpenSidesQueryVariables>;
export const SchoolWaitingDocument = new TypedDocumentString(`
    query SchoolWaiting {
  bookings(
    first: 50
    filter: {states: ["proposed", "accepted_by_employer", "delivered"]}
  ) {
    nodes {
      id
      state
      activityType
      employerName
      startsAt
      endsAt
    }
  }
}
    `) as unknown as TypedDocumentString<SchoolWaitingQuery, SchoolWaitingQueryVariables>;
export const WaitingDocument = new TypedDocumentString(`
    query Waiting($vettingOn: String!) {
  requests(first: 100, filter: {status: "open"}) {
    nodes {
      id
      schoolId
      activityType
      yearGroup
      createdAt
      status
    }
  }
  schools(first: 100) {
    nodes {
      id
      name
    }
  }
  bookings(
    first: 100
    filter: {states: ["proposed", "accepted_by_school", "accepted_by_employer", "confirmed", "delivered"]}
  ) {
    nodes {
      id
      state
      schoolName
      employerName
      activityType
      startsAt
      endsAt
      updatedAt
    }
  }
  employers(
    first: 100
    filter: {vettingStatus: "not_vetted", vettingOn: $vettingOn}
  ) {
    nodes {
      id
      name
      vettingStatus {
        vetted
        validUntil
      }
    }
  }
  bookingSettings {
    unansweredAfterDays
  }
}
    `) as unknown as TypedDocumentString<WaitingQuery, WaitingQueryVariables>;
export const EmployerDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<EmployerQuery, EmployerQueryVariables>;
export const RecordVettingCheckDocument = new TypedDocumentString(`
    mutation RecordVettingCheck($employerId: ID!, $input: VettingCheckInput!) {
  recordVettingCheck(employerId: $employerId, input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<RecordVettingCheckMutation, RecordVettingCheckMutationVariables>;
export const AddEmployerContactDocument = new TypedDocumentString(`
    mutation AddEmployerContact($employerId: ID!, $input: EmployerContactInput!) {
  addEmployerContact(employerId: $employerId, input: $input) {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<AddEmployerContactMutation, AddEmployerContactMutationVariables>;
export const EmployersDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<EmployersQuery, EmployersQueryVariables>;
export const UpdateEmployerDocument = new TypedDocumentString(`
    mutation UpdateEmployer($id: ID!, $input: UpdateEmployerInput!) {
  updateEmployer(id: $id, input: $input) {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<UpdateEmployerMutation, UpdateEmployerMutationVariables>;
export const CreateEmployerDocument = new TypedDocumentString(`
    mutation CreateEmployer($input: CreateEmployerInput!) {
  createEmployer(input: $input) {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<CreateEmployerMutation, CreateEmployerMutationVariables>;
export const EncounterDocument = new TypedDocumentString(`
    query Encounter($id: ID!) {
  encounter(id: $id) {
    id
    title
    date
    activityType
    format
    status
    schoolId
    yearGroups
    headcountOnly
    headcount
    attendanceCount
    checklist
    bookingId
    durationMinutes
    employers {
      employerId
      name
      volunteers
    }
    benchmarks {
      benchmark
      counts
      reasons
    }
    attendees {
      pupilId
      reference
      yearGroup
    }
  }
}
    `) as unknown as TypedDocumentString<EncounterQuery, EncounterQueryVariables>;
export const SetEncounterChecklistDocument = new TypedDocumentString(`
    mutation SetEncounterChecklist($encounterId: ID!, $criteria: [String!]!) {
  setEncounterChecklist(encounterId: $encounterId, criteria: $criteria) {
    id
    checklist
    benchmarks {
      benchmark
      counts
      reasons
    }
  }
}
    `) as unknown as TypedDocumentString<SetEncounterChecklistMutation, SetEncounterChecklistMutationVariables>;
export const RecordAttendanceDocument = new TypedDocumentString(`
    mutation RecordAttendance($encounterId: ID!, $input: AttendanceInput!) {
  recordAttendance(encounterId: $encounterId, input: $input) {
    added
    removed
    attendanceCount
  }
}
    `) as unknown as TypedDocumentString<RecordAttendanceMutation, RecordAttendanceMutationVariables>;
export const RecordAttendanceCsvDocument = new TypedDocumentString(`
    mutation RecordAttendanceCsv($encounterId: ID!, $input: AttendanceCsvInput!) {
  recordAttendanceCsv(encounterId: $encounterId, input: $input) {
    added
    removed
    attendanceCount
    errors {
      line
      field
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<RecordAttendanceCsvMutation, RecordAttendanceCsvMutationVariables>;
export const YearPupilsDocument = new TypedDocumentString(`
    query YearPupils($schoolId: ID!, $yearGroup: Int!, $first: Int, $after: String) {
  pupils(
    schoolId: $schoolId
    first: $first
    after: $after
    filter: {yearGroup: $yearGroup}
  ) {
    nodes {
      id
      reference
      displayName
      disadvantaged
      atRisk
      send
      careExperienced
    }
    pageInfo {
      endCursor
      hasNextPage
    }
    totalCount
  }
}
    `) as unknown as TypedDocumentString<YearPupilsQuery, YearPupilsQueryVariables>;
export const EncountersDocument = new TypedDocumentString(`
    query Encounters($first: Int, $after: String, $filter: EncounterFilter) {
  encounters(first: $first, after: $after, filter: $filter) {
    nodes {
      id
      title
      date
      activityType
      format
      status
      yearGroups
      headcountOnly
      headcount
      attendanceCount
      checklist
      bookingId
      employers {
        name
      }
      benchmarks {
        benchmark
        counts
        reasons
      }
    }
    pageInfo {
      endCursor
      hasNextPage
    }
    totalCount
  }
}
    `) as unknown as TypedDocumentString<EncountersQuery, EncountersQueryVariables>;
export const LogEncounterDocument = new TypedDocumentString(`
    mutation LogEncounter($input: LogEncounterInput!) {
  logEncounter(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<LogEncounterMutation, LogEncounterMutationVariables>;
export const ClustersDocument = new TypedDocumentString(`
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
  memberships(first: 100, filter: {role: COORDINATOR}) {
    nodes {
      id
      clusterId
      displayName
      email
    }
  }
}
    `) as unknown as TypedDocumentString<ClustersQuery, ClustersQueryVariables>;
export const CreateClusterDocument = new TypedDocumentString(`
    mutation CreateCluster($input: ClusterInput!) {
  createCluster(input: $input) {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<CreateClusterMutation, CreateClusterMutationVariables>;
export const HubsDocument = new TypedDocumentString(`
    query Hubs {
  hubs {
    id
    name
    slug
    createdAt
    archivedAt
  }
}
    `) as unknown as TypedDocumentString<HubsQuery, HubsQueryVariables>;
export const CreateHubDocument = new TypedDocumentString(`
    mutation CreateHub($input: CreateHubInput!) {
  createHub(input: $input) {
    id
    name
    slug
  }
}
    `) as unknown as TypedDocumentString<CreateHubMutation, CreateHubMutationVariables>;
export const PeopleDocument = new TypedDocumentString(`
    query People {
  memberships(first: 100) {
    nodes {
      id
      displayName
      email
      role
      clusterId
      schoolId
      employerId
      lastLoginAt
    }
    totalCount
  }
  invitations(first: 50) {
    nodes {
      id
      email
      role
      state
      expiresAt
      createdAt
      clusterId
      schoolId
      employerId
    }
    totalCount
  }
}
    `) as unknown as TypedDocumentString<PeopleQuery, PeopleQueryVariables>;
export const InviteUserDocument = new TypedDocumentString(`
    mutation InviteUser($input: InviteUserInput!) {
  inviteUser(input: $input) {
    id
    email
    role
    state
    expiresAt
  }
}
    `) as unknown as TypedDocumentString<InviteUserMutation, InviteUserMutationVariables>;
export const ResendInvitationDocument = new TypedDocumentString(`
    mutation ResendInvitation($id: ID!) {
  resendInvitation(id: $id) {
    id
    state
  }
}
    `) as unknown as TypedDocumentString<ResendInvitationMutation, ResendInvitationMutationVariables>;
export const RevokeInvitationDocument = new TypedDocumentString(`
    mutation RevokeInvitation($id: ID!) {
  revokeInvitation(id: $id) {
    id
    state
  }
}
    `) as unknown as TypedDocumentString<RevokeInvitationMutation, RevokeInvitationMutationVariables>;
export const SchoolsDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<SchoolsQuery, SchoolsQueryVariables>;
export const UpdateSchoolDocument = new TypedDocumentString(`
    mutation UpdateSchool($id: ID!, $input: UpdateSchoolInput!) {
  updateSchool(id: $id, input: $input) {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<UpdateSchoolMutation, UpdateSchoolMutationVariables>;
export const CreateSchoolDocument = new TypedDocumentString(`
    mutation CreateSchool($input: CreateSchoolInput!) {
  createSchool(input: $input) {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<CreateSchoolMutation, CreateSchoolMutationVariables>;
export const HubSettingsDocument = new TypedDocumentString(`
    query HubSettings {
  hub {
    id
    name
    slug
    settings {
      invitationValidityHours
      matchingWeights {
        pupilBeyondGap
        disadvantagedUplift
        perKm
        fairnessStep
        fairnessCap
      }
      defaultMatchingWeights {
        pupilBeyondGap
        disadvantagedUplift
        perKm
        fairnessStep
        fairnessCap
      }
    }
  }
  bookingSettings {
    reminderDaysBefore
    sendFrom
    sendUntil
    sendOnWeekends
    unansweredAfterDays
    linkValidityDays
    followUpHoursAfter
  }
}
    `) as unknown as TypedDocumentString<HubSettingsQuery, HubSettingsQueryVariables>;
export const UpdateHubDocument = new TypedDocumentString(`
    mutation UpdateHub($input: UpdateHubInput!) {
  updateHub(input: $input) {
    id
    name
    settings {
      invitationValidityHours
    }
  }
}
    `) as unknown as TypedDocumentString<UpdateHubMutation, UpdateHubMutationVariables>;
export const UpdateMatchingWeightsDocument = new TypedDocumentString(`
    mutation UpdateMatchingWeights($input: UpdateHubInput!) {
  updateHub(input: $input) {
    id
    settings {
      matchingWeights {
        pupilBeyondGap
        disadvantagedUplift
        perKm
        fairnessStep
        fairnessCap
      }
    }
  }
}
    `) as unknown as TypedDocumentString<UpdateMatchingWeightsMutation, UpdateMatchingWeightsMutationVariables>;
export const UpdateBookingSettingsDocument = new TypedDocumentString(`
    mutation UpdateBookingSettings($input: BookingSettingsInput!) {
  updateBookingSettings(input: $input) {
    reminderDaysBefore
    sendFrom
    sendUntil
    sendOnWeekends
    unansweredAfterDays
    linkValidityDays
    followUpHoursAfter
  }
}
    `) as unknown as TypedDocumentString<UpdateBookingSettingsMutation, UpdateBookingSettingsMutationVariables>;
export const BenchmarkPoliciesDocument = new TypedDocumentString(`
    query BenchmarkPolicies {
  hubBenchmarkPolicy {
    id
    key
    version
    name
  }
  benchmarkPolicies {
    id
    key
    version
    name
    description
    isDefault
    benchmarks {
      benchmark
      label
      windows {
        label
        minimum
      }
    }
  }
}
    `) as unknown as TypedDocumentString<BenchmarkPoliciesQuery, BenchmarkPoliciesQueryVariables>;
export const ChooseBenchmarkPolicyDocument = new TypedDocumentString(`
    mutation ChooseBenchmarkPolicy($input: ChooseBenchmarkPolicyInput!) {
  chooseBenchmarkPolicy(input: $input) {
    id
    key
    version
    name
  }
}
    `) as unknown as TypedDocumentString<ChooseBenchmarkPolicyMutation, ChooseBenchmarkPolicyMutationVariables>;
export const MyNotificationPreferencesDocument = new TypedDocumentString(`
    query MyNotificationPreferences {
  myNotificationPreferences {
    email
    muted
  }
}
    `) as unknown as TypedDocumentString<MyNotificationPreferencesQuery, MyNotificationPreferencesQueryVariables>;
export const UpdateMyNotificationPreferencesDocument = new TypedDocumentString(`
    mutation UpdateMyNotificationPreferences($input: NotificationPreferencesInput!) {
  updateMyNotificationPreferences(input: $input) {
    email
    muted
  }
}
    `) as unknown as TypedDocumentString<UpdateMyNotificationPreferencesMutation, UpdateMyNotificationPreferencesMutationVariables>;
export const EmployerImpactDocument = new TypedDocumentString(`
    query EmployerImpact($employerId: ID!) {
  employerImpact(employerId: $employerId) {
    academicYear
    encountersDelivered
    pupilsReached
    disadvantagedReached
    headcountReached
    shareDisadvantaged
    volunteerHours
  }
}
    `) as unknown as TypedDocumentString<EmployerImpactQuery, EmployerImpactQueryVariables>;
export const MatchingRunsDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<MatchingRunsQuery, MatchingRunsQueryVariables>;
export const MatchingRunDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<MatchingRunQuery, MatchingRunQueryVariables>;
export const StartMatchingRunDocument = new TypedDocumentString(`
    mutation StartMatchingRun($input: StartMatchingRunInput!) {
  startMatchingRun(input: $input) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<StartMatchingRunMutation, StartMatchingRunMutationVariables>;
export const AcceptMatchingProposalsDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<AcceptMatchingProposalsMutation, AcceptMatchingProposalsMutationVariables>;
export const RejectMatchingProposalsDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<RejectMatchingProposalsMutation, RejectMatchingProposalsMutationVariables>;
export const OfferDocument = new TypedDocumentString(`
    query Offer($id: ID!) {
  offer(id: $id) {
    id
    title
    description
    activityType
    format
    benchmark
    durationMinutes
    pupilsPerSession
    sessionsAvailable
    yearGroups
    travelRadiusKm
    status
    employerId
    employer {
      id
      name
    }
    availabilityWindows {
      id
      startsOn
      endsOn
      weekdays
      startTime
      endTime
    }
    sessions {
      id
      startsAt
      endsAt
      status
      capacity
    }
  }
}
    `) as unknown as TypedDocumentString<OfferQuery, OfferQueryVariables>;
export const AddOfferSessionDocument = new TypedDocumentString(`
    mutation AddOfferSession($offerId: ID!, $input: OfferSessionInput!) {
  addOfferSession(offerId: $offerId, input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<AddOfferSessionMutation, AddOfferSessionMutationVariables>;
export const CancelOfferSessionDocument = new TypedDocumentString(`
    mutation CancelOfferSession($id: ID!) {
  cancelOfferSession(id: $id) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<CancelOfferSessionMutation, CancelOfferSessionMutationVariables>;
export const RequestOfferSessionDocument = new TypedDocumentString(`
    mutation RequestOfferSession($input: RequestOfferSessionInput!) {
  requestOfferSession(input: $input) {
    id
    state
  }
}
    `) as unknown as TypedDocumentString<RequestOfferSessionMutation, RequestOfferSessionMutationVariables>;
export const CreateOfferDocument = new TypedDocumentString(`
    mutation CreateOffer($input: CreateOfferInput!) {
  createOffer(input: $input) {
    id
    title
  }
}
    `) as unknown as TypedDocumentString<CreateOfferMutation, CreateOfferMutationVariables>;
export const UpdateOfferDocument = new TypedDocumentString(`
    mutation UpdateOffer($id: ID!, $input: UpdateOfferInput!) {
  updateOffer(id: $id, input: $input) {
    id
    title
  }
}
    `) as unknown as TypedDocumentString<UpdateOfferMutation, UpdateOfferMutationVariables>;
export const OffersDocument = new TypedDocumentString(`
    query Offers($first: Int, $after: String, $filter: OfferFilter) {
  offers(first: $first, after: $after, filter: $filter) {
    nodes {
      id
      title
      activityType
      format
      benchmark
      pupilsPerSession
      sessionsAvailable
      yearGroups
      status
      employer {
        id
        name
      }
      sessions {
        id
        startsAt
        endsAt
        status
        capacity
      }
    }
    pageInfo {
      endCursor
      hasNextPage
    }
    totalCount
  }
}
    `) as unknown as TypedDocumentString<OffersQuery, OffersQueryVariables>;
export const SchoolOptionsDocument = new TypedDocumentString(`
    query SchoolOptions {
  schools(first: 100) {
    nodes {
      id
      name
      urn
      clusterId
      lowestYearGroup
      highestYearGroup
    }
    totalCount
  }
}
    `) as unknown as TypedDocumentString<SchoolOptionsQuery, SchoolOptionsQueryVariables>;
export const ClusterOptionsDocument = new TypedDocumentString(`
    query ClusterOptions {
  clusters(first: 100) {
    nodes {
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<ClusterOptionsQuery, ClusterOptionsQueryVariables>;
export const EmployerOptionsDocument = new TypedDocumentString(`
    query EmployerOptions {
  employers(first: 100) {
    nodes {
      id
      name
    }
    totalCount
  }
}
    `) as unknown as TypedDocumentString<EmployerOptionsQuery, EmployerOptionsQueryVariables>;
export const ImportJobDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<ImportJobQuery, ImportJobQueryVariables>;
export const SchoolPupilsDocument = new TypedDocumentString(`
    query SchoolPupils($schoolId: ID!, $first: Int, $after: String, $filter: PupilFilter) {
  school(id: $schoolId) {
    id
    name
    lowestYearGroup
    highestYearGroup
    pupilCount
    pupilCounts {
      yearGroup
      pupils
      disadvantaged
      send
      careExperienced
      atRisk
    }
  }
  pupils(schoolId: $schoolId, first: $first, after: $after, filter: $filter) {
    nodes {
      id
      reference
      displayName
      yearGroup
      dateOfBirth
      disadvantaged
      send
      careExperienced
      atRisk
      onRollFrom
    }
    pageInfo {
      endCursor
      hasNextPage
    }
    totalCount
  }
}
    `) as unknown as TypedDocumentString<SchoolPupilsQuery, SchoolPupilsQueryVariables>;
export const RequestsDocument = new TypedDocumentString(`
    query Requests($first: Int, $after: String, $filter: RequestFilter) {
  requests(first: $first, after: $after, filter: $filter) {
    nodes {
      id
      schoolId
      activityType
      yearGroup
      pupilCount
      formats
      deadline
      status
      notes
      createdAt
      windows {
        id
        startsAt
        endsAt
      }
    }
    pageInfo {
      endCursor
      hasNextPage
    }
    totalCount
  }
}
    `) as unknown as TypedDocumentString<RequestsQuery, RequestsQueryVariables>;
export const CreateRequestDocument = new TypedDocumentString(`
    mutation CreateRequest($input: CreateRequestInput!) {
  createRequest(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<CreateRequestMutation, CreateRequestMutationVariables>;
export const CandidateOffersDocument = new TypedDocumentString(`
    query CandidateOffers($filter: OfferFilter) {
  offers(first: 50, filter: $filter) {
    nodes {
      id
      title
      format
      pupilsPerSession
      employer {
        id
        name
      }
      sessions {
        id
        startsAt
        endsAt
        status
        capacity
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CandidateOffersQuery, CandidateOffersQueryVariables>;
export const ProposeBookingDocument = new TypedDocumentString(`
    mutation ProposeBooking($requestId: ID!, $offerSessionId: ID!) {
  proposeBooking(requestId: $requestId, offerSessionId: $offerSessionId) {
    id
    state
  }
}
    `) as unknown as TypedDocumentString<ProposeBookingMutation, ProposeBookingMutationVariables>;
export const MyMembershipsDocument = new TypedDocumentString(`
    query MyMemberships {
  myMemberships {
    membershipId
    tenantName
    tenantSlug
    role
    current
  }
}
    `) as unknown as TypedDocumentString<MyMembershipsQuery, MyMembershipsQueryVariables>;