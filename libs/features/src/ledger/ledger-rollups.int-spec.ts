import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import {
  academicYearOf,
  addDays,
  BUILT_IN_POLICIES,
  countCoverage,
  entryYearFromDateOfBirth,
  entryYearFromYearGroup,
  ledgerRows,
  MEANINGFUL_CRITERIA,
  parseChecklist,
  priorityRank,
  type ActivityType,
  type BenchmarkPolicy,
  type CalendarDate,
  type CoverageCount,
  type EncounterStatus,
  type Format,
  type LedgerRow,
  type PupilHistory,
} from '@tandem/domain';
import { TenantContext } from '@tandem/persistence';
import { createTestDatabase, type TestDatabase } from '@tandem/test-support';
import type { EntityManager } from 'typeorm';
import { CoverageRepository } from './coverage.repository';

/**
 * The benchmark ledger's database path (triggers maintaining ledger_pupil_years and
 * ledger_school_counts, and the snapshot freeze) against the plain in-memory recount in @tandem/domain
 * (ledgerRows, countCoverage), over random histories and random corrections, on real PostgreSQL.
 */

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase({ poolSize: 8 });
});
afterAll(() => db?.drop());

const ACTIVITIES: ActivityType[] = ['careers_talk', 'mock_interviews', 'virtual_workplace_tour', 'workplace_visit', 'work_experience'];
const FORMAT_LIST: Format[] = ['in_person_workplace', 'in_person_school', 'virtual'];
const STATUSES: EncounterStatus[] = ['delivered', 'delivered', 'delivered', 'planned', 'cancelled'];
const DAY0 = '2021-09-01';
const day = (n: number): CalendarDate => addDays(DAY0, n);
const LAST_DAY = 2000; // ≈ 2027-02: dates either side of today

interface PupilSpec {
  entryYear: number;
  withDob: boolean;
  dobOffset: number;
  school: 0 | 1;
  from: number;
  length: number | null;
  flags: [boolean, boolean, boolean, number | null];
}
interface EncounterSpec {
  school: 0 | 1;
  date: number;
  activity: number;
  format: number;
  checklist: boolean[];
  status: number;
  headcountOnly: boolean;
}
type Correction =
  | { kind: 'removeAttendance'; pick: number }
  | { kind: 'addAttendance'; pick: number; pupil: number }
  | { kind: 'checklist'; pick: number; checklist: boolean[] }
  | { kind: 'status'; pick: number; status: number }
  | { kind: 'date'; pick: number; date: number }
  | { kind: 'leave'; pupil: number; on: number }
  | { kind: 'yearGroup'; pupil: number; yearGroup: number }
  | { kind: 'flags'; pupil: number; disadvantaged: boolean }
  | { kind: 'policy'; policy: number }
  | { kind: 'schoolYears'; highest: number };

const pupilSpec = fc.record<PupilSpec>({
  entryYear: fc.integer({ min: 2014, max: 2027 }),
  withDob: fc.boolean(),
  dobOffset: fc.integer({ min: 0, max: 364 }),
  school: fc.constantFrom(0 as const, 1 as const),
  from: fc.integer({ min: 0, max: LAST_DAY }),
  length: fc.option(fc.integer({ min: 0, max: 1500 }), { nil: null }),
  flags: fc.tuple(fc.boolean(), fc.boolean(), fc.boolean(), fc.option(fc.integer({ min: 0, max: 100 }), { nil: null })),
});
const anyEncounter = fc.record<EncounterSpec>({
  school: fc.constantFrom(0 as const, 1 as const),
  date: fc.integer({ min: 0, max: LAST_DAY }),
  activity: fc.nat({ max: ACTIVITIES.length - 1 }),
  format: fc.nat({ max: FORMAT_LIST.length - 1 }),
  checklist: fc.array(
    fc.integer({ min: 0, max: 99 }).map((n) => n < 85),
    { minLength: MEANINGFUL_CRITERIA.length, maxLength: MEANINGFUL_CRITERIA.length },
  ),
  status: fc.nat({ max: STATUSES.length - 1 }),
  headcountOnly: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
});
/** Encounters that count under both policies (a meaningful talk, an in-person workplace visit): most of them. */
const countingEncounter = fc.record<EncounterSpec>({
  school: fc.constantFrom(0 as const, 1 as const),
  date: fc.integer({ min: 0, max: LAST_DAY }),
  activity: fc.constantFrom(0, 3, 4),
  format: fc.constant(0),
  checklist: fc.constant(MEANINGFUL_CRITERIA.map(() => true)),
  status: fc.constant(0),
  headcountOnly: fc.constant(false),
});
const encounterSpec = fc.oneof({ arbitrary: countingEncounter, weight: 3 }, { arbitrary: anyEncounter, weight: 2 });
const correction: fc.Arbitrary<Correction> = fc.oneof(
  fc.record({ kind: fc.constant('removeAttendance' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('addAttendance' as const), pick: fc.nat(), pupil: fc.nat() }),
  fc.record({ kind: fc.constant('checklist' as const), pick: fc.nat(), checklist: fc.array(fc.boolean(), { minLength: 7, maxLength: 7 }) }),
  fc.record({ kind: fc.constant('status' as const), pick: fc.nat(), status: fc.nat({ max: STATUSES.length - 1 }) }),
  fc.record({ kind: fc.constant('date' as const), pick: fc.nat(), date: fc.integer({ min: 0, max: LAST_DAY }) }),
  fc.record({ kind: fc.constant('leave' as const), pupil: fc.nat(), on: fc.integer({ min: 0, max: LAST_DAY }) }),
  fc.record({ kind: fc.constant('yearGroup' as const), pupil: fc.nat(), yearGroup: fc.integer({ min: 7, max: 13 }) }),
  fc.record({ kind: fc.constant('flags' as const), pupil: fc.nat(), disadvantaged: fc.boolean() }),
  fc.record({ kind: fc.constant('policy' as const), policy: fc.nat({ max: BUILT_IN_POLICIES.length - 1 }) }),
  fc.record({ kind: fc.constant('schoolYears' as const), highest: fc.integer({ min: 9, max: 13 }) }),
);
const scenario = fc.record({
  policy: fc.nat({ max: BUILT_IN_POLICIES.length - 1 }),
  pupils: fc.array(pupilSpec, { minLength: 1, maxLength: 14 }),
  encounters: fc.array(encounterSpec, { minLength: 1, maxLength: 10 }),
  attendance: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 60 }),
  corrections: fc.array(correction, { maxLength: 12 }),
  asOf: fc.integer({ min: 0, max: LAST_DAY }),
});

const criteriaOf = (ticks: boolean[]): string[] => MEANINGFUL_CRITERIA.filter((_, i) => ticks[i]);
const yearGroupOfSpec = (p: PupilSpec, thisYear: number): number => Math.min(13, Math.max(7, thisYear - p.entryYear + 7));

/** Runs `fn` as the app role in the tenant (RLS on, triggers as in production), one transaction. */
function inTenant<T>(tenantId: string, fn: (em: EntityManager) => Promise<T>): Promise<T> {
  return TenantContext.run({ tenantId, actorUserId: null }, () => db.tenantDb.transaction(fn));
}

async function setPolicy(tenantId: string, key: string): Promise<void> {
  await inTenant(tenantId, (em) =>
    em.query(
      `insert into ledger_settings (tenant_id, policy_id) select $1, id from benchmark_policies where key = $2
       on conflict (tenant_id) do update set policy_id = excluded.policy_id`,
      [tenantId, key],
    ),
  );
}

/** Everything the recount needs, read back from the source tables. */
async function recount(tenantId: string, policy: BenchmarkPolicy, entryWithoutDob: ReadonlyMap<string, number>): Promise<LedgerRow[]> {
  return inTenant(tenantId, async (em) => {
    const schools: Array<{ id: string; lo: number; hi: number }> = await em.query(
      `select id, lowest_year_group as lo, highest_year_group as hi from schools`,
    );
    const pupils: Array<Record<string, unknown>> = await em.query(
      `select p.id, p.school_id, p.reference, to_char(p.date_of_birth, 'YYYY-MM-DD') as dob, p.year_group, to_char(p.on_roll_from, 'YYYY-MM-DD') as f,
              to_char(p.on_roll_to, 'YYYY-MM-DD') as t, p.disadvantaged, p.send, p.care_experienced, p.roni_score, lp.entry_year as recorded_entry
         from pupils p left join ledger_pupils lp on lp.pupil_id = p.id where p.archived_at is null and p.erased_at is null`,
    );
    const encounters: Array<Record<string, unknown>> = await em.query(
      `select e.id, e.school_id, to_char(e.occurred_on, 'YYYY-MM-DD') as d, e.activity_type, e.format, e.checklist, e.status, e.headcount_only, a.pupil_id
         from encounter_attendance a join encounters e on e.id = a.encounter_id`,
    );
    return pupils.flatMap((p) => {
      const school = schools.find((s) => s.id === p['school_id']);
      if (!school) throw new Error('pupil without school');
      const dob = p['dob'] as string | null;
      // Without a birth date the year group is read in the academic year it was recorded (the test
      // tracks which), and the database must have kept exactly that.
      const entryYear = dob ? entryYearFromDateOfBirth(dob) : (entryWithoutDob.get(p['id'] as string) as number);
      expect({ pupil: p['reference'], entryYear: Number(p['recorded_entry']) }).toEqual({ pupil: p['reference'], entryYear });
      const history: PupilHistory = {
        pupilId: p['id'] as string,
        reference: p['reference'] as string,
        entryYear,
        priorityRank: priorityRank({
          disadvantaged: p['disadvantaged'] as boolean,
          send: p['send'] as boolean,
          careExperienced: p['care_experienced'] as boolean,
          roniScore: p['roni_score'] as number | null,
        }),
        stints: [
          {
            schoolId: school.id,
            from: p['f'] as string,
            to: (p['t'] as string | null) ?? null,
            lowestYearGroup: school.lo,
            highestYearGroup: school.hi,
          },
        ],
        encounters: encounters
          .filter((e) => e['pupil_id'] === p['id'])
          .map((e) => ({
            id: e['id'] as string,
            schoolId: e['school_id'] as string,
            date: e['d'] as string,
            activityType: e['activity_type'] as ActivityType,
            format: e['format'] as Format,
            checklist: parseChecklist(e['checklist']),
            status: e['status'] as EncounterStatus,
            headcountOnly: e['headcount_only'] as boolean,
          })),
      };
      return ledgerRows(history, policy);
    });
  });
}

const rowKey = (r: { pupilId: string; academicYear: number; benchmark: number }): string => `${r.pupilId}|${r.academicYear}|${r.benchmark}`;
const countKey = (c: { schoolId: string; academicYear: number; yearGroup: number; benchmark: number }): string =>
  `${c.schoolId}|${c.academicYear}|${c.yearGroup}|${c.benchmark}`;
const sortBy = <T>(xs: T[], key: (x: T) => string): T[] => [...xs].sort((a, b) => (key(a) < key(b) ? -1 : 1));

async function dbRows(tenantId: string): Promise<LedgerRow[]> {
  return inTenant(tenantId, async (em) => {
    const rows: Array<Record<string, unknown>> = await em.query(
      `select pupil_id, school_id, academic_year, benchmark, year_group, window_index, minimum, array(select to_char(d, 'YYYY-MM-DD') from unnest(encounter_dates) d) as dates,
              to_char(met_on, 'YYYY-MM-DD') as met_on, met, to_char(on_roll_from, 'YYYY-MM-DD') as f, to_char(on_roll_to, 'YYYY-MM-DD') as t, priority_rank, reference
         from ledger_pupil_years`,
    );
    return rows.map((r) => ({
      pupilId: r['pupil_id'] as string,
      schoolId: r['school_id'] as string,
      academicYear: Number(r['academic_year']),
      benchmark: Number(r['benchmark']) as 5 | 6,
      yearGroup: Number(r['year_group']),
      windowIndex: Number(r['window_index']),
      minimum: Number(r['minimum']),
      encounterDates: r['dates'] as string[],
      metOn: (r['met_on'] as string | null) ?? null,
      met: r['met'] as boolean,
      onRollFrom: r['f'] as string,
      onRollTo: (r['t'] as string | null) ?? null,
      priorityRank: Number(r['priority_rank']),
      reference: r['reference'] as string,
    }));
  });
}

async function dbCounts(
  tenantId: string,
  table: 'ledger_school_counts' | 'coverage_snapshot_counts',
  snapshotId?: string,
): Promise<CoverageCount[]> {
  return inTenant(tenantId, async (em) => {
    const rows: Array<Record<string, number | string>> = await em.query(
      `select school_id, ${snapshotId ? '0 as academic_year' : 'academic_year'}, year_group, benchmark, pupils, met, priority_pupils, priority_met, disadvantaged_pupils, disadvantaged_met
         from ${table} ${snapshotId ? 'where snapshot_id = $1' : ''}`,
      snapshotId ? [snapshotId] : [],
    );
    return rows.map((r) => ({
      schoolId: r['school_id'] as string,
      academicYear: Number(r['academic_year']),
      yearGroup: Number(r['year_group']),
      benchmark: Number(r['benchmark']) as 5 | 6,
      pupils: Number(r['pupils']),
      met: Number(r['met']),
      priorityPupils: Number(r['priority_pupils']),
      priorityMet: Number(r['priority_met']),
      disadvantagedPupils: Number(r['disadvantaged_pupils']),
      disadvantagedMet: Number(r['disadvantaged_met']),
    }));
  });
}

async function expectLedgerMatchesRecount(
  tenantId: string,
  policy: BenchmarkPolicy,
  entryWithoutDob: ReadonlyMap<string, number> = new Map(),
): Promise<LedgerRow[]> {
  const expected = await recount(tenantId, policy, entryWithoutDob);
  expect(sortBy(await dbRows(tenantId), rowKey)).toEqual(sortBy(expected, rowKey));
  expect(sortBy(await dbCounts(tenantId, 'ledger_school_counts'), countKey)).toEqual(sortBy(countCoverage(expected), countKey));
  return expected;
}

async function newHub(): Promise<{ tenantId: string; schools: [string, string] }> {
  const tenant = await db.systemDb.createTenant({ name: 'Ledger property', slug: `ledger-${randomUUID().slice(0, 8)}` });
  const schools = await inTenant(tenant.id, async (em) => {
    const ids: string[] = [];
    for (const [urn, hi] of [
      ['100001', 13],
      ['100002', 11],
    ] as const) {
      const [row]: Array<{ id: string }> = await em.query(
        `insert into schools (tenant_id, urn, name, phase, lowest_year_group, highest_year_group) values ($1, $2, $3, 'secondary', 7, $4) returning id`,
        [tenant.id, urn, `School ${urn}`, hi],
      );
      ids.push(row.id);
    }
    return ids as [string, string];
  });
  return { tenantId: tenant.id, schools };
}

describe('benchmark ledger: database path = in-memory recount', () => {
  it('holds over random histories, corrections, policy changes and as-of snapshots (property)', async () => {
    const thisYear = academicYearOf(db.clock.today());
    // What the runs exercised, so the property cannot pass by comparing empty ledgers.
    const seen = { rows: 0, met: 0, metLaterInWindow: 0, bm6Met: 0, snapshotPupils: 0 };
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const { tenantId, schools } = await newHub();
        let policy = BUILT_IN_POLICIES[s.policy];
        await setPolicy(tenantId, policy.key);

        // Pupils (one statement, as an import writes them).
        const pupilIds = await inTenant(tenantId, async (em) => {
          const rows: Array<{ id: string }> = await em.query(
            `insert into pupils (tenant_id, school_id, reference, date_of_birth, year_group, disadvantaged, send, care_experienced, roni_score, on_roll_from, on_roll_to)
             select $1, x.school_id, x.reference, x.dob, x.year_group, x.d, x.s, x.c, x.r, x.f, x.t
               from unnest($2::uuid[], $3::text[], $4::date[], $5::smallint[], $6::boolean[], $7::boolean[], $8::boolean[], $9::smallint[], $10::date[], $11::date[])
                 as x(school_id, reference, dob, year_group, d, s, c, r, f, t)
             returning id`,
            [
              tenantId,
              s.pupils.map((p) => schools[p.school]),
              s.pupils.map((_, i) => `P${String(i).padStart(3, '0')}`),
              s.pupils.map((p) => (p.withDob ? addDays(`${p.entryYear - 12}-09-01`, p.dobOffset) : null)),
              s.pupils.map((p) => (p.withDob ? null : yearGroupOfSpec(p, thisYear))),
              s.pupils.map((p) => p.flags[0]),
              s.pupils.map((p) => p.flags[1]),
              s.pupils.map((p) => p.flags[2]),
              s.pupils.map((p) => p.flags[3]),
              s.pupils.map((p) => day(p.from)),
              s.pupils.map((p) => (p.length === null ? null : day(p.from + p.length))),
            ],
          );
          return rows.map((r) => r.id);
        });
        const yearGroupOf = (p: PupilSpec): number => yearGroupOfSpec(p, thisYear);
        const currentYearGroup = new Map<string, number>();
        const entryWithoutDob = new Map<string, number>();
        s.pupils.forEach((p, i) => {
          if (p.withDob) return;
          currentYearGroup.set(pupilIds[i], yearGroupOf(p));
          entryWithoutDob.set(pupilIds[i], entryYearFromYearGroup(yearGroupOf(p), thisYear));
        });

        // Encounters, then attendance (pupils of the encounter's school only, as the service allows).
        const encounters = await inTenant(tenantId, async (em) => {
          const out: Array<{ id: string; school: string }> = [];
          for (const e of s.encounters) {
            const headcountOnly = e.headcountOnly && STATUSES[e.status] === 'delivered';
            const [row]: Array<{ id: string }> = await em.query(
              `insert into encounters (tenant_id, school_id, occurred_on, activity_type, format, year_groups, status, checklist, headcount_only, headcount)
               values ($1, $2, $3, $4, $5, '{7}', $6, $7, $8, $9) returning id`,
              [
                tenantId,
                schools[e.school],
                day(e.date),
                ACTIVITIES[e.activity],
                FORMAT_LIST[e.format],
                STATUSES[e.status],
                criteriaOf(e.checklist),
                headcountOnly,
                headcountOnly ? 10 : null,
              ],
            );
            out.push({ id: row.id, school: schools[e.school] });
          }
          return out;
        });
        const attended = new Map<string, { encounter: string; pupil: string; school: string }>();
        for (const [ei, pi] of s.attendance) {
          const e = encounters[ei % encounters.length];
          const pupilIndex = pi % pupilIds.length;
          if (schools[s.pupils[pupilIndex].school] !== e.school) continue;
          attended.set(`${e.id}|${pupilIds[pupilIndex]}`, { encounter: e.id, pupil: pupilIds[pupilIndex], school: e.school });
        }
        const all = [...attended.values()];
        // Half in one statement, the rest one by one: both paths through the triggers.
        const half = Math.ceil(all.length / 2);
        await inTenant(tenantId, (em) =>
          em.query(
            `insert into encounter_attendance (tenant_id, school_id, encounter_id, pupil_id) select $1, unnest($2::uuid[]), unnest($3::uuid[]), unnest($4::uuid[])`,
            [
              tenantId,
              all.slice(0, half).map((a) => a.school),
              all.slice(0, half).map((a) => a.encounter),
              all.slice(0, half).map((a) => a.pupil),
            ],
          ),
        );
        for (const a of all.slice(half)) {
          await inTenant(tenantId, (em) =>
            em.query(`insert into encounter_attendance (tenant_id, school_id, encounter_id, pupil_id) values ($1, $2, $3, $4)`, [
              tenantId,
              a.school,
              a.encounter,
              a.pupil,
            ]),
          );
        }
        const first = await expectLedgerMatchesRecount(tenantId, policy, entryWithoutDob);
        seen.rows += first.length;
        seen.met += first.filter((r) => r.met).length;
        seen.metLaterInWindow += first.filter((r) => !r.met && r.metOn !== null).length;
        seen.bm6Met += first.filter((r) => r.benchmark === 6 && r.met).length;

        // Corrections, each in its own transaction, the ledger checked after each.
        for (const c of s.corrections) {
          await inTenant(tenantId, async (em) => {
            const e = encounters[('pick' in c ? c.pick : 0) % encounters.length];
            switch (c.kind) {
              case 'removeAttendance': {
                const rows: Array<{ pupil_id: string }> = await em.query(
                  `select pupil_id from encounter_attendance where encounter_id = $1 order by pupil_id`,
                  [e.id],
                );
                if (rows.length)
                  await em.query(`delete from encounter_attendance where encounter_id = $1 and pupil_id = $2`, [
                    e.id,
                    rows[c.pick % rows.length].pupil_id,
                  ]);
                break;
              }
              case 'addAttendance': {
                const pupilIndex = c.pupil % pupilIds.length;
                if (schools[s.pupils[pupilIndex].school] === e.school) {
                  await em.query(
                    `insert into encounter_attendance (tenant_id, school_id, encounter_id, pupil_id) values ($1, $2, $3, $4) on conflict do nothing`,
                    [tenantId, e.school, e.id, pupilIds[pupilIndex]],
                  );
                }
                break;
              }
              case 'checklist':
                await em.query(`update encounters set checklist = $2 where id = $1`, [e.id, criteriaOf(c.checklist)]);
                break;
              case 'status':
                await em.query(`update encounters set status = $2 where id = $1 and not (headcount_only and headcount is null)`, [
                  e.id,
                  STATUSES[c.status],
                ]);
                break;
              case 'date':
                await em.query(`update encounters set occurred_on = $2 where id = $1`, [e.id, day(c.date)]);
                break;
              case 'leave':
                await em.query(`update pupils set on_roll_to = greatest(on_roll_from, $2::date) where id = $1`, [
                  pupilIds[c.pupil % pupilIds.length],
                  day(c.on),
                ]);
                break;
              case 'yearGroup': {
                const id = pupilIds[c.pupil % pupilIds.length];
                await em.query(`update pupils set year_group = $2 where id = $1`, [id, c.yearGroup]);
                // A changed year group (no birth date) is read in this academic year; an unchanged one stays.
                if (entryWithoutDob.has(id) && currentYearGroup.get(id) !== c.yearGroup)
                  entryWithoutDob.set(id, entryYearFromYearGroup(c.yearGroup, thisYear));
                if (entryWithoutDob.has(id)) currentYearGroup.set(id, c.yearGroup);
                break;
              }
              case 'flags':
                await em.query(`update pupils set disadvantaged = $2 where id = $1`, [
                  pupilIds[c.pupil % pupilIds.length],
                  c.disadvantaged,
                ]);
                break;
              case 'policy':
                break;
              case 'schoolYears':
                await em.query(`update schools set highest_year_group = $2 where id = $1`, [schools[1], c.highest]);
                break;
            }
          });
          if (c.kind === 'policy') {
            policy = BUILT_IN_POLICIES[c.policy];
            await setPolicy(tenantId, policy.key);
          }
          await expectLedgerMatchesRecount(tenantId, policy, entryWithoutDob);
        }

        // A snapshot as of a day freezes what the in-memory ledger says as of that day.
        const expected = await recount(tenantId, policy, entryWithoutDob);
        const today = db.clock.today();
        const asOf = day(s.asOf) < today ? day(s.asOf) : today;
        const academicYear = academicYearOf(asOf);
        const snapshotId = await inTenant(tenantId, async (em) => {
          const [snap]: Array<{ id: string }> = await em.query(
            `insert into coverage_snapshots (tenant_id, academic_year, as_of, kind, policy_id) values ($1, $2, $3, 'on_demand', ledger_policy_id($1)) returning id`,
            [tenantId, academicYear, asOf],
          );
          await new CoverageRepository(db.tenantDb).freeze(em, snap.id, academicYear, asOf, null);
          return snap.id;
        });
        const frozen = countCoverage(
          expected.filter((r) => r.academicYear === academicYear),
          asOf,
        ).map((c) => ({ ...c, academicYear: 0 }));
        expect(sortBy(await dbCounts(tenantId, 'coverage_snapshot_counts', snapshotId), countKey)).toEqual(sortBy(frozen, countKey));
        seen.snapshotPupils += frozen.reduce((n, c) => n + c.pupils, 0);
      }),
      {
        numRuns: 30,
        // fast-check picks a seed and prints it on failure; LEDGER_SEED replays one.
        ...(process.env['LEDGER_SEED'] ? { seed: Number(process.env['LEDGER_SEED']) } : {}),
        verbose: 1,
        // Always run one history where a Year 10 workplace visit meets the Years 7–11 window after the
        // earlier years' rows closed unmet, and the pupil then leaves.
        examples: [
          [
            {
              policy: 0,
              pupils: [
                { entryYear: 2020, withDob: true, dobOffset: 40, school: 0, from: 0, length: null, flags: [true, false, false, 60] },
              ],
              encounters: [
                {
                  school: 0,
                  date: 900,
                  activity: 3,
                  format: 0,
                  checklist: MEANINGFUL_CRITERIA.map(() => true),
                  status: 0,
                  headcountOnly: false,
                },
              ],
              attendance: [[0, 0]],
              corrections: [{ kind: 'leave', pupil: 0, on: 1200 }],
              asOf: 950,
            },
          ],
        ],
      },
    );
    for (const [what, n] of Object.entries(seen)) expect({ what, exercised: n > 0 }).toEqual({ what, exercised: true });
  }, 240_000);

  it('stays right when attendance for the same pupils is recorded concurrently', async () => {
    const { tenantId, schools } = await newHub();
    const policy = BUILT_IN_POLICIES.find((p) => p.key === 'gatsby-2024') as BenchmarkPolicy;
    await setPolicy(tenantId, policy.key);
    const pupils = await inTenant(tenantId, async (em) => {
      const rows: Array<{ id: string }> = await em.query(
        `insert into pupils (tenant_id, school_id, reference, date_of_birth, on_roll_from)
         select $1, $2, 'C' || g, date '2011-10-01', date '2023-09-01' from generate_series(1, 20) g returning id`,
        [tenantId, schools[0]],
      );
      return rows.map((r) => r.id);
    });
    const encounters = await inTenant(tenantId, async (em) => {
      const rows: Array<{ id: string }> = await em.query(
        `insert into encounters (tenant_id, school_id, occurred_on, activity_type, format, year_groups, checklist)
         select $1, $2, date '2024-10-01' + g, 'workplace_visit', 'in_person_workplace', '{8}', $3 from generate_series(1, 8) g returning id`,
        [tenantId, schools[0], [...MEANINGFUL_CRITERIA]],
      );
      return rows.map((r) => r.id);
    });
    // Eight transactions at once, each adding every pupil to its own encounter: every pupil's ledger
    // rows are recomputed by all eight, so a lost update would leave a wrong count behind.
    await Promise.all(
      encounters.map((encounterId) =>
        inTenant(tenantId, async (em) => {
          await em.query(
            `insert into encounter_attendance (tenant_id, school_id, encounter_id, pupil_id) select $1, $2, $3, unnest($4::uuid[])`,
            [tenantId, schools[0], encounterId, pupils],
          );
          await em.query('select pg_sleep(0.02)');
        }),
      ),
    );
    const expected = await expectLedgerMatchesRecount(tenantId, policy);
    expect(expected.filter((r) => r.academicYear === 2024 && r.benchmark === 6).every((r) => r.encounterDates.length === 8 && r.met)).toBe(
      true,
    );
  });
});
