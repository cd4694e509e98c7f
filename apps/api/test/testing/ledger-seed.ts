/**
 * Pupils and helpers for the benchmark-ledger API tests. The academic year used is 2025/26, wholly in
 * the past, so the tests read the same whatever day they run.
 */
import { TenantContext } from '@tandem/persistence';
import type { HubFixture } from '../../src/testing/fixtures';
import type { TestApi } from '../../src/testing/test-api';

export const YEAR = 2025;
export const BM5_CHECKLIST = ['purpose_shared', 'learning_outcomes', 'two_way_interaction', 'reflection'];
export const BM6_CHECKLIST = [...BM5_CHECKLIST, 'range_of_people', 'employer_task', 'employer_feedback'];

/** A date of birth that puts a pupil in `yearGroup` during 2025/26. */
export const bornFor = (yearGroup: number): string => `${2025 - yearGroup - 5}-12-01`;

export interface PupilSeed {
  reference: string;
  yearGroup: number;
  disadvantaged?: boolean;
  send?: boolean;
  careExperienced?: boolean;
  roniScore?: number | null;
  onRollFrom?: string;
  onRollTo?: string | null;
}

/** Inserts pupils for a school (as the pupils feature would) and returns their ids by reference. */
export async function seedPupils(
  api: TestApi,
  hub: HubFixture,
  schoolId: string,
  pupils: readonly PupilSeed[],
): Promise<Record<string, string>> {
  return TenantContext.run({ tenantId: hub.tenantId, actorUserId: null }, () =>
    api.db.tenantDb.transaction(async (em) => {
      const out: Record<string, string> = {};
      for (const p of pupils) {
        const [row]: Array<{ id: string }> = await em.query(
          `insert into pupils (tenant_id, school_id, reference, date_of_birth, disadvantaged, send, care_experienced, roni_score, on_roll_from, on_roll_to)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) returning id`,
          [
            hub.tenantId,
            schoolId,
            p.reference,
            bornFor(p.yearGroup),
            p.disadvantaged ?? false,
            p.send ?? false,
            p.careExperienced ?? false,
            p.roniScore ?? null,
            p.onRollFrom ?? '2023-09-01',
            p.onRollTo ?? null,
          ],
        );
        out[p.reference] = row.id;
      }
      return out;
    }),
  );
}

/** Runs SQL in the hub as the app role (RLS on): counts, audit entries. */
export function sql<T = Record<string, unknown>>(api: TestApi, hub: HubFixture, text: string, params: unknown[] = []): Promise<T[]> {
  return TenantContext.run({ tenantId: hub.tenantId, actorUserId: null }, () =>
    api.db.tenantDb.transaction((em) => em.query(text, params)),
  );
}

export async function count(api: TestApi, hub: HubFixture, table: string): Promise<number> {
  const [row] = await sql<{ n: number }>(api, hub, `select count(*)::int as n from ${table}`);
  return row.n;
}

/** No stack trace, file path or SQL in anything the client sees. */
export function leaks(res: unknown): boolean {
  return /\bat .+\.(ts|js):\d+|stacktrace|QueryFailedError|\bselect\b.+\bfrom\b|insert into|update .+ set |violates/i.test(
    JSON.stringify(res),
  );
}
