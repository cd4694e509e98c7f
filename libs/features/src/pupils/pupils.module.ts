import { Module } from '@nestjs/common';
import { SchoolRepository, SchoolsModule } from '@tandem/features/schools';
import { ImportJobRepository } from './import-jobs.repository';
import { PupilImportController } from './pupil-import.controller';
import { PupilImportProcessor } from './pupil-import.processor';
import { PupilImportResolver } from './pupil-import.resolver';
import { PupilImportRunner } from './pupil-import.runner';
import { PupilImportService } from './pupil-import.service';
import { PupilRepository } from './pupils.repository';
import { PupilsResolver, SchoolPupilCountsResolver } from './pupils.resolver';
import { PupilsService } from './pupils.service';

/** Pupils of a school (API): records, counts on the School type, and starting / polling CSV imports. */
@Module({
  imports: [SchoolsModule],
  controllers: [PupilImportController],
  providers: [
    PupilRepository,
    ImportJobRepository,
    PupilsService,
    PupilImportService,
    PupilsResolver,
    SchoolPupilCountsResolver,
    PupilImportResolver,
  ],
  exports: [PupilsService],
})
export class PupilsModule {}

/** The worker's pupil CSV import: the `imports` queue processor and what it needs (no resolvers). */
@Module({
  providers: [SchoolRepository, PupilRepository, ImportJobRepository, PupilImportRunner, PupilImportProcessor],
  exports: [PupilImportRunner],
})
export class PupilImportJobsModule {}
