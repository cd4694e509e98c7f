import {
  collect,
  isBlank,
  parseEnum,
  parseLatitude,
  parseLongitude,
  parsePostcode,
  parseText,
  parseUrn,
  parseYearGroup,
  SCHOOL_PHASES,
  type SchoolPhase,
} from '@tandem/domain';
import { given } from '@tandem/features/shared';

/**
 * Pure rules for a school's record: input parsing with every problem reported at once (fields named
 * `input.<name>`). Whether the cluster exists, the URN is free and the caller may change it are the
 * service's questions (they need the database).
 */

export interface SchoolFields {
  urn: string;
  name: string;
  postcode: string;
  latitude: number | null;
  longitude: number | null;
  phase: SchoolPhase;
  lowestYearGroup: number;
  highestYearGroup: number;
  clusterId: string;
}

/** The year groups a school teaches now (for an update that changes only one end). */
export interface CurrentYearRange {
  lowestYearGroup: number;
  highestYearGroup: number;
}

/**
 * `create` needs every field but the coordinates; `update` parses only the keys given. Latitude and
 * longitude go together; the lowest year group taught is not above the highest.
 */
export function parseSchoolInput(
  input: Record<string, unknown>,
  mode: 'create' | 'update',
  current?: CurrentYearRange,
): Partial<SchoolFields> {
  const c = collect();
  const out: Partial<SchoolFields> = {};
  const wants = (key: keyof SchoolFields): boolean => mode === 'create' || given(input, key);

  if (wants('urn')) out.urn = c.run(() => parseUrn(input['urn'], 'input.urn'));
  if (wants('name')) out.name = c.run(() => parseText(input['name'], 'input.name', 200, 'name'));
  if (wants('postcode')) out.postcode = c.run(() => parsePostcode(input['postcode'], 'input.postcode'));
  if (wants('phase')) out.phase = c.run(() => parseEnum(input['phase'], SCHOOL_PHASES, 'input.phase'));
  if (wants('lowestYearGroup')) out.lowestYearGroup = c.run(() => parseYearGroup(input['lowestYearGroup'], 'input.lowestYearGroup'));
  if (wants('highestYearGroup')) out.highestYearGroup = c.run(() => parseYearGroup(input['highestYearGroup'], 'input.highestYearGroup'));
  if (wants('clusterId')) {
    const v = input['clusterId'];
    if (isBlank(v) || typeof v !== 'string')
      c.add('input.clusterId', 'REQUIRED', 'input.clusterId is required: every school belongs to a cluster');
    else out.clusterId = v.trim();
  }
  for (const [key, parse] of [
    ['latitude', parseLatitude],
    ['longitude', parseLongitude],
  ] as const) {
    if (!wants(key)) continue;
    const v = input[key];
    const value = isBlank(v) ? null : c.run(() => parse(v, `input.${key}`));
    if (value !== undefined) out[key] = value;
  }

  // Both coordinates or neither (a database rule too): the one missing is the problem named.
  if (c.ok && (given(out, 'latitude') || given(out, 'longitude')) && (out.latitude == null) !== (out.longitude == null)) {
    const [missing, other] = out.latitude == null ? ['latitude', 'longitude'] : ['longitude', 'latitude'];
    c.add(`input.${missing}`, 'INVALID_COORDINATES', `input.${missing} must be given with input.${other} (both or neither)`);
  }

  const lowest = out.lowestYearGroup ?? current?.lowestYearGroup;
  const highest = out.highestYearGroup ?? current?.highestYearGroup;
  if (c.ok && lowest !== undefined && highest !== undefined && lowest > highest) {
    const field = given(out, 'highestYearGroup') ? 'input.highestYearGroup' : 'input.lowestYearGroup';
    c.add(
      field,
      'INVALID_YEAR_GROUP',
      `${field} makes the school teach Years ${lowest} to ${highest}: the lowest year group must not be above the highest`,
    );
  }
  c.throwIfAny();
  return out;
}

/** A list search as the user typed it: text for LIKE (wildcards escaped), and digits for a URN prefix. */
export function searchPatterns(search: string): { contains: string; urnPrefix: string | null } {
  const escaped = search.toLowerCase().replace(/[\\%_]/g, (m) => `\\${m}`);
  return { contains: `%${escaped}%`, urnPrefix: /^\d{1,6}$/.test(search) ? `${search}%` : null };
}
