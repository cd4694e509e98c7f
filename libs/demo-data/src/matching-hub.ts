import {
  ACTIVITY_TYPES,
  addDays,
  isoWeekday,
  londonWallClockToInstant,
  type ActivityType,
  type MatchingInput,
  type MatchingOfferInput,
  type MatchingRequestInput,
  type MatchingSessionInput,
} from '@tandem/domain';
import { ACTIVITY_SHAPES, hhmm, SeededRandom, generateEmployers, generateSchools, type ActivityShape } from './seed-data';

/**
 * A generated hub for the matching benchmark and demos: real-looking schools and employers from the demo
 * generators (Greater Manchester towns), offers with concrete sessions over one spring term, and
 * school requests with day-long windows. Deterministic for a seed.
 */

// The demo shapes, except that a session here is one day: shadowing and work experience are modelled
// by their first day (a placement's later days need no matching of their own).
const SHAPES: Readonly<Record<ActivityType, ActivityShape>> = {
  ...ACTIVITY_SHAPES,
  work_shadowing: { ...ACTIVITY_SHAPES.work_shadowing, minutes: [300, 360] },
  work_experience: { ...ACTIVITY_SHAPES.work_experience, minutes: [360, 390] },
};
const WEIGHTED_TYPES = ACTIVITY_TYPES.map((t) => [t, SHAPES[t].weight] as const);

const TERM_START = '2026-01-05';
const TERM_DAYS = 75; // to mid-March: the weekdays of a spring term

function schoolDay(rng: SeededRandom): string {
  let day = addDays(TERM_START, rng.int(0, TERM_DAYS));
  while (isoWeekday(day) > 5) day = addDays(day, 1);
  return day;
}

export interface MatchingHubSize {
  readonly requests: number;
  readonly sessions: number;
}

export function generateMatchingHub(seed: number, size: MatchingHubSize): MatchingInput {
  const rng = new SeededRandom(seed);
  const schoolCount = Math.max(4, Math.round(size.requests / 25));
  const employerCount = Math.max(4, Math.round(size.sessions / 40));
  const seedSchools = generateSchools(seed, schoolCount);
  const seedEmployers = generateEmployers(seed, employerCount, TERM_START);

  const schools = seedSchools.map((s) => ({ id: s.key, name: s.name, latitude: s.latitude, longitude: s.longitude }));
  const employers = seedEmployers.map((e) => {
    const expiries = e.vetting.map((v) => v.expiresOn).sort();
    return {
      id: e.key,
      name: e.name,
      latitude: e.latitude,
      longitude: e.longitude,
      maxRequestsPerMonth: e.maxRequestsPerMonth,
      vettedUntil: e.vetting.length === 3 ? expiries[0] : null,
    };
  });

  const offers: MatchingOfferInput[] = [];
  const sessions: MatchingSessionInput[] = [];
  let k = 0;
  while (sessions.length < size.sessions) {
    const employer = seedEmployers[k % seedEmployers.length];
    const activityType = rng.weighted(WEIGHTED_TYPES);
    const shape = SHAPES[activityType];
    const format = rng.pick(shape.formats);
    const low = rng.int(shape.years[0], shape.years[1]);
    const high = rng.int(low, shape.years[1]);
    const minutes = Math.round(rng.int(shape.minutes[0], shape.minutes[1]) / 15) * 15;
    const offer: MatchingOfferInput = {
      id: `offer-${String(k + 1).padStart(6, '0')}`,
      employerId: employer.key,
      contactId: `${employer.key}/contact-${rng.int(1, employer.contacts.length)}`,
      title: `${activityType.replace(/_/g, ' ')} with ${employer.name}`,
      activityType,
      format,
      pupilsPerSession: rng.int(shape.pupils[0], shape.pupils[1]),
      sessionsAvailable: rng.int(1, 6),
      yearGroups: Array.from({ length: high - low + 1 }, (_, i) => low + i),
      travelRadiusKm: format === 'in_person_school' ? rng.pick([5, 10, 15, 20, 30]) : null,
    };
    offers.push(offer);
    const slots = Math.min(size.sessions - sessions.length, rng.int(4, 14));
    for (let j = 0; j < slots; j++) {
      const day = schoolDay(rng);
      const start = 9 * 60 + 30 * rng.int(0, Math.max(0, Math.floor((15 * 60 + 30 - minutes - 9 * 60) / 30)));
      sessions.push({
        id: `${offer.id}/s${j + 1}`,
        offerId: offer.id,
        startsAt: londonWallClockToInstant(day, hhmm(start)),
        endsAt: londonWallClockToInstant(day, hhmm(start + minutes)),
      });
    }
    k++;
  }

  const requests: MatchingRequestInput[] = [];
  for (let r = 0; r < size.requests; r++) {
    const school = seedSchools[r % seedSchools.length];
    const activityType = rng.weighted(WEIGHTED_TYPES);
    const shape = SHAPES[activityType];
    const eligible: number[] = [];
    for (let y = Math.max(school.lowestYearGroup, shape.years[0]); y <= Math.min(school.highestYearGroup, shape.years[1]); y++)
      eligible.push(y);
    const yearGroup = eligible.length > 0 ? rng.pick(eligible) : school.lowestYearGroup;
    const cohort = rng.int(120, 240);
    const windows = Array.from({ length: rng.int(2, 4) }, () => {
      const day = schoolDay(rng);
      return { startsAt: londonWallClockToInstant(day, '08:45'), endsAt: londonWallClockToInstant(day, '16:00') };
    });
    requests.push({
      id: `request-${String(r + 1).padStart(6, '0')}`,
      schoolId: school.key,
      yearGroup,
      pupils: rng.int(shape.pupils[0], Math.max(shape.pupils[0], Math.min(shape.pupils[1], 60))),
      activityType,
      formats: rng.shuffle(shape.formats).slice(0, rng.int(1, shape.formats.length)),
      windows,
      gap: { benchmark5: rng.int(0, cohort), benchmark6: rng.int(0, cohort) },
      disadvantagedShare: Math.round(rng.float() * 60) / 100,
    });
  }
  return { schools, requests, employers, offers, sessions, existingBookings: [] };
}
