/**
 * Enumerations as stored (text + CHECK in the migrations). The vocabulary belongs in @tandem/domain;
 * these literal types mirror the CHECK constraints so entities are typed. If domain exports the same
 * unions, prefer those and keep these in sync (the int-spec checks the CHECKs, not these types).
 */
export type MembershipRole = 'hub_admin' | 'coordinator' | 'school_staff' | 'employer_contact';
export type SchoolPhase = 'secondary' | 'all_through' | 'middle' | 'special' | 'alternative_provision' | 'sixth_form';
export type EmployerSizeBand = 'self_employed' | 'micro' | 'sme' | 'large';
export type DbsStatus = 'none' | 'basic' | 'enhanced' | 'enhanced_barred_list';
export type VettingKind = 'safeguarding_policy' | 'employers_liability_insurance' | 'health_and_safety';
export type VettingOutcome = 'passed' | 'failed' | 'declared';
export type ActivityTypeValue =
  | 'careers_talk'
  | 'employer_panel'
  | 'cv_workshop'
  | 'mock_interviews'
  | 'enterprise_challenge'
  | 'mentoring'
  | 'virtual_workplace_tour'
  | 'workplace_visit'
  | 'work_shadowing'
  | 'insight_day'
  | 'work_experience';
export type OfferFormatValue = 'in_person_workplace' | 'in_person_school' | 'virtual';
export type OfferStatus = 'draft' | 'published' | 'archived';
export type OfferSessionStatus = 'open' | 'held' | 'booked' | 'cancelled';
export type RequestStatus = 'open' | 'matched' | 'fulfilled' | 'cancelled';
export type OutboxStatus = 'pending' | 'relayed' | 'failed';
export type ImportKind = 'pupils';
export type ImportMode = 'all_or_nothing' | 'valid_rows_only';
export type ImportStatus = 'queued' | 'running' | 'succeeded' | 'failed';
