import { Injectable } from '@nestjs/common';
import { canSeePupils, collect, DomainError, isBlank, parseEnum, type Principal } from '@tandem/domain';
import { AuditLog, TenantDb } from '@tandem/persistence';
import { Outbox } from '@tandem/platform';
import { requireTenant } from '@tandem/features/shared';
import { SchoolRepository } from '@tandem/features/schools';
import { IMPORT_MODES, parseImportCsv } from './pupil-import-rules';
import { ImportJobRepository, type ImportJobView } from './import-jobs.repository';
import { PupilsService } from './pupils.service';

/**
 * The API half of the pupil CSV import: check the request, store the file with a queued job and
 * its outbox row in one transaction (the worker picks it up only once that commits), and answer
 * polls. The worker half is PupilImportRunner.
 */
@Injectable()
export class PupilImportService {
  constructor(
    private readonly db: TenantDb,
    private readonly jobs: ImportJobRepository,
    private readonly pupils: PupilsService,
    private readonly schools: SchoolRepository,
  ) {}

  async start(p: Principal, input: Record<string, unknown>): Promise<ImportJobView> {
    const tenantId = requireTenant(p);
    return this.db.transaction(async (em) => {
      const school = await this.pupils.schoolForManaging(p, input['schoolId'], 'input.schoolId');
      const c = collect();
      const csv = c.run(() => parseImportCsv(input['csv'], 'input.csv'));
      const mode = isBlank(input['mode']) ? 'all_or_nothing' : c.run(() => parseEnum(input['mode'], IMPORT_MODES, 'input.mode'));
      c.throwIfAny();
      if (csv === undefined || mode === undefined) throw new Error('import request parsed without its values');
      const job = await this.jobs.createQueued({ schoolId: school.id, mode, sourceCsv: csv, createdByUserId: p.userId });
      await Outbox.add(em, 'imports', { tenantId, importJobId: job.id });
      await AuditLog.record(em, {
        action: 'pupil_import.started',
        entityType: 'import_job',
        entityId: job.id,
        detail: { schoolId: school.id, mode, bytes: Buffer.byteLength(csv, 'utf8') },
      });
      return job;
    });
  }

  /** A job of a school whose pupils the caller may see; NOT_FOUND otherwise (its errors quote the file). */
  async get(p: Principal, id: string): Promise<ImportJobView> {
    requireTenant(p);
    return this.db.transaction(async (em) => {
      const job = await this.jobs.findView(id);
      const school = job ? await this.schools.findById(job.schoolId) : null;
      if (!job || !school || !canSeePupils(p, school)) throw DomainError.notFound('Import job', 'id');
      // Row problems (line 2 on) quote the file's cells (references, dates of birth): reading them is a
      // read of pupil data. A file-level problem (line 1, or the job's own failure) quotes none.
      const rowProblems = job.errors.filter((e) => e.line > 1).length;
      if (rowProblems)
        await AuditLog.record(em, {
          action: 'import_job.errors_read',
          entityType: 'import_job',
          entityId: job.id,
          detail: { errors: rowProblems },
        });
      return job;
    });
  }
}
