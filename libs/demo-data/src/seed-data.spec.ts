import fc from 'fast-check';
import {
  ACTIVITY_TYPES,
  benchmarkFor,
  isCalendarDate,
  isoWeekday,
  parseEmail,
  parsePostcode,
  parseUrn,
  SECTORS,
  yearGroupFromDateOfBirth,
} from '@tandem/domain';
import { generateDemoData, generatePupils, generateSchools, mulberry32, schoolYearAhead, SeededRandom, DEMO_TOWNS } from './seed-data';

const OPTIONS = {
  schools: 25,
  pupilsPerYearGroup: 40,
  employers: 60,
  offersPerEmployer: [1, 3] as const,
  requests: 50,
  referenceDate: '2025-10-06',
};

describe('mulberry32 / SeededRandom', () => {
  it('is deterministic and spread over [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
    expect(mulberry32(43)()).not.toBe(mulberry32(42)());
  });

  it('int stays within bounds, both inclusive (property)', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 0, max: 1000 }), (seed, min, width) => {
        const r = new SeededRandom(seed);
        for (let k = 0; k < 20; k++) {
          const v = r.int(min, min + width);
          expect(v >= min && v <= min + width && Number.isInteger(v)).toBe(true);
        }
      }),
    );
  });
});

describe('generateDemoData', () => {
  const data = generateDemoData(7, OPTIONS);

  it('is deterministic for a seed and differs between seeds', () => {
    expect(generateDemoData(7, OPTIONS)).toEqual(data);
    expect(generateDemoData(8, OPTIONS).schools[0]).not.toEqual(data.schools[0]);
  });

  it('keeps schools stable when only the employer count changes', () => {
    expect(generateDemoData(7, { ...OPTIONS, employers: 5 }).schools).toEqual(data.schools);
  });

  it('makes schools with valid, unique URNs and names, real outcodes and nearby coordinates', () => {
    expect(data.academicYear).toBe(2025);
    expect(data.schools).toHaveLength(25);
    expect(new Set(data.schools.map((s) => s.urn)).size).toBe(25);
    expect(new Set(data.schools.map((s) => s.name)).size).toBe(25);
    const clusterKeys = new Set(data.clusters.map((c) => c.key));
    for (const s of data.schools) {
      expect(parseUrn(s.urn)).toBe(s.urn);
      expect(s.urn).toMatch(/^1\d{5}$/);
      expect(parsePostcode(s.postcode)).toBe(s.postcode);
      expect(clusterKeys.has(s.clusterKey)).toBe(true);
      const town = DEMO_TOWNS.find((t) => t.name === s.town);
      expect(town).toBeDefined();
      expect(s.postcode.startsWith(`${town?.outcode} `)).toBe(true);
      expect(Math.abs(s.latitude - (town?.latitude ?? 0))).toBeLessThan(0.05);
      expect(s.lowestYearGroup).toBeLessThanOrEqual(s.highestYearGroup);
      expect(s.lowestYearGroup).toBeGreaterThanOrEqual(7);
      expect(s.highestYearGroup).toBeLessThanOrEqual(13);
    }
  });

  it('makes pupils whose date of birth gives their year group, with plausible flag rates', () => {
    const onDate = OPTIONS.referenceDate;
    for (const p of data.pupils) {
      expect(yearGroupFromDateOfBirth(p.dateOfBirth, onDate)).toBe(p.yearGroup);
      expect(p.reference).toMatch(/^A\d{6}$/);
      expect(p.roniScore).toBeGreaterThanOrEqual(0);
      expect(p.roniScore).toBeLessThanOrEqual(100);
      expect(isCalendarDate(p.onRollFrom)).toBe(true);
    }
    for (const s of data.schools) {
      const refs = data.pupils.filter((p) => p.schoolKey === s.key).map((p) => p.reference);
      expect(new Set(refs).size).toBe(refs.length);
    }
    const rate = (f: (p: (typeof data.pupils)[number]) => boolean) => data.pupils.filter(f).length / data.pupils.length;
    expect(data.pupils.length).toBeGreaterThan(3000);
    expect(rate((p) => p.disadvantaged)).toBeGreaterThan(0.2);
    expect(rate((p) => p.disadvantaged)).toBeLessThan(0.3);
    expect(rate((p) => p.send)).toBeGreaterThan(0.1);
    expect(rate((p) => p.send)).toBeLessThan(0.18);
    expect(rate((p) => p.careExperienced)).toBeLessThan(0.03);
  });

  it('makes employers across every sector, with valid contacts and vetting', () => {
    expect(new Set(data.employers.map((e) => e.sector)).size).toBe(SECTORS.length);
    expect(new Set(data.employers.map((e) => e.name)).size).toBe(data.employers.length);
    for (const e of data.employers) {
      expect(parsePostcode(e.postcode)).toBe(e.postcode);
      expect(e.contacts.length).toBeGreaterThanOrEqual(1);
      for (const c of e.contacts) {
        expect(parseEmail(c.email)).toBe(c.email);
        expect(c.email.endsWith('.example')).toBe(true);
        expect(c.dbsStatus === 'none' ? c.dbsCheckedOn === null : isCalendarDate(c.dbsCheckedOn)).toBe(true);
      }
      for (const v of e.vetting) expect(v.expiresOn > v.checkedOn).toBe(true);
    }
    const expired = data.employers.filter((e) => e.vetting.some((v) => v.expiresOn < OPTIONS.referenceDate));
    expect(expired.length).toBeGreaterThan(0);
    expect(expired.length).toBeLessThan(data.employers.length / 4);
  });

  it('makes offers that satisfy the schema rules', () => {
    const employerKeys = new Set(data.employers.map((e) => e.key));
    expect(new Set(data.offers.map((o) => o.activityType)).size).toBeGreaterThan(ACTIVITY_TYPES.length - 3);
    for (const o of data.offers) {
      expect(employerKeys.has(o.employerKey)).toBe(true);
      expect(o.benchmark).toBe(benchmarkFor(o.activityType, o.format));
      expect(o.pupilsPerSession).toBeGreaterThan(0);
      expect(o.sessionsAvailable).toBeGreaterThan(0);
      expect(o.durationMinutes).toBeGreaterThan(0);
      expect(o.yearGroups.length).toBeGreaterThan(0);
      expect(o.yearGroups.every((y) => y >= 7 && y <= 13)).toBe(true);
      expect(o.travelRadiusKm === null).toBe(o.format !== 'in_person_school');
      for (const w of o.availability) {
        expect(w.endsOn >= w.startsOn).toBe(true);
        expect(w.endTime > w.startTime).toBe(true);
        expect(w.weekdays.every((d) => d >= 1 && d <= 5)).toBe(true);
      }
    }
  });

  it('makes requests on weekdays in school hours, in year groups the school teaches', () => {
    const schools = new Map(data.schools.map((s) => [s.key, s]));
    const london = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/London',
      hour: '2-digit',
      minute: '2-digit',
      weekday: 'short',
      hourCycle: 'h23',
    });
    for (const r of data.requests) {
      const s = schools.get(r.schoolKey);
      expect(s).toBeDefined();
      expect(r.yearGroup).toBeGreaterThanOrEqual(s?.lowestYearGroup ?? 99);
      expect(r.yearGroup).toBeLessThanOrEqual(s?.highestYearGroup ?? -1);
      expect(r.formats.length).toBeGreaterThan(0);
      expect(r.deadline >= OPTIONS.referenceDate).toBe(true);
      for (const w of r.windows) {
        expect(w.endsAt.getTime()).toBeGreaterThan(w.startsAt.getTime());
        const text = london.format(w.startsAt);
        expect(text).not.toMatch(/Sat|Sun/);
        const [hour, minute] = (/(\d{2}):(\d{2})/.exec(text) ?? []).slice(1).map(Number);
        expect(hour * 60 + minute).toBeGreaterThanOrEqual(8 * 60 + 30);
        expect(hour).toBeLessThan(15);
      }
    }
  });

  it('has half its requests ask for a day that holds a compatible session (so matching can place them)', () => {
    const offersByKey = new Map(data.offers.map((o) => [o.key, o]));
    const slotRequests = data.requests.filter((r) => r.key.startsWith('request-slot-'));
    expect(slotRequests).toHaveLength(Math.floor(OPTIONS.requests / 2));
    for (const r of slotRequests) {
      const fitting = data.sessions.filter((session) => {
        const offer = offersByKey.get(session.offerKey);
        return (
          offer?.activityType === r.activityType &&
          r.formats.includes(offer.format) &&
          offer.yearGroups.includes(r.yearGroup) &&
          session.capacity >= r.pupilCount &&
          r.windows.some((w) => w.startsAt <= session.startsAt && session.endsAt <= w.endsAt)
        );
      });
      expect(fitting.length).toBeGreaterThan(0);
    }
  });
});

describe('the school year ahead (a hub seeded at any date has a year of offers in front of it)', () => {
  it('is the year in progress until its last school day, then the next', () => {
    expect(schoolYearAhead('2026-09-01')).toBe(2026);
    expect(schoolYearAhead('2027-07-20')).toBe(2026);
    expect(schoolYearAhead('2027-07-21')).toBe(2027);
    expect(schoolYearAhead('2027-08-31')).toBe(2027);
  });

  it.each(['2026-08-31', '2026-09-01', '2026-07-25', '2026-12-24'])(
    'seeded on %s, the demo has open sessions and request windows still ahead',
    (referenceDate) => {
      const data = generateDemoData(2026, {
        schools: 4,
        clusters: 1,
        pupilsPerYearGroup: 3,
        employers: 12,
        offersPerEmployer: [1, 3],
        requests: 8,
        referenceDate,
      });
      const ahead = (d: Date): boolean => d.toISOString().slice(0, 10) > referenceDate;
      expect(data.sessions.filter((s) => ahead(s.startsAt)).length).toBeGreaterThan(5);
      expect(data.requests.every((r) => r.windows.every((w) => ahead(w.startsAt)))).toBe(true);
    },
  );
});

describe('generatePupils / generateSchools', () => {
  it('makes a smaller sixth form and nothing for an empty range', () => {
    const pupils = generatePupils(1, { key: 's', lowestYearGroup: 7, highestYearGroup: 13 }, 100, 2025);
    expect(pupils.filter((p) => p.yearGroup === 7)).toHaveLength(100);
    expect(pupils.filter((p) => p.yearGroup === 12)).toHaveLength(60);
    expect(generatePupils(1, { key: 's', lowestYearGroup: 8, highestYearGroup: 7 }, 100, 2025)).toEqual([]);
  });
  it('keeps names and URNs unique for many schools', () => {
    const schools = generateSchools(3, 200);
    expect(new Set(schools.map((s) => s.name)).size).toBe(200);
    expect(new Set(schools.map((s) => s.urn)).size).toBe(200);
  });
});

describe('generateOfferSessions', () => {
  const data = generateDemoData(7, OPTIONS);
  const offersByKey = new Map(data.offers.map((o) => [o.key, o]));

  it('gives published offers sessions inside their windows, on their weekdays, within capacity and count', () => {
    expect(data.sessions.length).toBeGreaterThan(0);
    const perOffer = new Map<string, number>();
    for (const s of data.sessions) {
      const offer = offersByKey.get(s.offerKey);
      expect(offer?.status).toBe('published');
      if (!offer) continue;
      perOffer.set(s.offerKey, (perOffer.get(s.offerKey) ?? 0) + 1);
      expect(s.capacity).toBe(offer.pupilsPerSession);
      expect(s.endsAt.getTime()).toBeGreaterThan(s.startsAt.getTime());
      expect(s.endsAt.getTime() - s.startsAt.getTime()).toBeLessThanOrEqual(offer.durationMinutes * 60_000);
      const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(s.startsAt);
      expect(day >= OPTIONS.referenceDate).toBe(true);
      expect(offer.availability.some((w) => day >= w.startsOn && day <= w.endsOn && w.weekdays.includes(isoWeekday(day)))).toBe(true);
    }
    for (const [key, n] of perOffer) expect(n).toBeLessThanOrEqual(offersByKey.get(key)?.sessionsAvailable ?? 0);
  });

  it('is deterministic', () => {
    expect(generateDemoData(7, OPTIONS).sessions).toEqual(data.sessions);
  });
});

describe('generateEncounterHistory', () => {
  const data = generateDemoData(7, { ...OPTIONS, referenceDate: '2025-11-25' });
  const pupilsByKey = new Map(data.pupils.map((p) => [p.key, p]));

  it('logs encounters this academic year, before the reference date, attended by pupils of that school and year group', () => {
    expect(data.encounters.length).toBeGreaterThan(20);
    for (const e of data.encounters) {
      expect(e.occurredOn >= '2025-09-01' && e.occurredOn < '2025-11-25').toBe(true);
      expect(isoWeekday(e.occurredOn)).toBeLessThanOrEqual(5);
      expect(e.attendeeKeys.length).toBeGreaterThan(0);
      for (const key of e.attendeeKeys) expect(pupilsByKey.get(key)).toMatchObject({ schoolKey: e.schoolKey, yearGroup: e.yearGroup });
      expect(new Set(e.attendeeKeys).size).toBe(e.attendeeKeys.length);
    }
  });

  it('mixes talks (BM5) with workplace visits (BM6), and a few not meaningful', () => {
    const visits = data.encounters.filter((e) => e.format === 'in_person_workplace');
    expect(visits.length).toBeGreaterThan(0);
    expect(visits.every((e) => e.yearGroup >= 9)).toBe(true);
    expect(data.encounters.some((e) => !e.checklist.includes('reflection'))).toBe(true);
  });

  it('has nothing to log on the first day of the year', () => {
    expect(generateDemoData(7, { ...OPTIONS, referenceDate: '2025-09-01' }).encounters).toEqual([]);
  });
});
