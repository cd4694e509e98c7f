import {
  ACTIVITY_TYPES,
  collect,
  DomainError,
  ENCOUNTER_STATUSES,
  FORMATS,
  isBlank,
  parseChecklist,
  parseEnum,
  parseIntegerInRange,
  parseIsoDate,
  parseText,
  showValue,
  type ActivityType,
  type CalendarDate,
  type EncounterStatus,
  type Format,
  type MeaningfulCriterion,
} from '@tandem/domain';
import { isUuid } from '@tandem/persistence';

/**
 * Pure rules for logging and correcting encounters: input parsing (every problem at once, fields
 * named `input.<name>`) and the rules across fields, judged on the encounter as it would be after the
 * change. No I/O: whether employers and pupils exist is the service's question.
 */

export interface EncounterFields {
  occurredOn: CalendarDate;
  activityType: ActivityType;
  format: Format;
  title: string | null;
  yearGroups: number[];
  durationMinutes: number | null;
  status: EncounterStatus;
  headcountOnly: boolean;
  headcount: number | null;
}

export interface EmployerLine {
  employerId: string;
  volunteers: number;
}

export interface ParsedEncounter {
  /** Only the fields given (create: all). */
  fields: Partial<EncounterFields>;
  employers?: EmployerLine[];
  checklist?: MeaningfulCriterion[];
  pupilIds?: string[];
}

export interface EncounterRuleContext {
  lowestYearGroup: number;
  highestYearGroup: number;
  /** Today in England: a delivered encounter cannot be later. */
  today: CalendarDate;
  /** The encounter before an update. */
  current?: EncounterFields;
}

const given = (input: Record<string, unknown>, key: string): boolean =>
  Object.prototype.hasOwnProperty.call(input, key) && input[key] !== undefined;

export const ATTENDANCE_MODES = ['replace', 'add', 'remove'] as const;
export type AttendanceMode = (typeof ATTENDANCE_MODES)[number];
export const CSV_ERROR_MODES = ['all_or_nothing', 'valid_rows_only'] as const;

/** A list of ids (may be empty), duplicates removed; a value that is not an id is named. */
export function parseIdList(value: unknown, field: string, code: 'NOT_FOUND' | 'NOT_ON_ROLL', what: string): string[] {
  if (!Array.isArray(value)) throw DomainError.invalid(field, 'REQUIRED', `${field} must be a list`);
  const out: string[] = [];
  value.forEach((v, i) => {
    if (!isUuid(v)) throw DomainError.invalid(`${field}[${i}]`, code, `${field}[${i}] is not ${what} (got ${showValue(v)})`);
    const id = v.toLowerCase();
    if (!out.includes(id)) out.push(id);
  });
  return out;
}

export function parseEncounterInput(input: Record<string, unknown>, mode: 'create' | 'update', ctx: EncounterRuleContext): ParsedEncounter {
  const c = collect();
  const wants = (key: string): boolean => mode === 'create' || given(input, key);
  const f: Partial<EncounterFields> = {};
  const out: ParsedEncounter = { fields: f };

  if (wants('date')) f.occurredOn = c.run(() => parseIsoDate(input['date'], 'input.date'));
  if (wants('activityType')) f.activityType = c.run(() => parseEnum(input['activityType'], ACTIVITY_TYPES, 'input.activityType'));
  if (wants('format')) f.format = c.run(() => parseEnum(input['format'], FORMATS, 'input.format'));
  if (wants('title')) f.title = isBlank(input['title']) ? null : c.run(() => parseText(input['title'], 'input.title', 200, 'name'));
  if (wants('durationMinutes'))
    f.durationMinutes = isBlank(input['durationMinutes'])
      ? null
      : c.run(() => parseIntegerInRange(input['durationMinutes'], 'input.durationMinutes', 1, 43_200));
  if (wants('status'))
    f.status = isBlank(input['status']) ? 'delivered' : c.run(() => parseEnum(input['status'], ENCOUNTER_STATUSES, 'input.status'));
  if (wants('headcountOnly')) f.headcountOnly = input['headcountOnly'] === true;
  if (wants('headcount'))
    f.headcount = isBlank(input['headcount']) ? null : c.run(() => parseIntegerInRange(input['headcount'], 'input.headcount', 1, 100_000));
  if (wants('yearGroups')) {
    f.yearGroups = c.run(() => {
      const v = input['yearGroups'];
      if (!Array.isArray(v) || v.length === 0)
        throw DomainError.invalid('input.yearGroups', 'REQUIRED', 'input.yearGroups must list at least one year group');
      const years = new Set<number>();
      v.forEach((y, i) => {
        if (typeof y !== 'number' || !Number.isInteger(y) || y < ctx.lowestYearGroup || y > ctx.highestYearGroup) {
          throw DomainError.invalid(
            `input.yearGroups[${i}]`,
            'INVALID_YEAR_GROUP',
            `input.yearGroups[${i}] must be a year group the school teaches, ${ctx.lowestYearGroup} to ${ctx.highestYearGroup} (got ${showValue(y)})`,
          );
        }
        years.add(y);
      });
      return [...years].sort((a, b) => a - b);
    });
  }
  if (given(input, 'employers') && input['employers'] !== null) {
    out.employers = c.run(() => parseEmployerLines(input['employers']));
  } else if (mode === 'create') out.employers = [];
  if (given(input, 'checklist') && input['checklist'] !== null)
    out.checklist = c.run(() => parseChecklist(input['checklist'], 'input.checklist'));
  if (given(input, 'pupilIds') && input['pupilIds'] !== null)
    out.pupilIds = c.run(() => parseIdList(input['pupilIds'], 'input.pupilIds', 'NOT_ON_ROLL', 'a pupil id'));
  c.throwIfAny();

  // Rules across fields, on the encounter as it will be.
  const next = { ...ctx.current, ...f } as EncounterFields;
  if (next.status === 'delivered' && next.occurredOn > ctx.today) {
    c.add(
      'input.date',
      'INVALID_DATE',
      `input.date ${next.occurredOn} is in the future: an encounter can be delivered on or before today (${ctx.today}); log it as planned`,
    );
  }
  if (next.headcount !== null && next.headcount !== undefined && !next.headcountOnly) {
    c.add('input.headcount', 'INVALID_NUMBER', 'input.headcount is only for headcount-only encounters: record who attended instead');
  }
  if (next.headcountOnly && next.status === 'delivered' && (next.headcount === null || next.headcount === undefined)) {
    c.add('input.headcount', 'REQUIRED', 'input.headcount is required for a delivered headcount-only encounter');
  }
  if (out.pupilIds && out.pupilIds.length > 0) {
    if (next.headcountOnly)
      c.add(
        'input.pupilIds',
        'CONFLICT',
        'input.pupilIds cannot be given for a headcount-only encounter: it has a headcount, not an attendance list',
      );
    else if (next.status !== 'delivered')
      c.add('input.pupilIds', 'CONFLICT', `input.pupilIds can be recorded once the encounter is delivered (it is ${next.status})`);
  }
  c.throwIfAny();
  return out;
}

function parseEmployerLines(value: unknown): EmployerLine[] {
  if (!Array.isArray(value)) throw DomainError.invalid('input.employers', 'REQUIRED', 'input.employers must be a list');
  const c = collect();
  const lines: EmployerLine[] = [];
  value.forEach((v, i) => {
    const field = `input.employers[${i}]`;
    const item = (typeof v === 'object' && v !== null ? v : {}) as Record<string, unknown>;
    const employerId = item['employerId'];
    if (!isUuid(employerId)) {
      c.add(`${field}.employerId`, 'NOT_FOUND', 'Employer not found');
      return;
    }
    const volunteers = isBlank(item['volunteers'])
      ? 1
      : c.run(() => parseIntegerInRange(item['volunteers'], `${field}.volunteers`, 0, 1000));
    if (volunteers === undefined) return;
    const id = employerId.toLowerCase();
    if (lines.some((l) => l.employerId === id)) c.add(`${field}.employerId`, 'ALREADY_EXISTS', `${field}.employerId is listed twice`);
    else lines.push({ employerId: id, volunteers });
  });
  c.throwIfAny();
  return lines;
}
