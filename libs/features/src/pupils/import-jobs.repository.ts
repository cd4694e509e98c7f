import { Injectable } from '@nestjs/common';
import {
  ImportJob,
  isUuid,
  TenantDb,
  TenantRepository,
  type ImportMode,
  type ImportRowError,
  type ImportStatus,
} from '@tandem/persistence';
import type { EntityManager } from 'typeorm';

/** An import job as clients see it: everything but the uploaded file. */
export type ImportJobView = Omit<ImportJob, 'sourceCsv' | 'tenantId' | 'kind' | 'updatedAt'>;

/** What the worker needs to run a job it has claimed. */
export interface ClaimedImport {
  id: string;
  schoolId: string;
  mode: ImportMode;
  createdByUserId: string | null;
  sourceCsv: string;
}

export interface ImportOutcome {
  status: Extract<ImportStatus, 'succeeded' | 'failed'>;
  totalRows: number;
  insertedRows: number;
  updatedRows: number;
  errorCount: number;
  errors: ImportRowError[];
}

const VIEW_COLUMNS = [
  'id',
  'schoolId',
  'mode',
  'status',
  'totalRows',
  'processedRows',
  'insertedRows',
  'updatedRows',
  'errorCount',
  'errors',
  'createdByUserId',
  'createdAt',
  'startedAt',
  'finishedAt',
] as const;

@Injectable()
export class ImportJobRepository extends TenantRepository<ImportJob> {
  constructor(db: TenantDb) {
    super(db, ImportJob, 'job');
  }

  /** A queued job holding the file; returns the job without it (the file is never read back out). */
  async createQueued(values: {
    schoolId: string;
    mode: ImportMode;
    sourceCsv: string;
    createdByUserId: string | null;
  }): Promise<ImportJobView> {
    const id = await this.tx(async (em) => {
      const [row]: Array<{ id: string }> = await em.query(
        `insert into import_jobs (tenant_id, school_id, kind, mode, status, source_csv, created_by_user_id)
         values (app_current_tenant(), $1, 'pupils', $2, 'queued', $3, $4) returning id`,
        [values.schoolId, values.mode, values.sourceCsv, values.createdByUserId],
      );
      return row.id;
    });
    const job = await this.findView(id);
    if (!job) throw new Error('An import job vanished inside its own transaction');
    return job;
  }

  findView(id: string): Promise<ImportJobView | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    return this.query((qb) =>
      qb
        .select(VIEW_COLUMNS.map((c) => `job.${c}`))
        .where('job.id = :id', { id })
        .getOne(),
    );
  }

  /**
   * Marks a queued (or interrupted running) job running and hands over its file. Null when the job
   * is unknown or already finished: a retried or duplicated queue job then does nothing.
   */
  claim(id: string): Promise<ClaimedImport | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    return this.tx(async (em) => {
      const [raw]: [Array<Record<string, unknown>>, number] = await em.query(
        `update import_jobs set status = 'running', started_at = coalesce(started_at, app_now()), processed_rows = 0
          where id = $1 and status in ('queued', 'running') and source_csv is not null
          returning id, school_id, mode, created_by_user_id, source_csv`,
        [id],
      );
      const row = raw[0];
      if (!row) return null;
      return {
        id: row['id'] as string,
        schoolId: row['school_id'] as string,
        mode: row['mode'] as ImportMode,
        createdByUserId: (row['created_by_user_id'] as string | null) ?? null,
        sourceCsv: row['source_csv'] as string,
      };
    });
  }

  /** Progress, in its own short transaction so pollers see it while the data write is still open. */
  progress(id: string, processedRows: number, totalRows: number): Promise<void> {
    return this.tx(async (em) => {
      await em.query(`update import_jobs set processed_rows = $2, total_rows = $3 where id = $1 and status = 'running'`, [
        id,
        processedRows,
        totalRows,
      ]);
    });
  }

  /**
   * Records the outcome inside the transaction that wrote the rows (so both commit or neither) and
   * drops the file. False, writing nothing, when the job is no longer running (another attempt
   * finished it): the caller must then roll back its writes.
   */
  async finish(em: EntityManager, id: string, outcome: ImportOutcome): Promise<boolean> {
    const [row]: Array<{ status: ImportStatus }> = await em.query(`select status from import_jobs where id = $1 for update`, [id]);
    if (row?.status !== 'running') return false;
    await em.query(
      `update import_jobs
          set status = $2, total_rows = $3, processed_rows = $3, inserted_rows = $4, updated_rows = $5,
              error_count = $6, errors = $7::jsonb, source_csv = null, finished_at = clock_timestamp()
        where id = $1`,
      [
        id,
        outcome.status,
        outcome.totalRows,
        outcome.insertedRows,
        outcome.updatedRows,
        outcome.errorCount,
        JSON.stringify(outcome.errors),
      ],
    );
    return true;
  }

  /** Gives up on a job the worker could not finish: failed, file dropped. False if already finished. */
  abandon(id: string, error: ImportRowError): Promise<boolean> {
    if (!isUuid(id)) return Promise.resolve(false);
    return this.tx(async (em) => {
      const [, affected]: [unknown, number] = await em.query(
        `update import_jobs set status = 'failed', source_csv = null, finished_at = app_now(), error_count = 1, errors = $2::jsonb
          where id = $1 and status in ('queued', 'running')`,
        [id, JSON.stringify([error])],
      );
      return affected > 0;
    });
  }
}
