import { InitialSchema1760000000000, TENANT_TABLES as INITIAL_TENANT_TABLES } from './1760000000000-initial-schema';
import { VettingOutcome1760000003000 } from './1760000003000-vetting-outcome';
import { OutboxRelayAndSentEmails1760000004000 } from './1760000004000-outbox-relay-and-sent-emails';
import { AuthSessionsAndThrottle1760000005000 } from './1760000005000-auth-sessions-and-throttle';
import { PupilAndSchoolListIndexes1760000006000 } from './1760000006000-pupil-and-school-list-indexes';
import { BenchmarkLedger1760000007000, LEDGER_TENANT_TABLES } from './1760000007000-benchmark-ledger';
import { Bookings1760000008000, BOOKING_TENANT_TABLES } from './1760000008000-bookings';
import { BookingEncounters1760000009000 } from './1760000009000-booking-encounters';
import { Matching1760000010000, MATCHING_TENANT_TABLES } from './1760000010000-matching';
import { OutboxRelayHorizon1760000011000 } from './1760000011000-outbox-relay-horizon';
import { OneClock1760000012000 } from './1760000012000-one-clock';
import { MatchingRunOrder1760000013000 } from './1760000013000-matching-run-order';
import { SECURITY_TENANT_TABLES, SessionsThrottleResets1760000014000 } from './1760000014000-sessions-throttle-resets';
import { VettingRecordedBy1760000014100 } from './1760000014100-vetting-recorded-by';
import { EraseSnapshotPriority1760000014200 } from './1760000014200-erase-snapshot-priority';
import { SchemaVersion1760000015000 } from './1760000015000-schema-version';
import { OutboxLag1760000016500 } from './1760000016500-outbox-lag';
import { RetentionPurge1760000016600 } from './1760000016600-retention-purge';
import { MailSendAttempts1760000016700 } from './1760000016700-mail-send-attempts';
import { OutboxClaims1760000016800 } from './1760000016800-outbox-claims';

/** Every migration, in order (class references, not globs: works under SWC, ts-node and bundles). */
export const MIGRATIONS = [
  InitialSchema1760000000000,
  VettingOutcome1760000003000,
  OutboxRelayAndSentEmails1760000004000,
  AuthSessionsAndThrottle1760000005000,
  PupilAndSchoolListIndexes1760000006000,
  BenchmarkLedger1760000007000,
  Bookings1760000008000,
  BookingEncounters1760000009000,
  Matching1760000010000,
  OutboxRelayHorizon1760000011000,
  OneClock1760000012000,
  MatchingRunOrder1760000013000,
  SessionsThrottleResets1760000014000,
  VettingRecordedBy1760000014100,
  EraseSnapshotPriority1760000014200,
  SchemaVersion1760000015000,
  OutboxLag1760000016500,
  RetentionPurge1760000016600,
  MailSendAttempts1760000016700,
  OutboxClaims1760000016800,
];

/**
 * Every table with a `tenant_id` (each has RLS; rls.int-spec.ts checks the catalogue against this
 * list). A migration that adds a tenant table adds it here.
 */
export const TENANT_TABLES = [
  ...INITIAL_TENANT_TABLES,
  'sent_emails',
  'mail_send_attempts',
  ...LEDGER_TENANT_TABLES,
  ...BOOKING_TENANT_TABLES,
  ...MATCHING_TENANT_TABLES,
  ...SECURITY_TENANT_TABLES,
] as const;
