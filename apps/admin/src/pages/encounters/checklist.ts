/** The meaningful checklist, in the words a Careers Leader uses. BM6 adds three to BM5's four. */
export const CHECKLIST: { value: string; label: string; bm6Only?: boolean }[] = [
  { value: 'purpose_shared', label: 'The purpose was shared with the employer and the pupils' },
  { value: 'learning_outcomes', label: 'There were clear learning outcomes' },
  { value: 'two_way_interaction', label: 'Pupils talked with the employer, not only listened' },
  { value: 'reflection', label: 'Pupils had time to reflect afterwards' },
  { value: 'range_of_people', label: 'Pupils met a range of people from the workplace', bm6Only: true },
  { value: 'employer_task', label: 'The employer set pupils a task', bm6Only: true },
  { value: 'employer_feedback', label: 'The employer gave feedback', bm6Only: true },
];

/** Which of the criteria a benchmark still lacks (BM5: the first four; BM6: all seven). */
export function missingCriteria(ticked: readonly string[], benchmark: 5 | 6): string[] {
  return CHECKLIST.filter((c) => (benchmark === 6 || !c.bm6Only) && !ticked.includes(c.value)).map((c) => c.value);
}
