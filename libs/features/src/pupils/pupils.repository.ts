import { Injectable } from '@nestjs/common';
import { AT_RISK_RONI_SCORE, type CalendarDate, type PupilImportField, type ValidPupilRow } from '@tandem/domain';
import { isUuid, Pupil, TenantDb, TenantRepository } from '@tandem/persistence';
import type { SelectQueryBuilder } from 'typeorm';

export interface PupilListFilter {
  yearGroup?: number;
  disadvantaged?: boolean;
  send?: boolean;
  careExperienced?: boolean;
  atRisk?: boolean;
  /** The start of the reference, any case. */
  search?: string;
  includeLeavers: boolean;
  today: CalendarDate;
}

/** Keyset position in reference order. */
export interface ReferencePosition {
  reference: string;
  id: string;
}

export interface YearGroupCountRow {
  schoolId: string;
  yearGroup: number;
  pupils: number;
  disadvantaged: number;
  send: number;
  careExperienced: number;
  atRisk: number;
}

export interface AccessLogRow {
  action: string;
  at: Date;
}

export interface UpsertCounts {
  inserted: number;
  updated: number;
}

/** Pupils on roll on a day: not erased or archived, and not left before the day. */
const onRoll = (pupil: string, day: string): string =>
  `${pupil}.erased_at is null and ${pupil}.archived_at is null and (${pupil}.on_roll_to is null or ${pupil}.on_roll_to >= cast(${day} as date))`;

/**
 * A pupil's year group on a day, from the ledger's entry year (the academic year the pupil was or
 * will be in Year 7: from the date of birth, or from the year group given and the year it was given
 * in). The `year_group` column holds the year group as recorded, which is last year's from 1 September.
 */
const yearGroupOn = (day: string, ledgerPupil = 'lp'): string =>
  `(ledger_academic_year(cast(${day} as date)) - ${ledgerPupil}.entry_year + 7)`;

@Injectable()
export class PupilRepository extends TenantRepository<Pupil> {
  constructor(db: TenantDb) {
    super(db, Pupil, 'pupil');
  }

  /**
   * A page of a school's pupils in reference order (`limit + 1` rows: the extra one says there is a
   * next page) and how many match. Erased and archived pupils never appear in lists.
   */
  async list(
    schoolId: string,
    filter: PupilListFilter,
    limit: number,
    after: ReferencePosition | null,
  ): Promise<{ rows: Pupil[]; total: number }> {
    const narrow = (qb: SelectQueryBuilder<Pupil>): SelectQueryBuilder<Pupil> => {
      qb.where('pupil.school_id = :schoolId', { schoolId }).andWhere('pupil.erased_at is null and pupil.archived_at is null');
      if (!filter.includeLeavers)
        qb.andWhere('(pupil.on_roll_to is null or pupil.on_roll_to >= cast(:today as date))', { today: filter.today });
      if (filter.yearGroup !== undefined) {
        qb.andWhere(
          `exists (select 1 from ledger_pupils lp where lp.tenant_id = pupil.tenant_id and lp.pupil_id = pupil.id and ${yearGroupOn(':today')} = :yearGroup)`,
          {
            yearGroup: filter.yearGroup,
            today: filter.today,
          },
        );
      }
      for (const [key, column] of [
        ['disadvantaged', 'disadvantaged'],
        ['send', 'send'],
        ['careExperienced', 'care_experienced'],
      ] as const) {
        if (filter[key] !== undefined) qb.andWhere(`pupil.${column} = :${key}`, { [key]: filter[key] });
      }
      if (filter.atRisk === true) qb.andWhere('pupil.roni_score >= :threshold', { threshold: AT_RISK_RONI_SCORE });
      if (filter.atRisk === false)
        qb.andWhere('(pupil.roni_score is null or pupil.roni_score < :threshold)', { threshold: AT_RISK_RONI_SCORE });
      if (filter.search) {
        const prefix = `${filter.search.toLowerCase().replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
        qb.andWhere('lower(pupil.reference) like :prefix', { prefix });
      }
      return qb;
    };
    return this.query(async (base, em) => {
      const qb = narrow(base);
      if (after)
        qb.andWhere('(pupil.reference, pupil.id) > (:afterReference, cast(:afterId as uuid))', {
          afterReference: after.reference,
          afterId: after.id,
        });
      const rows = await qb.orderBy('pupil.reference', 'ASC').addOrderBy('pupil.id', 'ASC').limit(limit).getMany();
      const total = await narrow(em.createQueryBuilder(Pupil, 'pupil')).getCount();
      return { rows, total };
    });
  }

  /** Any pupil of the school with this reference (archived too: the reference stays taken). */
  findByReference(schoolId: string, reference: string): Promise<Pupil | null> {
    return this.query((qb) => qb.where('pupil.school_id = :schoolId and pupil.reference = :reference', { schoolId, reference }).getOne());
  }

  /** Pupils on roll per school and year group on `today` (7–13), with flag counts, in one aggregate query. */
  countsBySchool(schoolIds: readonly string[], today: CalendarDate): Promise<YearGroupCountRow[]> {
    const ids = [...new Set(schoolIds.filter(isUuid))];
    if (!ids.length) return Promise.resolve([]);
    return this.tx(async (em) => {
      const rows: Array<Record<string, unknown>> = await em.query(
        `select p.school_id, ${yearGroupOn('$2')} as year_group, count(*)::int as pupils,
                count(*) filter (where p.disadvantaged)::int as disadvantaged,
                count(*) filter (where p.send)::int as send,
                count(*) filter (where p.care_experienced)::int as care_experienced,
                count(*) filter (where p.roni_score >= $3)::int as at_risk
           from pupils p join ledger_pupils lp on lp.tenant_id = p.tenant_id and lp.pupil_id = p.id
          where p.school_id = any($1::uuid[])
            and ${onRoll('p', '$2')}
            and ${yearGroupOn('$2')} between 7 and 13
          group by 1, 2
          order by 1, 2`,
        [ids, today, AT_RISK_RONI_SCORE],
      );
      return rows.map((r) => ({
        schoolId: r['school_id'] as string,
        yearGroup: r['year_group'] as number,
        pupils: r['pupils'] as number,
        disadvantaged: r['disadvantaged'] as number,
        send: r['send'] as number,
        careExperienced: r['care_experienced'] as number,
        atRisk: r['at_risk'] as number,
      }));
    });
  }

  /** Each pupil's year group on `today`, for the pupils the ledger follows (not archived or erased). */
  yearGroupsOn(pupilIds: readonly string[], today: CalendarDate): Promise<Array<{ pupilId: string; yearGroup: number }>> {
    const ids = [...new Set(pupilIds.filter(isUuid))];
    if (!ids.length) return Promise.resolve([]);
    return this.tx(async (em) => {
      const rows: Array<{ pupil_id: string; year_group: number }> = await em.query(
        `select lp.pupil_id, ${yearGroupOn('$2')} as year_group from ledger_pupils lp where lp.pupil_id = any($1::uuid[])`,
        [ids, today],
      );
      return rows.map((r) => ({ pupilId: r.pupil_id, yearGroup: r.year_group }));
    });
  }

  /** Audit entries about one pupil, oldest first (for a subject-access export). */
  accessLog(pupilId: string): Promise<AccessLogRow[]> {
    return this.tx(async (em) => {
      const rows: Array<{ action: string; at: Date }> = await em.query(
        `select action, created_at as at from audit_log where entity_type = 'pupil' and entity_id = $1 order by created_at, id`,
        [pupilId],
      );
      return rows;
    });
  }

  /**
   * Import messages of this school's jobs that quote an erased pupil's reference are replaced: the
   * reference must not outlive the erasure in an old error list.
   */
  /**
   * Derived rows that encode what erasure cleared: a reporting snapshot's priority rank is made of
   * the disadvantaged, SEND and care-experienced flags. The snapshot's counts stay as they were
   * reported. Snapshots are frozen for the app role; erase_pupil_snapshot_priority (migration
   * 1760000014200) is the one way in, for an erased pupil of this hub only. (The ledger's own rows
   * follow the pupil row by trigger.) Call after the pupil row is erased.
   */
  anonymiseDerived(pupilId: string): Promise<void> {
    return this.tx(async (em) => {
      await em.query('select erase_pupil_snapshot_priority($1)', [pupilId]);
    });
  }

  /**
   * Everything else Tandem keeps that links to a pupil, for the subject-access export: the
   * encounters they attended, their benchmark progress (the ledger), their lines in reporting
   * snapshots, and the problems of import rows that carried their reference.
   */
  related(pupilId: string, reference: string, schoolId: string): Promise<PupilRelatedData> {
    return this.tx(async (em) => {
      const encounters: PupilRelatedData['encounters'] = await em.query(
        `select e.id as "encounterId", e.occurred_on::text as "occurredOn", e.title, e.activity_type as "activityType", e.format,
                e.counts_bm5 as "countsForBenchmark5", e.counts_bm6 as "countsForBenchmark6", a.created_at as "recordedAt"
           from encounter_attendance a join encounters e on e.id = a.encounter_id
          where a.pupil_id = $1 order by e.occurred_on, e.id`,
        [pupilId],
      );
      const benchmarkProgress: PupilRelatedData['benchmarkProgress'] = await em.query(
        `select academic_year as "academicYear", benchmark, year_group as "yearGroup", window_index as "window", minimum, met, met_on::text as "metOn",
                encounter_dates::text[] as "encounterDates", priority_rank as "priorityRank"
           from ledger_pupil_years where pupil_id = $1 order by academic_year, benchmark, window_index`,
        [pupilId],
      );
      const reportingSnapshots: PupilRelatedData['reportingSnapshots'] = await em.query(
        `select s.id as "snapshotId", s.as_of::text as "asOf", s.kind, s.academic_year as "academicYear", p.benchmark, p.year_group as "yearGroup",
                p.encounters, p.met, p.priority_rank as "priorityRank"
           from coverage_snapshot_pupils p join coverage_snapshots s on s.id = p.snapshot_id
          where p.pupil_id = $1 order by s.as_of, s.id, p.benchmark`,
        [pupilId],
      );
      const quoted = `%${JSON.stringify(reference).replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
      const importProblems: PupilRelatedData['importProblems'] = await em.query(
        `select j.id as "importJobId", j.created_at as "importedAt", (e->>'line')::int as line, e->>'field' as field, e->>'code' as code, e->>'message' as message
           from import_jobs j, jsonb_array_elements(j.errors) e
          where j.school_id = $1 and (e->>'reference' = $2 or e->>'message' like $3)
          order by j.created_at, (e->>'line')::int`,
        [schoolId, reference, quoted],
      );
      return { encounters, benchmarkProgress, reportingSnapshots, importProblems };
    });
  }

  redactImportErrors(schoolId: string, reference: string): Promise<void> {
    const quoted = `%${JSON.stringify(reference).replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    return this.tx(async (em) => {
      await em.query(
        `update import_jobs j
            set errors = (select coalesce(jsonb_agg(case when e->>'message' like $2 or e->>'reference' = $4
                                                         then jsonb_set(e - 'reference', '{message}', to_jsonb($3::text))
                                                         else e end order by ord), '[]'::jsonb)
                            from jsonb_array_elements(j.errors) with ordinality as x(e, ord))
          where j.school_id = $1 and exists (select 1 from jsonb_array_elements(j.errors) e where e->>'message' like $2 or e->>'reference' = $4)`,
        [schoolId, quoted, "(removed: this pupil's data were erased)", reference],
      );
    });
  }

  /**
   * Writes one chunk of imported rows for a school, set-based: existing references are updated,
   * new ones inserted, in one statement. Only the fields the file has are changed on existing pupils;
   * a kept date of birth that no longer matches the new year group is dropped; dates on roll are kept
   * consistent (a rejoining pupil's old leaving date is cleared).
   */
  upsertImported(
    schoolId: string,
    rows: readonly ValidPupilRow[],
    fields: ReadonlySet<PupilImportField> | null,
    academicYear: number,
    today: CalendarDate,
  ): Promise<UpsertCounts> {
    const has = (f: PupilImportField): boolean => fields === null || fields.has(f);
    const col = <K extends keyof ValidPupilRow>(key: K): Array<ValidPupilRow[K]> => rows.map((r) => r[key]);
    return this.tx(async (em) => {
      const [result]: Array<{ inserted: number; updated: number }> = await em.query(
        `with src as (
           select * from unnest($2::text[], $3::text[], $4::date[], $5::smallint[], $6::boolean[], $7::boolean[], $8::boolean[], $9::smallint[], $10::date[], $11::date[])
             as r(reference, display_name, date_of_birth, year_group, disadvantaged, send, care_experienced, roni_score, on_roll_from, on_roll_to)
         ),
         merged as (
           select p.id, src.*,
                  case when $13 then src.date_of_birth
                       when p.date_of_birth is not null
                        and $20::int - (extract(year from p.date_of_birth)::int - case when extract(month from p.date_of_birth) < 9 then 1 else 0 end) - 5 = src.year_group
                       then p.date_of_birth end as next_dob,
                  coalesce(src.on_roll_from, p.on_roll_from) as next_from,
                  case when $18 then src.on_roll_to
                       when p.on_roll_to < coalesce(src.on_roll_from, p.on_roll_from) then null
                       else p.on_roll_to end as next_to
             from src join pupils p on p.school_id = $1 and p.reference = src.reference
         ),
         changed as (
           update pupils p set
             display_name = case when $12 then m.display_name else p.display_name end,
             date_of_birth = m.next_dob,
             year_group = m.year_group,
             disadvantaged = case when $14 then m.disadvantaged else p.disadvantaged end,
             send = case when $15 then m.send else p.send end,
             care_experienced = case when $16 then m.care_experienced else p.care_experienced end,
             roni_score = case when $17 then m.roni_score else p.roni_score end,
             on_roll_from = case when m.next_to < m.next_from then m.next_to else m.next_from end,
             on_roll_to = m.next_to
           from merged m
           where p.id = m.id
           returning p.reference
         ),
         added as (
           insert into pupils (tenant_id, school_id, reference, display_name, date_of_birth, year_group, disadvantaged, send,
                               care_experienced, roni_score, on_roll_from, on_roll_to)
           select app_current_tenant(), $1, src.reference, src.display_name, src.date_of_birth, src.year_group, src.disadvantaged, src.send,
                  src.care_experienced, src.roni_score, coalesce(src.on_roll_from, least($19::date, coalesce(src.on_roll_to, $19::date))), src.on_roll_to
             from src
            where not exists (select 1 from merged m where m.reference = src.reference)
           on conflict (tenant_id, school_id, reference) do nothing
           returning 1
         )
         select (select count(*) from added)::int as inserted, (select count(*) from changed)::int as updated`,
        [
          schoolId,
          col('reference'),
          col('displayName'),
          col('dateOfBirth'),
          col('yearGroup'),
          col('disadvantaged'),
          col('send'),
          col('careExperienced'),
          col('roniScore'),
          col('onRollFrom'),
          col('onRollTo'),
          has('displayName'),
          has('dateOfBirth'),
          has('disadvantaged'),
          has('send'),
          has('careExperienced'),
          has('roniScore'),
          has('onRollTo'),
          today,
          academicYear,
        ],
      );
      return { inserted: result?.inserted ?? 0, updated: result?.updated ?? 0 };
    });
  }
}

export interface PupilRelatedData {
  encounters: Array<{
    encounterId: string;
    occurredOn: string;
    title: string | null;
    activityType: string;
    format: string;
    countsForBenchmark5: boolean;
    countsForBenchmark6: boolean;
    recordedAt: Date;
  }>;
  benchmarkProgress: Array<{
    academicYear: number;
    benchmark: number;
    yearGroup: number;
    window: number;
    minimum: number;
    met: boolean;
    metOn: string | null;
    encounterDates: string[];
    priorityRank: number;
  }>;
  reportingSnapshots: Array<{
    snapshotId: string;
    asOf: string;
    kind: string;
    academicYear: number;
    benchmark: number;
    yearGroup: number;
    encounters: number;
    met: boolean;
    priorityRank: number;
  }>;
  importProblems: Array<{ importJobId: string; importedAt: Date; line: number; field: string | null; code: string; message: string }>;
}
