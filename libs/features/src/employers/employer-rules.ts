import {
  collect,
  DBS_STATUSES,
  DomainError,
  isBlank,
  parseEmail,
  parseEnum,
  parseIntegerInRange,
  parseIsoDate,
  parseLatitude,
  parseLongitude,
  parsePostcode,
  parseText,
  SECTORS,
  showValue,
  SIZE_BANDS,
  VETTING_KINDS,
  VETTING_OUTCOMES,
  type CalendarDate,
  type DbsStatus,
  type SizeBand,
  type VettingKind,
  type VettingOutcome,
} from '@tandem/domain';
import { given } from '@tandem/features/shared';

/**
 * Pure rules for employers, their contacts and vetting checks: input parsing (every problem at
 * once, fields named `input.<name>`) and the vetting status on a date. No I/O.
 */

/** An http(s) web address with a dotted host, at most 500 characters. */
export function parseWebsite(value: unknown, field = 'website'): string {
  const rule = `${field} must be a web address starting http:// or https://, e.g. https://example.org (got ${showValue(value)})`;
  if (typeof value !== 'string' || value.trim().length > 500) throw DomainError.invalid(field, 'INVALID_URL', rule);
  const text = value.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw DomainError.invalid(field, 'INVALID_URL', rule);
  }
  const hostOk = /^([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/i.test(url.hostname);
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !hostOk || /\s/.test(text))
    throw DomainError.invalid(field, 'INVALID_URL', rule);
  return text;
}

// ── employers ───────────────────────────────────────────────────────────────

export interface EmployerFields {
  name: string;
  sector: string;
  sizeBand: SizeBand;
  postcode: string | null;
  latitude: number | null;
  longitude: number | null;
  website: string | null;
  maxRequestsPerMonth: number | null;
}

/**
 * Parses an employer input. `create` needs name, sector and size band; `update` parses only the
 * keys given (a null clears an optional value). Latitude and longitude go together.
 */
export function parseEmployerInput(input: Record<string, unknown>, mode: 'create' | 'update'): Partial<EmployerFields> {
  const c = collect();
  const out: Partial<EmployerFields> = {};
  const wants = (key: string): boolean => mode === 'create' || given(input, key);
  const nullable = <T>(key: keyof EmployerFields, parse: (v: unknown, f: string) => T): void => {
    if (!wants(key)) return;
    const v = input[key];
    const value = isBlank(v) ? null : c.run(() => parse(v, `input.${key}`));
    if (value !== undefined) (out as Record<string, unknown>)[key] = value;
  };
  if (wants('name')) out.name = c.run(() => parseText(input['name'], 'input.name', 200, 'name'));
  if (wants('sector')) out.sector = c.run(() => parseEnum(input['sector'], SECTORS, 'input.sector'));
  if (wants('sizeBand')) out.sizeBand = c.run(() => parseEnum(input['sizeBand'], SIZE_BANDS, 'input.sizeBand'));
  nullable('postcode', parsePostcode);
  nullable('latitude', parseLatitude);
  nullable('longitude', parseLongitude);
  nullable('website', parseWebsite);
  nullable('maxRequestsPerMonth', (v, f) => parseIntegerInRange(v, f, 0, 1000));
  // Both or neither (a database rule too): the one given without the other is the problem named.
  if (c.ok && (given(out, 'latitude') || given(out, 'longitude')) && (out.latitude == null) !== (out.longitude == null)) {
    const [missing, other] = out.latitude == null ? ['latitude', 'longitude'] : ['longitude', 'latitude'];
    c.add(`input.${missing}`, 'INVALID_COORDINATES', `input.${missing} must be given with input.${other} (both or neither)`);
  }
  c.throwIfAny();
  return out;
}

// ── contacts ────────────────────────────────────────────────────────────────

export interface ContactFields {
  name: string;
  email: string;
  phone: string | null;
  jobTitle: string | null;
  dbsStatus: DbsStatus;
  dbsCheckedOn: CalendarDate | null;
}

/** A DBS status other than `none` needs the date it was checked, which cannot be in the future. */
export function parseContactInput(
  input: Record<string, unknown>,
  mode: 'create' | 'update',
  today: CalendarDate,
  current?: Pick<ContactFields, 'dbsStatus' | 'dbsCheckedOn'>,
): Partial<ContactFields> {
  const c = collect();
  const out: Partial<ContactFields> = {};
  const wants = (key: string): boolean => mode === 'create' || given(input, key);
  if (wants('name')) out.name = c.run(() => parseText(input['name'], 'input.name', 200, 'name'));
  if (wants('email')) out.email = c.run(() => parseEmail(input['email'], 'input.email'));
  if (wants('phone')) out.phone = isBlank(input['phone']) ? null : c.run(() => parseText(input['phone'], 'input.phone', 40));
  if (wants('jobTitle'))
    out.jobTitle = isBlank(input['jobTitle']) ? null : c.run(() => parseText(input['jobTitle'], 'input.jobTitle', 200, 'name'));
  if (wants('dbsStatus'))
    out.dbsStatus = isBlank(input['dbsStatus']) ? 'none' : c.run(() => parseEnum(input['dbsStatus'], DBS_STATUSES, 'input.dbsStatus'));
  if (wants('dbsCheckedOn')) {
    out.dbsCheckedOn = isBlank(input['dbsCheckedOn']) ? null : c.run(() => parseIsoDate(input['dbsCheckedOn'], 'input.dbsCheckedOn'));
    if (out.dbsCheckedOn && out.dbsCheckedOn > today)
      c.add('input.dbsCheckedOn', 'INVALID_DATE', `input.dbsCheckedOn cannot be in the future (got ${out.dbsCheckedOn})`);
  }
  const status = out.dbsStatus ?? current?.dbsStatus ?? 'none';
  const checkedOn = given(out, 'dbsCheckedOn') ? out.dbsCheckedOn : (current?.dbsCheckedOn ?? null);
  if (c.ok && status !== 'none' && !checkedOn)
    c.add('input.dbsCheckedOn', 'REQUIRED', `input.dbsCheckedOn is required when the DBS status is ${status}`);
  c.throwIfAny();
  return out;
}

// ── vetting ─────────────────────────────────────────────────────────────────

export interface VettingCheckFields {
  kind: VettingKind;
  checkedOn: CalendarDate;
  expiresOn: CalendarDate;
  outcome: VettingOutcome;
  documentRef: string | null;
  notes: string | null;
}

/** A check is recorded once it has happened (checkedOn ≤ today) and is valid until expiresOn ≥ checkedOn. */
export function parseVettingCheckInput(input: Record<string, unknown>, today: CalendarDate): VettingCheckFields {
  const c = collect();
  const kind = c.run(() => parseEnum(input['kind'], VETTING_KINDS, 'input.kind'));
  const checkedOn = c.run(() => parseIsoDate(input['checkedOn'], 'input.checkedOn'));
  const expiresOn = c.run(() => parseIsoDate(input['expiresOn'], 'input.expiresOn'));
  const outcome = c.run(() => parseEnum(input['outcome'], VETTING_OUTCOMES, 'input.outcome'));
  const documentRef = isBlank(input['documentRef']) ? null : c.run(() => parseText(input['documentRef'], 'input.documentRef', 500));
  const notes = isBlank(input['notes']) ? null : c.run(() => parseText(input['notes'], 'input.notes', 4000, 'multiline'));
  if (checkedOn && checkedOn > today)
    c.add('input.checkedOn', 'INVALID_DATE', `input.checkedOn cannot be in the future (got ${checkedOn})`);
  if (checkedOn && expiresOn && expiresOn < checkedOn) {
    c.add(
      'input.expiresOn',
      'INVALID_WINDOW',
      `input.expiresOn must be on or after input.checkedOn (got ${expiresOn} before ${checkedOn})`,
    );
  }
  c.throwIfAny();
  if (!kind || !checkedOn || !expiresOn || !outcome) throw new Error('vetting check parsed without its required values');
  return { kind, checkedOn, expiresOn, outcome, documentRef: documentRef ?? null, notes: notes ?? null };
}

export interface VettingCheckLike {
  kind: VettingKind;
  checkedOn: string;
  expiresOn: string;
  outcome: VettingOutcome;
  archivedAt: Date | null;
}

export interface VettingStatusOn {
  onDate: CalendarDate;
  /** Every kind of check passed and valid on the date. */
  vetted: boolean;
  /** Kinds with no passed check valid on the date. */
  missingKinds: VettingKind[];
  /** When vetted: the first day one of the checks lapses after (the earliest expiry). */
  validUntil: CalendarDate | null;
}

/** Vetted on a date = for every kind, a passed, unarchived check with checkedOn ≤ date ≤ expiresOn. */
export function vettingStatusOn(checks: readonly VettingCheckLike[], onDate: CalendarDate): VettingStatusOn {
  const latestExpiry = new Map<VettingKind, string>();
  for (const ch of checks) {
    if (ch.archivedAt || ch.outcome !== 'passed' || ch.checkedOn > onDate || ch.expiresOn < onDate) continue;
    const prev = latestExpiry.get(ch.kind);
    if (!prev || ch.expiresOn > prev) latestExpiry.set(ch.kind, ch.expiresOn);
  }
  const missingKinds = VETTING_KINDS.filter((k) => !latestExpiry.has(k));
  const vetted = missingKinds.length === 0;
  const validUntil = vetted ? [...latestExpiry.values()].sort()[0] : null;
  return { onDate, vetted, missingKinds, validUntil };
}
