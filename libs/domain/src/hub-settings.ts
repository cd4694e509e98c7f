import { DomainError } from './errors';
import { DEFAULT_MATCHING_WEIGHTS, resolveMatchingWeights, type MatchingWeights } from './matching';
import { parseIntegerInRange, showValue } from './validation';

/**
 * A hub's settings: one typed object, validated on the way in and read defensively on the way out,
 * stored as `tenants.settings` (jsonb). Clients never send free-form JSON: each setting is a field of
 * a GraphQL input type and a rule here.
 *
 * To add a setting (benchmark policy, reminder timing, matching weights, quiet hours…): add the field
 * to `HubSettings` with its default in `DEFAULT_HUB_SETTINGS`, read it in `readHubSettings` (falling
 * back to the default for rows written before it existed), validate it in `parseHubSettingsPatch`,
 * and expose it on `HubSettings` / `HubSettingsInput` in the hubs feature.
 */
export interface HubSettings {
  /** How long an invitation link stays valid, in hours; null = the platform default (INVITATION_TTL_HOURS). */
  readonly invitationValidityHours: number | null;
  /** How matching values proposals (see MatchingWeights in the matching model); each weight defaults on its own. */
  readonly matchingWeights: MatchingWeights;
}

export const DEFAULT_HUB_SETTINGS: HubSettings = Object.freeze({
  invitationValidityHours: null,
  matchingWeights: DEFAULT_MATCHING_WEIGHTS,
});

/**
 * A validated change: the settings given, with null resetting one to its default. Matching weights
 * change one by one (the weights not given keep their value; null for a weight resets that weight,
 * null for all of them resets them all).
 */
export interface HubSettingsPatch {
  invitationValidityHours?: number | null;
  matchingWeights?: Partial<MatchingWeights> | null;
}

const WEIGHT_KEYS = Object.keys(DEFAULT_MATCHING_WEIGHTS) as (keyof MatchingWeights)[];

export const INVITATION_VALIDITY_HOURS = { min: 1, max: 30 * 24 } as const;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const inRange = (v: unknown, min: number, max: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

/** Stored JSON → settings. A missing or out-of-range value (an older row, a hand edit) falls back to its default. */
export function readHubSettings(stored: unknown): HubSettings {
  const s = isRecord(stored) ? stored : {};
  const hours = s['invitationValidityHours'];
  return {
    invitationValidityHours: inRange(hours, INVITATION_VALIDITY_HOURS.min, INVITATION_VALIDITY_HOURS.max)
      ? hours
      : DEFAULT_HUB_SETTINGS.invitationValidityHours,
    matchingWeights: readMatchingWeights(s['matchingWeights']),
  };
}

/** Each stored weight that the matching rules accept, else that weight's default. */
function readMatchingWeights(stored: unknown): MatchingWeights {
  const s = isRecord(stored) ? stored : {};
  const out: Record<keyof MatchingWeights, number> = { ...DEFAULT_MATCHING_WEIGHTS };
  for (const key of WEIGHT_KEYS) {
    try {
      out[key] = resolveMatchingWeights({ [key]: s[key] })[key];
    } catch {
      // Out of range or not a number: the default stands.
    }
  }
  return out;
}

/**
 * A change to the settings from a client: only the keys given are validated and returned (null
 * resets a setting to its default). Fields are named `<field>.<setting>`, e.g. `input.settings.invitationValidityHours`.
 */
export function parseHubSettingsPatch(patch: Record<string, unknown>, field = 'input.settings'): HubSettingsPatch {
  const out: HubSettingsPatch = {};
  if (patch['invitationValidityHours'] !== undefined) {
    const v = patch['invitationValidityHours'];
    out.invitationValidityHours =
      v === null
        ? null
        : parseIntegerInRange(v, `${field}.invitationValidityHours`, INVITATION_VALIDITY_HOURS.min, INVITATION_VALIDITY_HOURS.max);
  }
  if (patch['matchingWeights'] !== undefined)
    out.matchingWeights = parseMatchingWeightsPatch(patch['matchingWeights'], `${field}.matchingWeights`);
  return out;
}

/**
 * Weights given one by one: numbers are checked against the matching rules' ranges (every problem
 * reported at once, fields like `input.settings.matchingWeights.perKm`), null resets a weight to its default.
 */
export function parseMatchingWeightsPatch(value: unknown, field: string): Partial<MatchingWeights> | null {
  if (value === null) return null;
  if (!isRecord(value))
    throw DomainError.invalid(field, 'VALIDATION_FAILED', `${field} must be a set of weights (got ${showValue(value)})`);
  const given: Record<string, unknown> = {};
  const reset: Partial<Record<keyof MatchingWeights, number>> = {};
  for (const key of WEIGHT_KEYS) {
    if (value[key] === null) reset[key] = DEFAULT_MATCHING_WEIGHTS[key];
    else if (value[key] !== undefined) given[key] = value[key];
  }
  const checked = resolveMatchingWeights(given, field);
  const out: Partial<Record<keyof MatchingWeights, number>> = { ...reset };
  for (const key of Object.keys(given) as (keyof MatchingWeights)[]) out[key] = checked[key];
  return out;
}

/** The settings after a validated patch. */
export function applyHubSettings(current: HubSettings, patch: HubSettingsPatch): HubSettings {
  const { matchingWeights, ...rest } = patch;
  const weights =
    matchingWeights === undefined
      ? current.matchingWeights
      : matchingWeights === null
        ? DEFAULT_MATCHING_WEIGHTS
        : { ...current.matchingWeights, ...matchingWeights };
  return { ...current, ...rest, matchingWeights: weights };
}

/** The invitation lifetime for a hub: its own setting, else the platform default. */
export function invitationValidityHours(settings: HubSettings, platformDefaultHours: number): number {
  return settings.invitationValidityHours ?? platformDefaultHours;
}
