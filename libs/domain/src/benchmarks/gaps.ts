/**
 * Who comes first in a gap list (the pupils who have not yet met a target): disadvantaged, then
 * SEND, then care-experienced, then at risk of NEET. The four flags make a rank, highest first, so a
 * disadvantaged pupil with SEND comes before one who is only disadvantaged; then older pupils (less
 * time left), then the school reference and the id, which makes the order total and pageable.
 */

/** A RONI (risk of NEET indicator) score at or above this marks a pupil at risk. */
export const AT_RISK_RONI_SCORE = 50;

export interface PriorityFlags {
  readonly disadvantaged: boolean;
  readonly send: boolean;
  readonly careExperienced: boolean;
  readonly roniScore: number | null;
}

export const PRIORITY_GROUPS = ['disadvantaged', 'send', 'care_experienced', 'at_risk'] as const;
export type PriorityGroup = (typeof PRIORITY_GROUPS)[number];

export function isAtRisk(roniScore: number | null): boolean {
  return roniScore !== null && roniScore >= AT_RISK_RONI_SCORE;
}

/** 8·disadvantaged + 4·SEND + 2·care-experienced + 1·at risk (0 = no priority group). */
export function priorityRank(flags: PriorityFlags): number {
  return (flags.disadvantaged ? 8 : 0) + (flags.send ? 4 : 0) + (flags.careExperienced ? 2 : 0) + (isAtRisk(flags.roniScore) ? 1 : 0);
}

/** The groups a rank stands for, in priority order. */
export function priorityGroupsOf(rank: number): PriorityGroup[] {
  return PRIORITY_GROUPS.filter((_, i) => (rank & (8 >> i)) !== 0);
}

export interface GapOrderKey {
  readonly priorityRank: number;
  readonly yearGroup: number;
  readonly reference: string;
  readonly pupilId: string;
}

/** Gap-list order. References compare by code unit, as the database's "C" collation does for ASCII. */
export function compareGapOrder(a: GapOrderKey, b: GapOrderKey): number {
  if (a.priorityRank !== b.priorityRank) return b.priorityRank - a.priorityRank;
  if (a.yearGroup !== b.yearGroup) return b.yearGroup - a.yearGroup;
  if (a.reference !== b.reference) return a.reference < b.reference ? -1 : 1;
  return a.pupilId < b.pupilId ? -1 : a.pupilId > b.pupilId ? 1 : 0;
}
