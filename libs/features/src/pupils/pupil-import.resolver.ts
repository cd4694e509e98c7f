import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, type Principal } from '@tandem/platform';
import type { ImportJobView } from './import-jobs.repository';
import { PupilImportService } from './pupil-import.service';
import { ImportJobType } from './pupil.types';

/** Polling an import; the file itself is uploaded to POST /imports/pupils (pupil-import.controller.ts). */
@Resolver(() => ImportJobType)
export class PupilImportResolver {
  constructor(private readonly service: PupilImportService) {}

  @Query(() => ImportJobType, { description: 'An import: status, progress, counts and the problems found, by line.' })
  importJob(@CurrentPrincipal() p: Principal, @Args('id', { type: () => ID }) id: string): Promise<ImportJobView> {
    return this.service.get(p, id);
  }
}
