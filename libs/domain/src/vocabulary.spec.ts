import {
  ACTIVITY_TYPE_LABELS,
  ACTIVITY_TYPES,
  benchmarkFor,
  FORMATS,
  isOneOf,
  needsVetting,
  ROLES,
  SECTORS,
  type ActivityType,
} from './vocabulary';

describe('vocabulary', () => {
  it('labels every activity type', () => {
    expect(Object.keys(ACTIVITY_TYPE_LABELS).sort()).toEqual([...ACTIVITY_TYPES].sort());
    for (const t of ACTIVITY_TYPES) expect(ACTIVITY_TYPE_LABELS[t].length).toBeGreaterThan(0);
  });

  it('has the four membership roles and at least twelve sectors', () => {
    expect(ROLES).toEqual(['hub_admin', 'coordinator', 'school_staff', 'employer_contact']);
    expect(SECTORS.length).toBeGreaterThanOrEqual(12);
  });

  it.each<[ActivityType, 5 | 6]>([
    ['careers_talk', 5],
    ['employer_panel', 5],
    ['cv_workshop', 5],
    ['mock_interviews', 5],
    ['enterprise_challenge', 5],
    ['mentoring', 5],
    ['virtual_workplace_tour', 6],
    ['workplace_visit', 6],
    ['work_shadowing', 6],
    ['insight_day', 6],
    ['work_experience', 6],
  ])('%s serves benchmark %i in every format', (type, bm) => {
    for (const f of FORMATS) expect(benchmarkFor(type, f)).toBe(bm);
  });

  it('refuses unknown values at run time', () => {
    expect(() => benchmarkFor('assembly' as ActivityType, 'virtual')).toThrow(TypeError);
    expect(() => benchmarkFor('careers_talk', 'carrier_pigeon' as never)).toThrow(TypeError);
  });

  it('needs vetting for in-person formats only', () => {
    expect(needsVetting('in_person_workplace')).toBe(true);
    expect(needsVetting('in_person_school')).toBe(true);
    expect(needsVetting('virtual')).toBe(false);
  });

  it('isOneOf narrows strings and rejects everything else', () => {
    expect(isOneOf(FORMATS, 'virtual')).toBe(true);
    expect(isOneOf(FORMATS, 'Virtual')).toBe(false);
    expect(isOneOf(FORMATS, 3)).toBe(false);
    expect(isOneOf(FORMATS, undefined)).toBe(false);
  });
});
