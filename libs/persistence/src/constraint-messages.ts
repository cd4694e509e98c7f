/**
 * Plain words for the constraints a user can run into, by constraint (or unique index) name, so the
 * one error mapper (platform's translateDatabaseError) names the input field instead of a table.
 * One static map beside the migrations that create the names (no registration at import time, so
 * the wording does not depend on which modules happen to be loaded); `entities.int-spec.ts` checks
 * every name exists in the migrated schema. Constraints not listed get generic wording.
 */
export interface ConstraintMessage {
  field: string;
  message: string;
}

export const CONSTRAINT_MESSAGES: Readonly<Record<string, ConstraintMessage>> = {
  // hubs
  tenants_slug_key: { field: 'input.slug', message: 'input.slug is already used by another hub' },
  clusters_tenant_name_key: { field: 'input.name', message: 'This hub already has a cluster with this name' },
  // schools and pupils
  schools_tenant_urn_key: { field: 'input.urn', message: 'A school with this URN is already in this hub' },
  schools_cluster_fk: { field: 'input.clusterId', message: 'Cluster not found' },
  pupils_reference_key: { field: 'input.reference', message: 'This school already has a pupil with this reference' },
  // employers
  employer_contacts_email_key: { field: 'input.email', message: 'This employer already has a contact with this email' },
  // bookings and matching
  bookings_live_session_key: { field: 'input.offerSessionId', message: 'This session is already taken: choose another one' },
  matching_runs_active_scope_key: {
    field: 'input.clusterId',
    message: 'A matching run for this scope is already queued or running: wait for it to finish',
  },
  // the ledger
  encounter_attendance_pupil_fk: { field: 'input.pupilIds', message: 'A pupil is not on the roll of the encounter’s school' },
  benchmark_policies_key_version_key: {
    field: 'definition.version',
    message: 'That policy version exists already: a change is a new version',
  },
  coverage_snapshots_reporting_key: { field: 'asOf', message: 'The reporting-day snapshot for that day has been taken already' },
};
