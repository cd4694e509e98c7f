import { DomainError } from '@tandem/domain';
import { parseEncounterInput, parseIdList, type EncounterFields } from './encounter-rules';

const ctx = { lowestYearGroup: 7, highestYearGroup: 11, today: '2026-11-25' };
const valid = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  date: '2026-11-20',
  activityType: 'careers_talk',
  format: 'in_person_school',
  yearGroups: [10, 9, 10],
  ...over,
});
const problem = (fn: () => unknown): DomainError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
};

describe('encounter rules', () => {
  it('parses a delivered encounter with defaults', () => {
    const p = parseEncounterInput(valid({ checklist: ['reflection', 'purpose_shared'] }), 'create', ctx);
    expect(p.fields).toEqual({
      occurredOn: '2026-11-20',
      activityType: 'careers_talk',
      format: 'in_person_school',
      title: null,
      durationMinutes: null,
      status: 'delivered',
      headcountOnly: false,
      headcount: null,
      yearGroups: [9, 10],
    });
    expect(p.employers).toEqual([]);
    expect(p.checklist).toEqual(['purpose_shared', 'reflection']);
  });

  it('refuses a delivered encounter dated in the future, but plans one', () => {
    expect(problem(() => parseEncounterInput(valid({ date: '2026-11-26' }), 'create', ctx))).toMatchObject({
      code: 'INVALID_DATE',
      field: 'input.date',
    });
    expect(parseEncounterInput(valid({ date: '2026-11-26', status: 'planned' }), 'create', ctx).fields.status).toBe('planned');
  });

  it('judges an update on the encounter as it will be', () => {
    const current: EncounterFields = {
      occurredOn: '2027-01-10',
      activityType: 'careers_talk',
      format: 'virtual',
      title: null,
      yearGroups: [9],
      durationMinutes: null,
      status: 'planned',
      headcountOnly: false,
      headcount: null,
    };
    expect(problem(() => parseEncounterInput({ status: 'delivered' }, 'update', { ...ctx, current }))).toMatchObject({
      code: 'INVALID_DATE',
      field: 'input.date',
    });
    expect(parseEncounterInput({ status: 'delivered', date: '2026-11-25' }, 'update', { ...ctx, current }).fields).toEqual({
      status: 'delivered',
      occurredOn: '2026-11-25',
    });
  });

  it('keeps headcounts for headcount-only encounters, required once delivered', () => {
    expect(problem(() => parseEncounterInput(valid({ headcount: 30 }), 'create', ctx))).toMatchObject({
      code: 'INVALID_NUMBER',
      field: 'input.headcount',
    });
    expect(problem(() => parseEncounterInput(valid({ headcountOnly: true }), 'create', ctx))).toMatchObject({
      code: 'REQUIRED',
      field: 'input.headcount',
    });
    expect(parseEncounterInput(valid({ headcountOnly: true, headcount: 30 }), 'create', ctx).fields).toMatchObject({
      headcountOnly: true,
      headcount: 30,
    });
    expect(problem(() => parseEncounterInput(valid({ headcountOnly: true, headcount: 0 }), 'create', ctx))).toMatchObject({
      code: 'INVALID_NUMBER',
      field: 'input.headcount',
    });
  });

  it('takes attendance only for a delivered encounter with an attendance list', () => {
    const id = '6f1c1f7e-6b0a-4d7c-9d36-0e6d2d6f8a11';
    expect(problem(() => parseEncounterInput(valid({ headcountOnly: true, headcount: 3, pupilIds: [id] }), 'create', ctx))).toMatchObject({
      code: 'CONFLICT',
      field: 'input.pupilIds',
    });
    expect(problem(() => parseEncounterInput(valid({ status: 'planned', pupilIds: [id] }), 'create', ctx))).toMatchObject({
      code: 'CONFLICT',
      field: 'input.pupilIds',
    });
    expect(parseEncounterInput(valid({ pupilIds: [id, id.toUpperCase()] }), 'create', ctx).pupilIds).toEqual([id]);
  });

  it('names each bad field, all at once', () => {
    const e = problem(() =>
      parseEncounterInput(
        valid({
          date: '2026-02-30',
          activityType: 'juggling',
          yearGroups: [12],
          employers: [{ employerId: 'nope' }, { employerId: '6f1c1f7e-6b0a-4d7c-9d36-0e6d2d6f8a11', volunteers: -1 }],
        }),
        'create',
        ctx,
      ),
    );
    expect(e.code).toBe('VALIDATION_FAILED');
    expect(e.details?.map((d) => [d.field, d.code])).toEqual([
      ['input.date', 'INVALID_DATE'],
      ['input.activityType', 'INVALID_ENUM_VALUE'],
      ['input.yearGroups[0]', 'INVALID_YEAR_GROUP'],
      ['input.employers[0].employerId', 'NOT_FOUND'],
      ['input.employers[1].volunteers', 'INVALID_NUMBER'],
    ]);
  });

  it('reads id lists, naming the first that is not an id', () => {
    expect(problem(() => parseIdList(['x'], 'input.pupilIds', 'NOT_ON_ROLL', 'a pupil id'))).toMatchObject({
      code: 'NOT_ON_ROLL',
      field: 'input.pupilIds[0]',
    });
    expect(parseIdList([], 'input.pupilIds', 'NOT_ON_ROLL', 'a pupil id')).toEqual([]);
  });
});
