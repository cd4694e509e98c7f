import {
  academicYearOf,
  academicYearStart,
  ACTIVITY_TYPE_LABELS,
  addDays,
  benchmarkFor,
  BM5_MEANINGFUL_CRITERIA,
  BM6_MEANINGFUL_CRITERIA,
  dateOfBirthRangeForYearGroup,
  daysBetween,
  isoWeekday,
  londonWallClockToInstant,
  SECTORS,
  VETTING_KINDS,
  type ActivityType,
  type Benchmark,
  type CalendarDate,
  type DbsStatus,
  type Format,
  type OfferStatus,
  type RequestStatus,
  type SchoolPhase,
  type Sector,
  type SizeBand,
  type VettingKind,
} from '@tandem/domain';

/**
 * Deterministic demo data: the same seed and counts always give the same plain objects. No I/O,
 * no ids: records refer to each other by `key` (e.g. `school-3`); the seed command assigns ids.
 * Postcodes are real outcodes with made-up inward codes; names are invented.
 */

// ── random numbers ───────────────────────────────────────────────────────────

/** mulberry32: a tiny, fast, well-spread 32-bit PRNG. Returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seed derived from a base seed and a label, so each generator has its own stream. */
function deriveSeed(seed: number, label: string): number {
  let h = (seed ^ 0x811c9dc5) >>> 0;
  for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

export class SeededRandom {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  weighted<T>(pairs: readonly (readonly [T, number])[]): T {
    const total = pairs.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [v, w] of pairs) {
      r -= w;
      if (r < 0) return v;
    }
    return pairs[pairs.length - 1][0];
  }
  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }
}

// ── places ───────────────────────────────────────────────────────────────────

export interface Town {
  readonly name: string;
  readonly outcode: string;
  readonly latitude: number;
  readonly longitude: number;
}

/** Towns of Greater Manchester and south Lancashire with a real outcode and approximate centre. */
export const DEMO_TOWNS: readonly Town[] = [
  { name: 'Manchester', outcode: 'M1', latitude: 53.4808, longitude: -2.2426 },
  { name: 'Salford', outcode: 'M6', latitude: 53.4875, longitude: -2.2901 },
  { name: 'Stockport', outcode: 'SK1', latitude: 53.4106, longitude: -2.1575 },
  { name: 'Oldham', outcode: 'OL1', latitude: 53.5409, longitude: -2.1114 },
  { name: 'Rochdale', outcode: 'OL16', latitude: 53.6097, longitude: -2.1561 },
  { name: 'Bury', outcode: 'BL9', latitude: 53.5933, longitude: -2.2966 },
  { name: 'Bolton', outcode: 'BL1', latitude: 53.5769, longitude: -2.4282 },
  { name: 'Wigan', outcode: 'WN1', latitude: 53.545, longitude: -2.6325 },
  { name: 'Leigh', outcode: 'WN7', latitude: 53.4975, longitude: -2.515 },
  { name: 'Ashton-under-Lyne', outcode: 'OL6', latitude: 53.489, longitude: -2.095 },
  { name: 'Stalybridge', outcode: 'SK15', latitude: 53.484, longitude: -2.059 },
  { name: 'Hyde', outcode: 'SK14', latitude: 53.451, longitude: -2.079 },
  { name: 'Altrincham', outcode: 'WA14', latitude: 53.387, longitude: -2.349 },
  { name: 'Sale', outcode: 'M33', latitude: 53.424, longitude: -2.322 },
  { name: 'Stretford', outcode: 'M32', latitude: 53.445, longitude: -2.309 },
  { name: 'Eccles', outcode: 'M30', latitude: 53.483, longitude: -2.334 },
  { name: 'Prestwich', outcode: 'M25', latitude: 53.533, longitude: -2.283 },
  { name: 'Middleton', outcode: 'M24', latitude: 53.555, longitude: -2.187 },
  { name: 'Heywood', outcode: 'OL10', latitude: 53.592, longitude: -2.219 },
  { name: 'Radcliffe', outcode: 'M26', latitude: 53.561, longitude: -2.326 },
  { name: 'Farnworth', outcode: 'BL4', latitude: 53.55, longitude: -2.4 },
  { name: 'Horwich', outcode: 'BL6', latitude: 53.601, longitude: -2.55 },
  { name: 'Wythenshawe', outcode: 'M22', latitude: 53.38, longitude: -2.264 },
  { name: 'Denton', outcode: 'M34', latitude: 53.456, longitude: -2.115 },
  { name: 'Cheadle', outcode: 'SK8', latitude: 53.393, longitude: -2.213 },
  { name: 'Chorley', outcode: 'PR7', latitude: 53.653, longitude: -2.632 },
  { name: 'Westhoughton', outcode: 'BL5', latitude: 53.549, longitude: -2.523 },
];

const INWARD_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';

function place(rng: SeededRandom, town: Town): { postcode: string; latitude: number; longitude: number } {
  const inward = `${rng.int(0, 9)}${rng.pick([...INWARD_LETTERS])}${rng.pick([...INWARD_LETTERS])}`;
  // within roughly 2 km of the centre; six decimals as numeric(9,6) stores them
  const jitter = () => (rng.float() - 0.5) * 0.036;
  return {
    postcode: `${town.outcode} ${inward}`,
    latitude: round6(town.latitude + jitter()),
    longitude: round6(town.longitude + jitter() * 1.6),
  };
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

// ── clusters and schools ─────────────────────────────────────────────────────

export interface SeedCluster {
  readonly key: string;
  readonly name: string;
}

export interface SeedSchool {
  readonly key: string;
  readonly clusterKey: string;
  readonly urn: string;
  readonly name: string;
  readonly phase: SchoolPhase;
  readonly lowestYearGroup: number;
  readonly highestYearGroup: number;
  readonly town: string;
  readonly postcode: string;
  readonly latitude: number;
  readonly longitude: number;
}

const CLUSTER_NAMES = ['North', 'South', 'East', 'West', 'Central', 'Pennine', 'Irwell Valley', 'Mersey', 'Tameside', 'Moorland'];

export function generateClusters(count: number): SeedCluster[] {
  return Array.from({ length: count }, (_, k) => ({
    key: `cluster-${k + 1}`,
    name: k < CLUSTER_NAMES.length ? `${CLUSTER_NAMES[k]} cluster` : `Cluster ${k + 1}`,
  }));
}

const SAINTS = [
  "St Anne's",
  "St Mary's",
  "St Joseph's",
  "St Patrick's",
  "St Peter's",
  "St Bede's",
  "St Monica's",
  "St Ambrose's",
  "St James'",
  "St Damian's",
];
const PLACE_WORDS = [
  'Oakfield',
  'Beechwood',
  'Hollins',
  'Kingsway',
  'Parkside',
  'Meadowbank',
  'Ashfield',
  'Moorside',
  'Brookfield',
  'Highfield',
  'Riverside',
  'Greenhill',
  'Westbrook',
  'Thornleigh',
  'Fairfield',
  'Hawthorn',
  'Irwell',
  'Pennine',
  'Millbrook',
  'Heathfield',
];

const PHASES: readonly (readonly [{ phase: SchoolPhase; low: number; high: number }, number])[] = [
  [{ phase: 'secondary', low: 7, high: 11 }, 50],
  [{ phase: 'secondary', low: 7, high: 13 }, 25],
  [{ phase: 'all_through', low: 7, high: 13 }, 6],
  [{ phase: 'special', low: 7, high: 13 }, 7],
  [{ phase: 'alternative_provision', low: 9, high: 11 }, 4],
  [{ phase: 'middle', low: 7, high: 8 }, 3],
  [{ phase: 'sixth_form', low: 12, high: 13 }, 5],
];

function schoolName(rng: SeededRandom, phase: SchoolPhase, town: Town): string {
  const word = rng.pick(PLACE_WORDS);
  switch (phase) {
    case 'sixth_form':
      return rng.chance(0.5) ? `${town.name} Sixth Form College` : `${word} Sixth Form College`;
    case 'special':
      return `${word} School`;
    case 'alternative_provision':
      return `${town.name} Pupil Referral Unit`;
    case 'middle':
      return `${word} Middle School`;
    case 'all_through':
      return `${word} All-Through Academy`;
    default:
      return rng.weighted<string>([
        [`${rng.pick(SAINTS)} ${rng.pick(['Catholic', 'Church of England'])} High School`, 3],
        [`${word} Academy`, 4],
        [`${town.name} High School`, 2],
        [`${word} Community College`, 2],
        [`${word} High School`, 2],
      ]);
  }
}

export function generateSchools(seed: number, count: number, clusterCount = Math.max(1, Math.ceil(count / 8))): SeedSchool[] {
  const rng = new SeededRandom(deriveSeed(seed, 'schools'));
  const usedUrns = new Set<string>();
  const usedNames = new Set<string>();
  const towns = rng.shuffle(DEMO_TOWNS);
  const schools: SeedSchool[] = [];
  for (let k = 0; k < count; k++) {
    const townIndex = k % towns.length;
    const town = towns[townIndex];
    const { phase, low, high } = rng.weighted(PHASES);
    let urn: string;
    do urn = String(rng.int(100000, 199999));
    while (usedUrns.has(urn));
    usedUrns.add(urn);
    let name = schoolName(rng, phase, town);
    for (let n = 2; usedNames.has(name); n++)
      name = usedNames.has(`${name}, ${town.name}`) ? `${schoolName(rng, phase, town)} ${n}` : `${name}, ${town.name}`;
    usedNames.add(name);
    schools.push({
      key: `school-${k + 1}`,
      clusterKey: `cluster-${(townIndex % clusterCount) + 1}`,
      urn,
      name,
      phase,
      lowestYearGroup: low,
      highestYearGroup: high,
      town: town.name,
      ...place(rng, town),
    });
  }
  return schools;
}

// ── pupils ───────────────────────────────────────────────────────────────────

export interface SeedPupil {
  readonly key: string;
  readonly schoolKey: string;
  readonly reference: string;
  readonly dateOfBirth: CalendarDate;
  readonly yearGroup: number;
  readonly disadvantaged: boolean;
  readonly send: boolean;
  readonly careExperienced: boolean;
  readonly roniScore: number;
  readonly onRollFrom: CalendarDate;
}

/** `perYearGroup` pupils in each year group the school teaches, in `academicYear`. */
export function generatePupils(
  seed: number,
  school: Pick<SeedSchool, 'key' | 'lowestYearGroup' | 'highestYearGroup'>,
  perYearGroup: number,
  academicYear: number,
): SeedPupil[] {
  const rng = new SeededRandom(deriveSeed(seed, `pupils:${school.key}`));
  const used = new Set<string>();
  const pupils: SeedPupil[] = [];
  for (let yg = school.lowestYearGroup; yg <= school.highestYearGroup; yg++) {
    const { from, to } = dateOfBirthRangeForYearGroup(yg, academicYear);
    const span = daysBetween(from, to);
    // Sixth forms are smaller than the years below them.
    const n = yg >= 12 ? Math.round(perYearGroup * 0.6) : perYearGroup;
    for (let k = 0; k < n; k++) {
      let reference: string;
      do reference = `A${rng.int(0, 999999).toString().padStart(6, '0')}`;
      while (used.has(reference));
      used.add(reference);
      const disadvantaged = rng.chance(0.25);
      const send = rng.chance(0.14);
      const careExperienced = rng.chance(0.01);
      const roniScore = Math.min(
        100,
        rng.int(0, 30) + (disadvantaged ? 20 : 0) + (send ? 15 : 0) + (careExperienced ? 25 : 0) + (rng.chance(0.1) ? 20 : 0),
      );
      pupils.push({
        key: `${school.key}/pupil-${pupils.length + 1}`,
        schoolKey: school.key,
        reference,
        dateOfBirth: addDays(from, rng.int(0, span)),
        yearGroup: yg,
        disadvantaged,
        send,
        careExperienced,
        roniScore,
        onRollFrom: academicYearStart(academicYear - Math.max(0, yg - school.lowestYearGroup)),
      });
    }
  }
  return pupils;
}

// ── employers ────────────────────────────────────────────────────────────────

export interface SeedContact {
  readonly name: string;
  readonly email: string;
  readonly jobTitle: string;
  readonly dbsStatus: DbsStatus;
  readonly dbsCheckedOn: CalendarDate | null;
}

export interface SeedVetting {
  readonly kind: VettingKind;
  readonly checkedOn: CalendarDate;
  readonly expiresOn: CalendarDate;
}

export interface SeedEmployer {
  readonly key: string;
  readonly name: string;
  readonly sector: Sector;
  readonly sizeBand: SizeBand;
  readonly town: string;
  readonly postcode: string;
  readonly latitude: number;
  readonly longitude: number;
  readonly maxRequestsPerMonth: number | null;
  readonly contacts: SeedContact[];
  readonly vetting: SeedVetting[];
}

const SURNAMES = [
  'Ahmed',
  'Brennan',
  'Clarke',
  'Dawson',
  'Evans',
  'Fletcher',
  'Gill',
  'Hughes',
  'Iqbal',
  'Jones',
  'Kaur',
  'Lomax',
  'Murphy',
  'Nowak',
  'Okafor',
  'Patel',
  'Quinn',
  'Rahman',
  'Shaw',
  'Taylor',
  'Whittaker',
  'Yates',
];
const FIRST_NAMES = [
  'Aisha',
  'Ben',
  'Chloe',
  'Daniel',
  'Emma',
  'Farah',
  'George',
  'Hannah',
  'Imran',
  'Jess',
  'Kwame',
  'Laura',
  'Mohammed',
  'Niamh',
  'Oliver',
  'Priya',
  'Rachel',
  'Sam',
  'Tom',
  'Zainab',
];
const LOCAL = ['Irwell', 'Mersey', 'Tame', 'Roch', 'Pennine', 'Moorland', 'Croal', 'Medlock', 'Goyt', 'Douglas', 'Northern', 'Red Rose'];

const SECTOR_NAMES: Readonly<Record<Sector, readonly string[]>> = {
  health: ['{town} Community Health', '{surname} Pharmacy', '{local} Dental Care', '{local} Care Homes'],
  construction: ['{surname} & Sons Builders', '{local} Civil Engineering', '{surname} Construction', '{town} Roofing'],
  digital: ['{local} Software', '{town} Digital', '{local} Data Labs', '{surname} Web Studio'],
  manufacturing: ['{surname} Engineering', '{local} Precision Components', '{local} Packaging', '{town} Textiles'],
  finance: ['{surname} & {surname2} Accountants', '{local} Building Society', '{local} Mutual Insurance', '{town} Wealth Management'],
  retail: ["{surname}'s Hardware", '{local} Co-operative Stores', '{town} Garden Centre', '{local} Outdoor'],
  hospitality: ['The {local} Hotel', '{town} Kitchen', '{local} Leisure', "{surname}'s Bakery"],
  public_sector: ['{local} Council Services', '{town} Library Service', '{local} Fire and Rescue', '{local} Housing Trust'],
  creative: ['{local} Studios', '{town} Theatre', '{surname} Design', '{local} Media'],
  logistics: ['{local} Freight', '{surname} Transport', '{town} Distribution Centre', '{local} Couriers'],
  energy: ['{local} Energy', '{local} Solar', '{town} Heat Networks', '{local} Water'],
  education: ['{town} College', '{local} Training', '{local} University Outreach', '{surname} Tutors'],
  law: ['{surname} {surname2} Solicitors', '{local} Legal', '{town} Law Centre', '{surname} & Co Barristers'],
  science: ['{local} Laboratories', '{local} Biotech', '{town} Science Park', '{local} Environmental Testing'],
};

const JOB_TITLES = [
  'Managing Director',
  'HR Manager',
  'Early Careers Lead',
  'Apprentice',
  'Engineer',
  'Operations Manager',
  'Office Manager',
  'Volunteer Coordinator',
  'Graduate Trainee',
  'Team Leader',
];

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** `referenceDate` anchors vetting and DBS dates (most valid on it, a few expiring or expired). */
export function generateEmployers(seed: number, count: number, referenceDate: CalendarDate): SeedEmployer[] {
  const rng = new SeededRandom(deriveSeed(seed, 'employers'));
  const usedNames = new Set<string>();
  const employers: SeedEmployer[] = [];
  for (let k = 0; k < count; k++) {
    const sector = SECTORS[k % SECTORS.length];
    const town = rng.pick(DEMO_TOWNS);
    const fill = (template: string) =>
      template
        .replace('{town}', town.name)
        .replace('{surname2}', rng.pick(SURNAMES))
        .replace('{surname}', rng.pick(SURNAMES))
        .replace('{local}', rng.pick(LOCAL));
    let name = fill(rng.pick(SECTOR_NAMES[sector]));
    for (let tries = 0; usedNames.has(name) && tries < 5; tries++) name = fill(rng.pick(SECTOR_NAMES[sector]));
    if (usedNames.has(name)) name = `${name} (${town.name})`;
    for (let n = 2; usedNames.has(name); n++) name = `${name} ${n}`;
    usedNames.add(name);

    const sizeBand: SizeBand =
      sector === 'public_sector' || sector === 'health'
        ? rng.weighted<SizeBand>([
            ['large', 6],
            ['sme', 3],
            ['micro', 1],
          ])
        : rng.weighted<SizeBand>([
            ['large', 2],
            ['sme', 4],
            ['micro', 3],
            ['self_employed', 1],
          ]);
    const domain = `${slug(name)}.example`;
    const contactCount = sizeBand === 'self_employed' ? 1 : rng.int(1, 3);
    const contacts: SeedContact[] = [];
    const usedEmails = new Set<string>();
    for (let c = 0; c < contactCount; c++) {
      const first = rng.pick(FIRST_NAMES);
      const last = rng.pick(SURNAMES);
      let email = `${slug(first)}.${slug(last)}@${domain}`;
      for (let n = 2; usedEmails.has(email); n++) email = `${slug(first)}.${slug(last)}${n}@${domain}`;
      usedEmails.add(email);
      const dbsStatus = rng.weighted<DbsStatus>([
        ['none', 3],
        ['basic', 2],
        ['enhanced', 4],
        ['enhanced_barred_list', 1],
      ]);
      contacts.push({
        name: `${first} ${last}`,
        email,
        jobTitle: sizeBand === 'self_employed' ? 'Owner' : rng.pick(JOB_TITLES),
        dbsStatus,
        dbsCheckedOn: dbsStatus === 'none' ? null : addDays(referenceDate, -rng.int(10, 900)),
      });
    }

    // ~80% fully vetted and in date; the rest miss a check, expire soon, or have expired.
    const vetting: SeedVetting[] = [];
    const state = rng.weighted<'ok' | 'missing' | 'expiring' | 'expired'>([
      ['ok', 80],
      ['missing', 8],
      ['expiring', 7],
      ['expired', 5],
    ]);
    const odd = rng.pick(VETTING_KINDS);
    for (const kind of VETTING_KINDS) {
      if (state === 'missing' && kind === odd) continue;
      let checkedOn = addDays(referenceDate, -rng.int(15, 300));
      if (kind === odd && state === 'expiring') checkedOn = addDays(referenceDate, -365 + rng.int(5, 30));
      if (kind === odd && state === 'expired') checkedOn = addDays(referenceDate, -365 - rng.int(1, 60));
      vetting.push({ kind, checkedOn, expiresOn: addDays(checkedOn, 365) });
    }

    employers.push({
      key: `employer-${k + 1}`,
      name,
      sector,
      sizeBand,
      town: town.name,
      ...place(rng, town),
      maxRequestsPerMonth: rng.chance(0.6) ? rng.int(1, 6) : null,
      contacts,
      vetting,
    });
  }
  return employers;
}

// ── offers ───────────────────────────────────────────────────────────────────

export interface SeedAvailabilityWindow {
  readonly startsOn: CalendarDate;
  readonly endsOn: CalendarDate;
  readonly weekdays: number[];
  readonly startTime: string;
  readonly endTime: string;
}

export interface SeedOffer {
  readonly key: string;
  readonly employerKey: string;
  /** Index into the employer's contacts. */
  readonly contactIndex: number;
  readonly title: string;
  readonly description: string;
  readonly activityType: ActivityType;
  readonly format: Format;
  readonly durationMinutes: number;
  readonly pupilsPerSession: number;
  readonly sessionsAvailable: number;
  readonly yearGroups: number[];
  readonly travelRadiusKm: number | null;
  readonly benchmark: Benchmark;
  readonly status: OfferStatus;
  readonly availability: SeedAvailabilityWindow[];
}

export interface ActivityShape {
  readonly weight: number;
  readonly formats: readonly Format[];
  readonly minutes: readonly [number, number];
  readonly pupils: readonly [number, number];
  readonly years: readonly [number, number];
}

/** Plausible shapes per activity type (demo realism, not a rule). */
export const ACTIVITY_SHAPES: Readonly<Record<ActivityType, ActivityShape>> = {
  careers_talk: { weight: 14, formats: ['in_person_school', 'virtual'], minutes: [30, 60], pupils: [30, 150], years: [7, 13] },
  employer_panel: { weight: 8, formats: ['in_person_school', 'virtual'], minutes: [45, 90], pupils: [30, 90], years: [9, 13] },
  cv_workshop: { weight: 8, formats: ['in_person_school', 'virtual'], minutes: [60, 90], pupils: [15, 30], years: [10, 13] },
  mock_interviews: { weight: 10, formats: ['in_person_school', 'virtual'], minutes: [120, 180], pupils: [8, 20], years: [10, 13] },
  enterprise_challenge: {
    weight: 6,
    formats: ['in_person_school', 'in_person_workplace'],
    minutes: [180, 300],
    pupils: [30, 120],
    years: [7, 10],
  },
  mentoring: { weight: 5, formats: ['in_person_school', 'virtual'], minutes: [45, 60], pupils: [1, 6], years: [9, 13] },
  virtual_workplace_tour: { weight: 10, formats: ['virtual'], minutes: [20, 45], pupils: [30, 200], years: [7, 13] },
  workplace_visit: { weight: 12, formats: ['in_person_workplace'], minutes: [120, 240], pupils: [10, 30], years: [8, 13] },
  work_shadowing: { weight: 5, formats: ['in_person_workplace'], minutes: [360, 420], pupils: [1, 2], years: [10, 13] },
  insight_day: { weight: 7, formats: ['in_person_workplace', 'virtual'], minutes: [300, 360], pupils: [10, 25], years: [9, 13] },
  work_experience: { weight: 6, formats: ['in_person_workplace'], minutes: [2100, 2100], pupils: [1, 4], years: [10, 12] },
};
const ACTIVITY_WEIGHTS = (Object.keys(ACTIVITY_SHAPES) as ActivityType[]).map((t) => [t, ACTIVITY_SHAPES[t].weight] as const);

/** Minutes after midnight as HH:MM. */
export function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** `perEmployer` offers for each employer (a range: [min, max]), available within `academicYear`. */
export function generateOffers(
  seed: number,
  employers: readonly Pick<SeedEmployer, 'key' | 'name' | 'contacts'>[],
  perEmployer: readonly [number, number],
  academicYear: number,
): SeedOffer[] {
  const rng = new SeededRandom(deriveSeed(seed, 'offers'));
  const yearStart = academicYearStart(academicYear);
  const offers: SeedOffer[] = [];
  for (const employer of employers) {
    const n = rng.int(perEmployer[0], perEmployer[1]);
    for (let k = 0; k < n; k++) {
      const activityType = rng.weighted(ACTIVITY_WEIGHTS);
      const shape = ACTIVITY_SHAPES[activityType];
      const format = rng.pick(shape.formats);
      const durationMinutes =
        activityType === 'work_experience' ? shape.minutes[0] : Math.round(rng.int(shape.minutes[0], shape.minutes[1]) / 15) * 15;
      const lowYear = rng.int(shape.years[0], shape.years[1]);
      const highYear = rng.int(lowYear, shape.years[1]);
      const yearGroups = Array.from({ length: highYear - lowYear + 1 }, (_, i) => lowYear + i);

      const availability: SeedAvailabilityWindow[] = [];
      const windows = rng.int(1, 3);
      for (let w = 0; w < windows; w++) {
        const startsOn = addDays(yearStart, rng.int(7, 280)); // mid-September to June
        const endsOn = addDays(startsOn, rng.int(14, 90));
        const lastDay = lastSchoolDayOf(academicYear);
        const dailyMinutes = Math.min(durationMinutes, 7 * 60);
        const earliest = 9 * 60;
        const latestStart = Math.max(earliest, 16 * 60 - dailyMinutes);
        const start = earliest + Math.floor(rng.int(0, latestStart - earliest) / 30) * 30;
        const weekdays = rng.chance(0.5)
          ? [1, 2, 3, 4, 5]
          : rng
              .shuffle([1, 2, 3, 4, 5])
              .slice(0, rng.int(1, 3))
              .sort((a, b) => a - b);
        availability.push({
          startsOn,
          endsOn: endsOn > lastDay ? lastDay : endsOn,
          weekdays,
          startTime: hhmm(start),
          endTime: hhmm(start + dailyMinutes),
        });
      }

      offers.push({
        key: `${employer.key}/offer-${k + 1}`,
        employerKey: employer.key,
        contactIndex: rng.int(0, Math.max(0, employer.contacts.length - 1)),
        title: `${ACTIVITY_TYPE_LABELS[activityType]} with ${employer.name}`,
        description: `${ACTIVITY_TYPE_LABELS[activityType]} (${format.replace(/_/g, ' ')}) for Years ${lowYear === highYear ? lowYear : `${lowYear}–${highYear}`}.`,
        activityType,
        format,
        durationMinutes,
        pupilsPerSession: rng.int(shape.pupils[0], shape.pupils[1]),
        sessionsAvailable: rng.int(1, activityType === 'work_experience' ? 2 : 8),
        yearGroups,
        travelRadiusKm: format === 'in_person_school' ? rng.pick([5, 10, 15, 20, 30]) : null,
        benchmark: benchmarkFor(activityType, format),
        status: rng.weighted<OfferStatus>([
          ['published', 85],
          ['draft', 10],
          ['archived', 5],
        ]),
        availability,
      });
    }
  }
  return offers;
}

// ── requests ─────────────────────────────────────────────────────────────────

export interface SeedRequestWindow {
  readonly startsAt: Date;
  readonly endsAt: Date;
}

export interface SeedRequest {
  readonly key: string;
  readonly schoolKey: string;
  readonly activityType: ActivityType;
  readonly yearGroup: number;
  readonly pupilCount: number;
  readonly formats: Format[];
  readonly deadline: CalendarDate;
  readonly notes: string | null;
  readonly status: RequestStatus;
  /** Specific slots, in Europe/London school hours on weekdays. */
  readonly windows: SeedRequestWindow[];
}

/** The last school day of an academic year, as the demo has it (20 July). */
const lastSchoolDayOf = (academicYear: number): CalendarDate => `${academicYear + 1}-07-20`;

/**
 * The academic year whose school days lie ahead of `referenceDate`: its own until its last school
 * day, then (in the summer holiday) the next one, so a hub seeded on 31 August still has a year of
 * offers and requests in front of it.
 */
export function schoolYearAhead(referenceDate: CalendarDate): number {
  const year = academicYearOf(referenceDate);
  return referenceDate > lastSchoolDayOf(year) ? year + 1 : year;
}

/** `count` requests spread over the schools, with windows after `fromDate` and before the last school day ahead. */
export function generateRequests(
  seed: number,
  schools: readonly Pick<SeedSchool, 'key' | 'lowestYearGroup' | 'highestYearGroup'>[],
  count: number,
  fromDate: CalendarDate,
): SeedRequest[] {
  const rng = new SeededRandom(deriveSeed(seed, 'requests'));
  const requests: SeedRequest[] = [];
  if (schools.length === 0) return requests;
  const lastSchoolDay = lastSchoolDayOf(schoolYearAhead(fromDate));
  const horizon = Math.max(14, daysBetween(fromDate, lastSchoolDay));
  for (let k = 0; k < count; k++) {
    const school = schools[k % schools.length];
    const activityType = rng.weighted(ACTIVITY_WEIGHTS);
    const shape = ACTIVITY_SHAPES[activityType];
    const eligible: number[] = [];
    for (let y = Math.max(school.lowestYearGroup, shape.years[0]); y <= Math.min(school.highestYearGroup, shape.years[1]); y++)
      eligible.push(y);
    const yearGroup = eligible.length > 0 ? rng.pick(eligible) : school.lowestYearGroup;
    const formats = rng.shuffle(shape.formats).slice(0, rng.int(1, shape.formats.length));
    const windows: SeedRequestWindow[] = [];
    const windowCount = rng.int(1, 3);
    for (let w = 0; w < windowCount; w++) {
      let day = addDays(fromDate, rng.int(7, horizon));
      while (isoWeekday(day) > 5) day = addDays(day, 1);
      const minutes = Math.min(Math.max(shape.minutes[0], 60), 6 * 60);
      const start = 9 * 60 + 30 * rng.int(0, Math.max(0, Math.floor((15 * 60 - minutes - 9 * 60) / 30)));
      windows.push({ startsAt: londonWallClockToInstant(day, hhmm(start)), endsAt: londonWallClockToInstant(day, hhmm(start + minutes)) });
    }
    windows.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
    const firstDay = windows[0].startsAt.toISOString().slice(0, 10);
    const deadline = addDays(firstDay, -rng.int(3, 7));
    requests.push({
      key: `request-${k + 1}`,
      schoolKey: school.key,
      activityType,
      yearGroup,
      pupilCount: rng.int(shape.pupils[0], Math.max(shape.pupils[0], Math.min(shape.pupils[1], 60))),
      formats,
      deadline: deadline < fromDate ? fromDate : deadline,
      notes: rng.chance(0.4)
        ? rng.pick([
            'Ideally linked to our STEM week.',
            'Please include apprenticeship routes.',
            'Several pupils use wheelchairs: step-free access needed.',
            'Hall available, projector provided.',
          ])
        : null,
      status: rng.weighted<RequestStatus>([
        ['open', 80],
        ['matched', 10],
        ['fulfilled', 5],
        ['cancelled', 5],
      ]),
      windows,
    });
  }
  return requests;
}

// ── offer sessions ───────────────────────────────────────────────────────────

export interface SeedOfferSession {
  readonly offerKey: string;
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly capacity: number;
}

/**
 * Concrete sessions for published offers: up to `sessionsAvailable` distinct days after `fromDate`
 * drawn from the offer's availability windows (on its weekdays, no later than `lastDay`; none on
 * `fromDate` itself, whose hours may already have passed when the demo is loaded), each at the window's
 * start time in Europe/London for the offer's duration (capped at the window's end: a multi-day
 * placement is modelled as its first day).
 */
export function generateOfferSessions(seed: number, offers: readonly SeedOffer[], fromDate: CalendarDate): SeedOfferSession[] {
  const rng = new SeededRandom(deriveSeed(seed, 'sessions'));
  const sessions: SeedOfferSession[] = [];
  for (const offer of offers) {
    if (offer.status !== 'published') continue;
    const candidates: Array<{ day: CalendarDate; window: SeedAvailabilityWindow }> = [];
    const firstDay = addDays(fromDate, 1);
    for (const window of offer.availability) {
      for (let day = window.startsOn < firstDay ? firstDay : window.startsOn; day <= window.endsOn; day = addDays(day, 1)) {
        if (window.weekdays.includes(isoWeekday(day))) candidates.push({ day, window });
      }
    }
    const chosen = rng
      .shuffle(candidates)
      .slice(0, offer.sessionsAvailable)
      .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
    const usedDays = new Set<string>();
    for (const { day, window } of chosen) {
      if (usedDays.has(day)) continue;
      usedDays.add(day);
      const startsAt = londonWallClockToInstant(day, window.startTime);
      const windowEnd = londonWallClockToInstant(day, window.endTime);
      const endsAt = new Date(Math.min(startsAt.getTime() + offer.durationMinutes * 60_000, windowEnd.getTime()));
      sessions.push({ offerKey: offer.key, startsAt, endsAt, capacity: offer.pupilsPerSession });
    }
  }
  return sessions;
}

/**
 * Requests from schools that want a slot like one an employer has put up: a school day that holds a
 * session (08:30–16:30 London), for a year group both teach and want, no more pupils than fit. These
 * are the requests a matching run can place; the others wait for offers that fit them.
 */
export function generateSlotRequests(
  seed: number,
  schools: readonly Pick<SeedSchool, 'key' | 'lowestYearGroup' | 'highestYearGroup'>[],
  offers: readonly SeedOffer[],
  sessions: readonly SeedOfferSession[],
  count: number,
  fromDate: CalendarDate,
): SeedRequest[] {
  const rng = new SeededRandom(deriveSeed(seed, 'slot-requests'));
  const offerByKey = new Map(offers.map((o) => [o.key, o]));
  const requests: SeedRequest[] = [];
  const candidates = rng.shuffle(sessions);
  for (const session of candidates) {
    if (requests.length >= count) break;
    const offer = offerByKey.get(session.offerKey);
    if (!offer) continue;
    const fits = schools.filter((s) => offer.yearGroups.some((y) => y >= s.lowestYearGroup && y <= s.highestYearGroup));
    if (!fits.length) continue;
    const school = rng.pick(fits);
    const yearGroup = rng.pick(offer.yearGroups.filter((y) => y >= school.lowestYearGroup && y <= school.highestYearGroup));
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(session.startsAt);
    const deadline = addDays(day, -3);
    requests.push({
      key: `request-slot-${requests.length + 1}`,
      schoolKey: school.key,
      activityType: offer.activityType,
      yearGroup,
      pupilCount: Math.max(1, Math.min(session.capacity, rng.int(Math.ceil(session.capacity / 2), session.capacity))),
      formats: offer.format === 'virtual' ? ['virtual'] : rng.chance(0.5) ? [offer.format, 'virtual'] : [offer.format],
      deadline: deadline < fromDate ? fromDate : deadline,
      notes: null,
      status: 'open',
      windows: [{ startsAt: londonWallClockToInstant(day, '08:30'), endsAt: londonWallClockToInstant(day, '16:30') }],
    });
  }
  return requests;
}

// ── encounter history ─────────────────────────────────────────────────────────

export interface SeedEncounter {
  readonly schoolKey: string;
  readonly employerKey: string;
  readonly occurredOn: CalendarDate;
  readonly activityType: ActivityType;
  readonly format: Format;
  readonly title: string;
  readonly yearGroup: number;
  readonly durationMinutes: number;
  /** Criteria ticked; a few encounters miss one, so they are not meaningful and do not count. */
  readonly checklist: readonly string[];
  readonly attendeeKeys: readonly string[];
}

/**
 * What schools have logged so far this academic year (1 September to the day before
 * `referenceDate`): talks and workshops reaching part of each year group, and workplace visits for
 * some older pupils, each attended by a random share of the year group. Uneven on purpose, so the
 * demo shows schools and year groups at different distances from the benchmarks.
 */
export function generateEncounterHistory(
  seed: number,
  schools: readonly Pick<SeedSchool, 'key' | 'lowestYearGroup' | 'highestYearGroup'>[],
  pupils: readonly Pick<SeedPupil, 'key' | 'schoolKey' | 'yearGroup'>[],
  employers: readonly Pick<SeedEmployer, 'key' | 'name'>[],
  referenceDate: CalendarDate,
): SeedEncounter[] {
  const rng = new SeededRandom(deriveSeed(seed, 'encounters'));
  const from = academicYearStart(academicYearOf(referenceDate));
  const span = daysBetween(from, referenceDate) - 1;
  if (span < 1 || employers.length === 0) return [];
  const byYear = new Map<string, string[]>();
  for (const p of pupils) {
    const k = `${p.schoolKey}/${p.yearGroup}`;
    byYear.set(k, [...(byYear.get(k) ?? []), p.key]);
  }
  const schoolDay = (): CalendarDate => {
    let day = addDays(from, rng.int(1, span));
    while (isoWeekday(day) > 5) day = addDays(day, -1);
    return day < from ? addDays(from, 1) : day;
  };
  const encounters: SeedEncounter[] = [];
  for (const school of schools) {
    const engagement = rng.float(); // some schools are further along than others
    for (let yg = school.lowestYearGroup; yg <= school.highestYearGroup; yg++) {
      const cohort = byYear.get(`${school.key}/${yg}`) ?? [];
      if (!cohort.length) continue;
      const talks = rng.int(0, engagement > 0.6 ? 2 : 1);
      const visits = yg >= 9 && rng.chance(0.3 + engagement * 0.4) ? 1 : 0;
      for (let k = 0; k < talks + visits; k++) {
        const visit = k >= talks;
        const employer = rng.pick(employers);
        const activityType: ActivityType = visit
          ? rng.pick(['workplace_visit', 'insight_day'] as const)
          : rng.pick(['careers_talk', 'employer_panel', 'cv_workshop'] as const);
        const share = visit ? 0.1 + rng.float() * 0.2 : 0.3 + engagement * 0.5 * rng.float();
        const checklist: readonly string[] = visit ? BM6_MEANINGFUL_CRITERIA : BM5_MEANINGFUL_CRITERIA;
        encounters.push({
          schoolKey: school.key,
          employerKey: employer.key,
          occurredOn: schoolDay(),
          activityType,
          format: visit ? 'in_person_workplace' : 'in_person_school',
          title: `${ACTIVITY_TYPE_LABELS[activityType]} with ${employer.name}`,
          yearGroup: yg,
          durationMinutes: visit ? 180 : 60,
          // One in eight was not followed up with a reflection: logged, but not meaningful.
          checklist: rng.chance(0.125) ? checklist.filter((c) => c !== 'reflection') : checklist,
          attendeeKeys: rng.shuffle(cohort).slice(0, Math.max(1, Math.round(cohort.length * share))),
        });
      }
    }
  }
  return encounters;
}

// ── everything at once ───────────────────────────────────────────────────────

export interface DemoDataOptions {
  readonly schools: number;
  readonly clusters?: number;
  readonly pupilsPerYearGroup: number;
  readonly employers: number;
  readonly offersPerEmployer: readonly [number, number];
  readonly requests: number;
  /** "Today" for the demo: fixes the academic year, vetting dates and request windows. */
  readonly referenceDate: CalendarDate;
}

export interface DemoData {
  readonly academicYear: number;
  readonly clusters: SeedCluster[];
  readonly schools: SeedSchool[];
  readonly pupils: SeedPupil[];
  readonly employers: SeedEmployer[];
  readonly offers: SeedOffer[];
  readonly sessions: SeedOfferSession[];
  readonly requests: SeedRequest[];
  readonly encounters: SeedEncounter[];
}

export function generateDemoData(seed: number, options: DemoDataOptions): DemoData {
  const academicYear = academicYearOf(options.referenceDate);
  const clusterCount = options.clusters ?? Math.max(1, Math.ceil(options.schools / 8));
  const schools = generateSchools(seed, options.schools, clusterCount);
  const employers = generateEmployers(seed, options.employers, options.referenceDate);
  // Offers fill the school year ahead (the next one, in the summer holiday); pupils and this year's encounters are of the year in progress.
  const offers = generateOffers(seed, employers, options.offersPerEmployer, schoolYearAhead(options.referenceDate));
  const sessions = generateOfferSessions(seed, offers, options.referenceDate);
  const pupils = schools.flatMap((s) => generatePupils(seed, s, options.pupilsPerYearGroup, academicYear));
  return {
    academicYear,
    clusters: generateClusters(clusterCount),
    schools,
    pupils,
    employers,
    offers,
    sessions,
    // Half the requests ask for slots like those on offer (matching can place them), half for others.
    requests: [
      ...generateRequests(seed, schools, options.requests - Math.floor(options.requests / 2), options.referenceDate),
      ...generateSlotRequests(seed, schools, offers, sessions, Math.floor(options.requests / 2), options.referenceDate),
    ],
    encounters: generateEncounterHistory(seed, schools, pupils, employers, options.referenceDate),
  };
}
