import { AsyncResource } from 'node:async_hooks';
import { Injectable, Logger } from '@nestjs/common';
import { academicYearOf, Clock, parsePupilCsv } from '@tandem/domain';
import { AuditLog, TenantContext, TenantDb } from '@tandem/persistence';
import { SchoolRepository } from '@tandem/features/schools';
import { ImportJobRepository, type ClaimedImport, type ImportOutcome } from './import-jobs.repository';
import { chunks, chunkSizeFor, fieldsInFile, planImport, storedErrors } from './pupil-import-rules';
import { PupilRepository } from './pupils.repository';

export interface PupilImportRunResult {
  /** True when there was nothing to do (unknown job, already finished, or finished by another attempt). */
  skipped: boolean;
  status?: ImportOutcome['status'];
  insertedRows?: number;
  updatedRows?: number;
  errorCount?: number;
}

/** Thrown inside the data transaction to roll it back when another attempt finished the job first. */
class FinishedElsewhere extends Error {}

/**
 * The worker half of the pupil CSV import. One run:
 *  1. claims the job (queued → running; a finished job is skipped, so a retry never re-applies);
 *  2. parses the file with `parsePupilCsv` and decides what to write (all or nothing / valid rows);
 *  3. writes the rows in chunks (1,000 rows or 5% of the file) of set-based upserts inside ONE transaction, reporting progress after
 *     each chunk in separate short transactions, so pollers see it move while the data stay invisible
 *     until the end;
 *  4. records the outcome, drops the file and writes the audit entry in that same data transaction:
 *     rows and outcome commit together or not at all.
 */
@Injectable()
export class PupilImportRunner {
  private readonly logger = new Logger(PupilImportRunner.name);

  constructor(
    private readonly clock: Clock,
    private readonly db: TenantDb,
    private readonly jobs: ImportJobRepository,
    private readonly pupils: PupilRepository,
    private readonly schools: SchoolRepository,
  ) {}

  run(tenantId: string, importJobId: string, jobKey: string): Promise<PupilImportRunResult> {
    return TenantContext.run({ tenantId, actorUserId: null, correlationId: jobKey }, async () => {
      const job = await this.jobs.claim(importJobId);
      if (!job) return { skipped: true };
      // The audit trail names the person who started the import, not "the system".
      return TenantContext.run({ tenantId, actorUserId: job.createdByUserId, correlationId: jobKey }, () => this.execute(job));
    });
  }

  /** After the last attempt failed: mark the job failed and drop the file (nothing was written). */
  giveUp(tenantId: string, importJobId: string, jobKey: string, cause = 'of a fault on our side'): Promise<void> {
    return TenantContext.run({ tenantId, actorUserId: null, correlationId: jobKey }, async () => {
      const abandoned = await this.jobs.abandon(importJobId, {
        line: 1,
        field: 'file',
        code: 'INTERNAL',
        message: `The import stopped because ${cause} (ref ${jobKey}); nothing was written. Please start it again.`,
      });
      if (abandoned) {
        await this.db.transaction((em) =>
          AuditLog.record(em, { action: 'pupil_import.abandoned', entityType: 'import_job', entityId: importJobId }),
        );
        this.logger.warn(`gave up on import ${jobKey}: ${cause}`);
      }
    });
  }

  private async execute(job: ClaimedImport): Promise<PupilImportRunResult> {
    const school = await this.schools.findById(job.schoolId);
    if (!school) throw new Error(`import ${job.id}: its school is missing`);
    const today = this.clock.today();
    const parsed = parsePupilCsv(job.sourceCsv, {
      schoolUrn: school.urn,
      lowestYearGroup: school.lowestYearGroup,
      highestYearGroup: school.highestYearGroup,
      importDate: today,
    });
    const plan = planImport(parsed, job.mode);
    const total = parsed.totalRows;
    const outcome: ImportOutcome = {
      status: plan.status,
      totalRows: total,
      insertedRows: 0,
      updatedRows: 0,
      errorCount: plan.errors.length,
      errors: storedErrors(plan.errors),
    };
    // Rows with problems count as processed once checked; written rows as they are written.
    let processed = total - plan.rows.length;
    // Bound here, outside the data transaction: called from inside it, it still opens its own
    // transaction (TenantDb joins only a transaction open in the caller's async context), so each
    // progress update commits at once, independently of the all-or-nothing write.
    const reportProgress = AsyncResource.bind((done: number) => this.jobs.progress(job.id, done, total));
    await reportProgress(processed);

    const fields = fieldsInFile(job.sourceCsv);
    const academicYear = academicYearOf(today);
    try {
      return await this.db.transaction(async (em) => {
        for (const chunk of chunks(plan.rows, chunkSizeFor(plan.rows.length))) {
          const counts = await this.pupils.upsertImported(school.id, chunk, fields, academicYear, today);
          outcome.insertedRows += counts.inserted;
          outcome.updatedRows += counts.updated;
          processed += chunk.length;
          await reportProgress(processed);
        }
        if (!(await this.jobs.finish(em, job.id, outcome))) throw new FinishedElsewhere();
        await AuditLog.record(em, {
          action: 'pupil_import.finished',
          entityType: 'import_job',
          entityId: job.id,
          detail: {
            schoolId: school.id,
            status: outcome.status,
            insertedRows: outcome.insertedRows,
            updatedRows: outcome.updatedRows,
            errorCount: outcome.errorCount,
          },
        });
        return {
          skipped: false,
          status: outcome.status,
          insertedRows: outcome.insertedRows,
          updatedRows: outcome.updatedRows,
          errorCount: outcome.errorCount,
        };
      });
    } catch (e) {
      if (e instanceof FinishedElsewhere) return { skipped: true };
      throw e;
    }
  }
}
