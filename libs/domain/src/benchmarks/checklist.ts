import { DomainError } from '../errors';
import { showValue } from '../validation';

/**
 * The meaningful checklist of an encounter. Benchmark 5 asks for the first four criteria (a purpose
 * shared with the employer and the pupil, learning outcomes, two-way interaction, time to reflect
 * afterwards); Benchmark 6 adds the last three. Which ones a benchmark needs is the policy's say.
 */
export const MEANINGFUL_CRITERIA = [
  'purpose_shared',
  'learning_outcomes',
  'two_way_interaction',
  'reflection',
  'range_of_people',
  'employer_task',
  'employer_feedback',
] as const;
export type MeaningfulCriterion = (typeof MEANINGFUL_CRITERIA)[number];

export const MEANINGFUL_CRITERION_LABELS: Readonly<Record<MeaningfulCriterion, string>> = {
  purpose_shared: 'purpose shared with the employer and the pupil',
  learning_outcomes: 'learning outcomes',
  two_way_interaction: 'two-way interaction',
  reflection: 'time to reflect afterwards',
  range_of_people: 'a range of people met from the workplace',
  employer_task: 'a task set by the employer',
  employer_feedback: 'feedback from the employer',
};

/** What "meaningful" means for an encounter with employers (BM5). */
export const BM5_MEANINGFUL_CRITERIA: readonly MeaningfulCriterion[] = MEANINGFUL_CRITERIA.slice(0, 4);
/** What "meaningful" means for an experience of a workplace (BM6): BM5's four and three more. */
export const BM6_MEANINGFUL_CRITERIA: readonly MeaningfulCriterion[] = MEANINGFUL_CRITERIA;

/** Criteria in their canonical order, without duplicates. */
export function sortCriteria(criteria: Iterable<MeaningfulCriterion>): MeaningfulCriterion[] {
  const set = new Set(criteria);
  return MEANINGFUL_CRITERIA.filter((c) => set.has(c));
}

/** A checklist as given by a user: a list (maybe empty) of criteria met. */
export function parseChecklist(value: unknown, field = 'checklist'): MeaningfulCriterion[] {
  if (!Array.isArray(value))
    throw DomainError.invalid(field, 'INVALID_ENUM_VALUE', `${field} must be a list of criteria (got ${showValue(value)})`);
  value.forEach((item, i) => {
    if (typeof item !== 'string' || !(MEANINGFUL_CRITERIA as readonly string[]).includes(item)) {
      throw DomainError.invalid(
        `${field}[${i}]`,
        'INVALID_ENUM_VALUE',
        `${field}[${i}] must be one of ${MEANINGFUL_CRITERIA.join(', ')} (got ${showValue(item)})`,
      );
    }
  });
  return sortCriteria(value as MeaningfulCriterion[]);
}

/** The required criteria the checklist does not tick, in canonical order. */
export function missingCriteria(
  checklist: readonly MeaningfulCriterion[],
  required: readonly MeaningfulCriterion[],
): MeaningfulCriterion[] {
  return sortCriteria(required.filter((c) => !checklist.includes(c)));
}
