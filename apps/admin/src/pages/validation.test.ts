import { describe, expect, it } from 'vitest';
import { MIN_PASSWORD_LENGTH, validateAcceptance } from '../auth/InvitationAcceptPage';
import { yearGroupChartData } from './coverage/SchoolProgress';
import { validateVetting } from './employers/EmployerDetailPage';
import { vettingTone } from './employers/vetting';
import { missingCriteria } from './encounters/checklist';
import { validateEncounter } from './encounters/EncountersPage';
import { invitableRoles, validateInvite } from './hub/PeoplePage';
import { validateSchool } from './hub/SchoolsPage';
import { parseDayList, parseWeight } from './hub/SettingsPage';
import { EMPTY_OFFER, offerInput, validateOffer } from './offers/OfferForm';
import { describeRowError, importFinished } from './pupils/PupilImport';
import { fittingSessions, validateRequest } from './requests/RequestsPage';

describe('forms check what they can before calling the API', () => {
  it('school: 6-digit URN, name, postcode, cluster, year range', () => {
    expect(
      validateSchool({
        urn: '12345',
        name: ' ',
        postcode: '',
        phase: 'secondary',
        lowestYearGroup: '9',
        highestYearGroup: '7',
        clusterId: '',
      }),
    ).toEqual({
      urn: 'Enter the school’s 6-digit URN, like 100001',
      name: 'Enter the school’s name',
      postcode: 'Enter the school’s postcode',
      clusterId: 'Choose the cluster the school belongs to',
      highestYearGroup: 'The highest year group must not be below the lowest',
    });
    expect(
      validateSchool({
        urn: '100001',
        name: 'Ash',
        postcode: 'LS1 4AP',
        phase: 'secondary',
        lowestYearGroup: '7',
        highestYearGroup: '11',
        clusterId: 'c',
      }),
    ).toEqual({});
  });

  it('invitation: an email, and the scope the role needs', () => {
    expect(validateInvite({ email: 'x', role: 'COORDINATOR', clusterId: '', schoolId: '', employerId: '' })).toEqual({
      email: 'Enter an email address like name@school.org.uk',
      clusterId: 'Choose the cluster they will coordinate',
    });
    expect(validateInvite({ email: 'a@b.org', role: 'EMPLOYER_CONTACT', clusterId: '', schoolId: '', employerId: '' })).toEqual({
      employerId: 'Choose their employer',
    });
    expect(validateInvite({ email: 'a@b.org', role: 'HUB_ADMIN', clusterId: '', schoolId: '', employerId: '' })).toEqual({});
    expect(invitableRoles('COORDINATOR')).toEqual(['SCHOOL_STAFF', 'EMPLOYER_CONTACT']);
    expect(invitableRoles('SCHOOL_STAFF')).toEqual([]);
  });

  it('accepting an invitation: a long enough password, typed twice; an existing account just gives its password', () => {
    expect(validateAcceptance({ password: 'short', confirm: 'short' }, false)).toEqual({
      password: `Use at least ${MIN_PASSWORD_LENGTH} characters (a few words you will remember work well)`,
    });
    expect(validateAcceptance({ password: 'a long pass phrase', confirm: 'a long pass phrase!' }, false)).toEqual({
      confirm: 'The two passwords are not the same',
    });
    expect(validateAcceptance({ password: 'short', confirm: '' }, true)).toEqual({});
    expect(validateAcceptance({ password: '', confirm: '' }, true)).toEqual({ password: 'Enter your current Tandem password' });
  });

  it('request: pupils, formats, and future windows that end after they start', () => {
    const base = {
      schoolId: 's',
      activityType: 'mock_interviews',
      yearGroup: '11',
      pupilCount: '30',
      formats: ['virtual'],
      windows: [{ day: '2026-03-03', start: '13:30', end: '15:00' }],
      deadline: '',
      notes: '',
    };
    expect(validateRequest(base, '2026-02-01')).toEqual({});
    expect(
      validateRequest(
        { ...base, pupilCount: '0', formats: [], windows: [{ day: '2026-03-03', start: '15:00', end: '13:30' }] },
        '2026-02-01',
      ),
    ).toEqual({
      pupilCount: 'Enter how many pupils, at least 1',
      formats: 'Choose at least one format you would accept',
      windows: 'Each time needs a date, and an end after its start',
    });
    expect(
      validateRequest({ ...base, windows: [{ day: '2026-01-03', start: '13:00', end: '14:00' }], deadline: '2026-01-01' }, '2026-02-01'),
    ).toEqual({ windows: 'Times must be in the future', deadline: 'The deadline cannot be in the past' });
  });

  it('offer: sizes, year groups, a travel radius for school visits, sane windows', () => {
    const ok = { ...EMPTY_OFFER, employerId: 'e', title: 'Mock interviews', yearGroups: ['11', '10'] };
    expect(validateOffer(ok)).toEqual({});
    expect(offerInput(ok).yearGroups).toEqual([10, 11]);
    expect(
      validateOffer({
        ...ok,
        format: 'in_person_school',
        pupilsPerSession: '0',
        yearGroups: [],
        windows: [{ startsOn: '2026-03-10', endsOn: '2026-03-01', weekdays: [1], startTime: '09:00', endTime: '10:00' }],
      }),
    ).toEqual({
      pupilsPerSession: 'Enter how many pupils one session can take (at least 1)',
      yearGroups: 'Choose at least one year group',
      travelRadiusKm: 'For visits to schools, say how far you will travel (km)',
      availabilityWindows:
        'Each window needs a first and last date (last not before first), at least one weekday, and an end time after its start time',
    });
  });

  it('vetting: dates in order; tone by expiry', () => {
    expect(
      validateVetting({ kind: 'health_and_safety', outcome: 'passed', checkedOn: '2026-02-01', expiresOn: '2026-01-01', documentRef: '' }),
    ).toEqual({ expiresOn: 'The expiry date must be after the date it was checked' });
    expect(vettingTone({ vetted: true, validUntil: '2026-02-20' }, '2026-02-01')).toBe('expiring');
    expect(vettingTone({ vetted: true, validUntil: '2026-06-20' }, '2026-02-01')).toBe('ok');
    expect(vettingTone({ vetted: false }, '2026-02-01')).toBe('missing');
  });

  it('encounter: not in the future, with year groups; a headcount when only a headcount is known', () => {
    const base = {
      schoolId: 's',
      title: '',
      activityType: 'careers_talk',
      format: 'virtual',
      date: '2026-02-01',
      yearGroups: ['9'],
      durationMinutes: '60',
      employerId: '',
      headcountOnly: [],
      headcount: '',
      checklist: [],
    };
    expect(validateEncounter(base, '2026-02-01')).toEqual({});
    expect(validateEncounter({ ...base, date: '2026-02-02', yearGroups: [], headcountOnly: ['yes'] }, '2026-02-01')).toEqual({
      date: 'An encounter that has taken place cannot be in the future',
      yearGroups: 'Choose the year groups that took part',
      headcount: 'Enter how many pupils attended',
    });
  });

  it('reminder days: whole numbers separated by commas', () => {
    expect(parseDayList('7, 1')).toEqual([7, 1]);
    expect(parseDayList('')).toEqual([]);
    expect(parseDayList('7, soon')).toBeNull();
  });

  it('matching weights: a number from 0 to the weight’s maximum', () => {
    expect(parseWeight('0.5', 100)).toBe(0.5);
    expect(parseWeight(' 10 ', 10)).toBe(10);
    expect(parseWeight('.25', 1)).toBe(0.25);
    expect(parseWeight('0', 1)).toBe(0);
    expect(parseWeight('1.5', 1)).toBeNull();
    expect(parseWeight('-1', 100)).toBeNull();
    expect(parseWeight('', 100)).toBeNull();
    expect(parseWeight('1e2', 1000)).toBeNull();
    expect(parseWeight('ten', 100)).toBeNull();
  });
});

describe('small pieces of logic', () => {
  it('the meaningful checklist: BM5 needs four, BM6 all seven', () => {
    expect(missingCriteria(['purpose_shared', 'learning_outcomes', 'two_way_interaction', 'reflection'], 5)).toEqual([]);
    expect(missingCriteria(['purpose_shared', 'learning_outcomes', 'two_way_interaction', 'reflection'], 6)).toEqual([
      'range_of_people',
      'employer_task',
      'employer_feedback',
    ]);
  });
  it('the year-group chart data', () => {
    expect(
      yearGroupChartData([
        {
          yearGroup: 7,
          figures: [
            { benchmark: 5, met: 1, pupils: 3 },
            { benchmark: 6, met: 0, pupils: 0 },
          ],
        },
      ]),
    ).toEqual([{ year: 'Year 7', BM5: 33.3, BM6: 0 }]);
  });
  it('import rows and status', () => {
    expect(describeRowError({ line: 4, field: 'yearGroup', message: 'yearGroup must be 7–13 (got "14")' })).toBe(
      'Line 4 (yearGroup): yearGroup must be 7–13 (got "14")',
    );
    expect(describeRowError({ line: 1, field: 'file', message: 'no header' })).toBe('Line 1: no header');
    expect(importFinished('RUNNING')).toBe(false);
    expect(importFinished('FAILED')).toBe(true);
  });
  it('sessions that fit a request overlap one of its windows and are open', () => {
    const request = {
      id: 'r',
      activityType: 'cv_workshop',
      yearGroup: 10,
      pupilCount: 20,
      formats: ['virtual'],
      windows: [{ startsAt: '2026-03-03T13:00:00Z', endsAt: '2026-03-03T15:00:00Z' }],
    };
    const sessions = [
      { id: 'in', startsAt: '2026-03-03T14:00:00Z', endsAt: '2026-03-03T16:00:00Z', status: 'open', capacity: 30 },
      { id: 'after', startsAt: '2026-03-03T15:00:00Z', endsAt: '2026-03-03T16:00:00Z', status: 'open', capacity: 30 },
      { id: 'cancelled', startsAt: '2026-03-03T13:00:00Z', endsAt: '2026-03-03T14:00:00Z', status: 'cancelled', capacity: 30 },
    ];
    expect(fittingSessions(request, sessions).map((s) => s.id)).toEqual(['in']);
  });
});
