import { AuditLogEntry } from './audit-log-entry.entity';
import { BookingLink } from './booking-link.entity';
import { BookingSettingsRow } from './booking-settings.entity';
import { BookingTransition } from './booking-transition.entity';
import { Booking } from './booking.entity';
import { Cluster } from './cluster.entity';
import { EmployerContact } from './employer-contact.entity';
import { Employer } from './employer.entity';
import { EncounterRequest } from './encounter-request.entity';
import { ImportJob } from './import-job.entity';
import { Invitation } from './invitation.entity';
import { AuthSession } from './auth-session.entity';
import { AuthThrottleCounter } from './auth-throttle.entity';
import { PasswordReset } from './password-reset.entity';
import { MatchingProposal } from './matching-proposal.entity';
import { MatchingRun } from './matching-run.entity';
import { MatchingUnmatchedRequest } from './matching-unmatched-request.entity';
import { Membership } from './membership.entity';
import { NotificationPreference } from './notification-preference.entity';
import { OfferAvailabilityWindow } from './offer-availability-window.entity';
import { OfferSession } from './offer-session.entity';
import { Offer } from './offer.entity';
import { OutboxMessage } from './outbox-message.entity';
import { PlatformRefreshSession } from './platform-refresh-session.entity';
import { Pupil } from './pupil.entity';
import { RefreshSession } from './refresh-session.entity';
import { RequestWindow } from './request-window.entity';
import { School } from './school.entity';
import { SentEmail } from './sent-email.entity';
import { MailSendAttempt } from './mail-send-attempt.entity';
import { Tenant } from './tenant.entity';
import { User } from './user.entity';
import { VettingCheck } from './vetting-check.entity';
import { LEDGER_ENTITIES } from './ledger-entities';

export * from './enums';
export * from './ledger-entities';
export * from './enums-bookings';
export { GlobalEntity, TenantOwnedEntity, decimalTransformer } from './base';
export type { JsonObject, JsonValue } from './base';
export type { ImportRowError } from './import-job.entity';
export { SESSION_END_REASONS, type SessionEndReason } from './auth-session.entity';
export type { MatchingRunPhaseValue, MatchingRunStatusValue } from './matching-run.entity';
export type { MatchingProposalStatusValue, StoredMatchingReason } from './matching-proposal.entity';
export {
  AuditLogEntry,
  Booking,
  BookingLink,
  BookingSettingsRow,
  BookingTransition,
  Cluster,
  Employer,
  EmployerContact,
  EncounterRequest,
  ImportJob,
  Invitation,
  AuthSession,
  AuthThrottleCounter,
  PasswordReset,
  MatchingProposal,
  MatchingRun,
  MatchingUnmatchedRequest,
  Membership,
  NotificationPreference,
  Offer,
  OfferAvailabilityWindow,
  OfferSession,
  OutboxMessage,
  PlatformRefreshSession,
  Pupil,
  RefreshSession,
  RequestWindow,
  School,
  SentEmail,
  MailSendAttempt,
  Tenant,
  User,
  VettingCheck,
};

/** Every entity, for DataSource registration. */
export const ENTITIES = [
  Tenant,
  User,
  Membership,
  Invitation,
  RefreshSession,
  Cluster,
  School,
  Pupil,
  Employer,
  EmployerContact,
  VettingCheck,
  Offer,
  OfferAvailabilityWindow,
  OfferSession,
  EncounterRequest,
  RequestWindow,
  AuditLogEntry,
  OutboxMessage,
  ImportJob,
  SentEmail,
  MailSendAttempt,
  AuthSession,
  AuthThrottleCounter,
  PasswordReset,
  PlatformRefreshSession,
  Booking,
  BookingTransition,
  BookingLink,
  NotificationPreference,
  BookingSettingsRow,
  ...LEDGER_ENTITIES,
  MatchingRun,
  MatchingProposal,
  MatchingUnmatchedRequest,
];
