import { parseIntegerInRange } from './validation';

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
}

export const DEFAULT_HUB_SETTINGS: HubSettings = Object.freeze({ invitationValidityHours: null });

export const INVITATION_VALIDITY_HOURS = { min: 1, max: 30 * 24 } as const;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const inRange = (v: unknown, min: number, max: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

/** Stored JSON → settings. A missing or out-of-range value (an older row, a hand edit) falls back to its default. */
export function readHubSettings(stored: unknown): HubSettings {
  const s = isRecord(stored) ? stored : {};
  const hours = s['invitationValidityHours'];
  return {
    invitationValidityHours: inRange(hours, INVITATION_VALIDITY_HOURS.min, INVITATION_VALIDITY_HOURS.max) ? hours : DEFAULT_HUB_SETTINGS.invitationValidityHours,
  };
}

/**
 * A change to the settings from a client: only the keys given are validated and returned (null
 * resets a setting to its default). Fields are named `<field>.<setting>`, e.g. `input.settings.invitationValidityHours`.
 */
export function parseHubSettingsPatch(patch: Record<string, unknown>, field = 'input.settings'): Partial<HubSettings> {
  const out: { -readonly [K in keyof HubSettings]?: HubSettings[K] } = {};
  if (patch['invitationValidityHours'] !== undefined) {
    const v = patch['invitationValidityHours'];
    out.invitationValidityHours =
      v === null ? null : parseIntegerInRange(v, `${field}.invitationValidityHours`, INVITATION_VALIDITY_HOURS.min, INVITATION_VALIDITY_HOURS.max);
  }
  return out;
}

/** The settings after a validated patch. */
export function applyHubSettings(current: HubSettings, patch: Partial<HubSettings>): HubSettings {
  return { ...current, ...patch };
}

/** The invitation lifetime for a hub: its own setting, else the platform default. */
export function invitationValidityHours(settings: HubSettings, platformDefaultHours: number): number {
  return settings.invitationValidityHours ?? platformDefaultHours;
}
