import type { ActivityType } from '../vocabulary';
import { BM5_MEANINGFUL_CRITERIA, BM6_MEANINGFUL_CRITERIA } from './checklist';
import type { BenchmarkPolicy, PolicyWindow } from './policy';

/**
 * The two policies every hub can choose from on day one. They are data like any other policy (the
 * migration stores them as rows); once released a definition never changes: a change is a new
 * version. Our reading of the guidance, where it leaves room:
 * - "one further experience by 18" is a second window, Years 12–13;
 * - workplace experiences are held at the workplace; the 2024 refresh also accepts virtual ones
 *   (a virtual workplace tour), which 2014 did not;
 * - an encounter is meaningful when its checklist ticks the criteria the benchmark needs.
 */

const ENCOUNTER_TYPES: readonly ActivityType[] = [
  'careers_talk',
  'employer_panel',
  'cv_workshop',
  'mock_interviews',
  'enterprise_challenge',
  'mentoring',
];
const WORKPLACE_TYPES: readonly ActivityType[] = [
  'virtual_workplace_tour',
  'workplace_visit',
  'work_shadowing',
  'insight_day',
  'work_experience',
];

/** Benchmark 5: at least one meaningful encounter in each of Years 7 to 13. */
const everyYear: readonly PolicyWindow[] = [7, 8, 9, 10, 11, 12, 13].map((y) => ({
  label: `Year ${y}`,
  fromYearGroup: y,
  toYearGroup: y,
  minimum: 1,
}));

const bm5 = {
  benchmark: 5 as const,
  label: 'Encounters with employers and employees',
  activityTypes: ENCOUNTER_TYPES,
  formats: ['in_person_workplace', 'in_person_school', 'virtual'] as const,
  requiredCriteria: BM5_MEANINGFUL_CRITERIA,
  windows: everyYear,
};

export const GATSBY_2014: BenchmarkPolicy = {
  key: 'gatsby-2014',
  version: 1,
  name: 'Gatsby Benchmarks (2014)',
  description:
    'BM5: a meaningful encounter every year from Year 7. BM6: one experience of a workplace by the end of Year 11 and one further by the end of Year 13.',
  benchmarks: [
    bm5,
    {
      benchmark: 6,
      label: 'Experiences of workplaces',
      activityTypes: WORKPLACE_TYPES,
      formats: ['in_person_workplace'],
      requiredCriteria: BM6_MEANINGFUL_CRITERIA,
      windows: [
        { label: 'By the end of Year 11', fromYearGroup: 7, toYearGroup: 11, minimum: 1 },
        { label: 'A further one by the end of Year 13', fromYearGroup: 12, toYearGroup: 13, minimum: 1 },
      ],
    },
  ],
};

export const GATSBY_2024: BenchmarkPolicy = {
  key: 'gatsby-2024',
  version: 1,
  name: 'Gatsby Benchmarks (2024 refresh)',
  description:
    'BM5: a meaningful encounter every year from Year 7. BM6: multiple experiences of workplaces by 16 (one in Years 7–9 and one in Years 10–11) and one more by 18.',
  benchmarks: [
    bm5,
    {
      benchmark: 6,
      label: 'Experiences of workplaces',
      activityTypes: WORKPLACE_TYPES,
      formats: ['in_person_workplace', 'virtual'],
      requiredCriteria: BM6_MEANINGFUL_CRITERIA,
      windows: [
        { label: 'Years 7–9', fromYearGroup: 7, toYearGroup: 9, minimum: 1 },
        { label: 'Years 10–11', fromYearGroup: 10, toYearGroup: 11, minimum: 1 },
        { label: 'One more by the end of Year 13', fromYearGroup: 12, toYearGroup: 13, minimum: 1 },
      ],
    },
  ],
};

export const BUILT_IN_POLICIES: readonly BenchmarkPolicy[] = [GATSBY_2014, GATSBY_2024];

/** The policy a hub follows until it chooses one. */
export const DEFAULT_POLICY_KEY = GATSBY_2024.key;
