/**
 * The closed vocabularies of the domain. Each is a const array (the allowed values, also used by the
 * migrations' CHECK constraints) with a string-literal union type derived from it.
 */

export const ACTIVITY_TYPES = [
  'careers_talk',
  'employer_panel',
  'cv_workshop',
  'mock_interviews',
  'enterprise_challenge',
  'mentoring',
  'virtual_workplace_tour',
  'workplace_visit',
  'work_shadowing',
  'insight_day',
  'work_experience',
] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

export const ACTIVITY_TYPE_LABELS: Readonly<Record<ActivityType, string>> = {
  careers_talk: 'Careers talk',
  employer_panel: 'Employer Q&A / panel',
  cv_workshop: 'CV workshop',
  mock_interviews: 'Mock interviews',
  enterprise_challenge: 'Enterprise challenge',
  mentoring: 'Mentoring session',
  virtual_workplace_tour: 'Virtual workplace tour',
  workplace_visit: 'Workplace visit',
  work_shadowing: 'Work shadowing',
  insight_day: 'Insight day',
  work_experience: 'Work-experience placement',
};

export const FORMATS = ['in_person_workplace', 'in_person_school', 'virtual'] as const;
export type Format = (typeof FORMATS)[number];

export const FORMAT_LABELS: Readonly<Record<Format, string>> = {
  in_person_workplace: 'In person at the workplace',
  in_person_school: 'In person at school',
  virtual: 'Virtual',
};

/** Membership roles within a tenant (a platform admin is a user flag, not a membership role). */
export const ROLES = ['hub_admin', 'coordinator', 'school_staff', 'employer_contact'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  hub_admin: 'Hub admin',
  coordinator: 'Enterprise Coordinator',
  school_staff: 'School staff',
  employer_contact: 'Employer contact',
};

export const SCHOOL_PHASES = ['secondary', 'all_through', 'middle', 'special', 'alternative_provision', 'sixth_form'] as const;
export type SchoolPhase = (typeof SCHOOL_PHASES)[number];

export const SCHOOL_PHASE_LABELS: Readonly<Record<SchoolPhase, string>> = {
  secondary: 'Secondary',
  all_through: 'All-through',
  middle: 'Middle',
  special: 'Special',
  alternative_provision: 'Alternative provision',
  sixth_form: 'Sixth form',
};

export const SIZE_BANDS = ['self_employed', 'micro', 'sme', 'large'] as const;
export type SizeBand = (typeof SIZE_BANDS)[number];

export const SIZE_BAND_LABELS: Readonly<Record<SizeBand, string>> = {
  self_employed: 'Self-employed',
  micro: 'Micro (1–9 staff)',
  sme: 'Small or medium (10–249 staff)',
  large: 'Large (250+ staff)',
};

export const VETTING_KINDS = ['safeguarding_policy', 'employers_liability_insurance', 'health_and_safety'] as const;
export type VettingKind = (typeof VETTING_KINDS)[number];

export const VETTING_KIND_LABELS: Readonly<Record<VettingKind, string>> = {
  safeguarding_policy: 'Safeguarding policy',
  employers_liability_insurance: "Employers' liability insurance",
  health_and_safety: 'Health and safety check',
};

/** A vetting check either passed or failed; only a passed, unexpired check counts as vetted. */
/** `passed`/`failed` are recorded by hub staff only; `declared` is an employer's own word (never vets). */
export const VETTING_OUTCOMES = ['passed', 'failed', 'declared'] as const;
export type VettingOutcome = (typeof VETTING_OUTCOMES)[number];

export const DBS_STATUSES = ['none', 'basic', 'enhanced', 'enhanced_barred_list'] as const;
export type DbsStatus = (typeof DBS_STATUSES)[number];

export const OFFER_STATUSES = ['draft', 'published', 'archived'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

export const REQUEST_STATUSES = ['open', 'matched', 'fulfilled', 'cancelled'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** Free-text in the database (employers.sector), but the UI and the seed offer this list. */
export const SECTORS = [
  'health',
  'construction',
  'digital',
  'manufacturing',
  'finance',
  'retail',
  'hospitality',
  'public_sector',
  'creative',
  'logistics',
  'energy',
  'education',
  'law',
  'science',
] as const;
export type Sector = (typeof SECTORS)[number];

export const SECTOR_LABELS: Readonly<Record<Sector, string>> = {
  health: 'Health and care',
  construction: 'Construction',
  digital: 'Digital and tech',
  manufacturing: 'Manufacturing and engineering',
  finance: 'Finance',
  retail: 'Retail',
  hospitality: 'Hospitality',
  public_sector: 'Public sector',
  creative: 'Creative industries',
  logistics: 'Logistics',
  energy: 'Energy',
  education: 'Education',
  law: 'Law',
  science: 'Science',
};

export type Benchmark = 5 | 6;

/** Experiences of workplaces (Gatsby Benchmark 6); every other activity type is an encounter (BM5). */
export const WORKPLACE_EXPERIENCE_TYPES: readonly ActivityType[] = [
  'virtual_workplace_tour',
  'workplace_visit',
  'work_shadowing',
  'insight_day',
  'work_experience',
];

/** Type guard for any of the vocabularies above: `isOneOf(FORMATS, x)`. */
export function isOneOf<T extends string>(allowed: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value);
}

/**
 * Which benchmark an offer of this type and format serves. The rule today depends on the activity
 * type alone (workplace experiences are BM6, the rest BM5); the format is part of the signature so
 * that a policy depending on it (e.g. a talk held at the workplace) changes one function, not callers.
 */
export function benchmarkFor(activityType: ActivityType, format: Format): Benchmark {
  if (!isOneOf(ACTIVITY_TYPES, activityType)) throw new TypeError(`unknown activity type ${String(activityType)}`);
  if (!isOneOf(FORMATS, format)) throw new TypeError(`unknown format ${String(format)}`);
  return WORKPLACE_EXPERIENCE_TYPES.includes(activityType) ? 6 : 5;
}

/** In-person formats need valid employer vetting on the day; virtual ones do not. */
export function needsVetting(format: Format): boolean {
  return format === 'in_person_workplace' || format === 'in_person_school';
}
