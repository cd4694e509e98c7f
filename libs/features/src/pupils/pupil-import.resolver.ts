import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, type Principal } from '@tandem/platform';
import type { ImportJobView } from './import-jobs.repository';
import { PupilImportService } from './pupil-import.service';
import { ImportJobType, StartPupilImportInput } from './pupil.types';

@Resolver(() => ImportJobType)
export class PupilImportResolver {
  constructor(private readonly service: PupilImportService) {}

  @Mutation(() => ImportJobType, { description: "Queue a pupil CSV import for a school whose pupils you manage; poll importJob for progress." })
  startPupilImport(@CurrentPrincipal() p: Principal, @Args('input') input: StartPupilImportInput): Promise<ImportJobView> {
    return this.service.start(p, { ...input });
  }

  @Query(() => ImportJobType, { description: 'An import: status, progress, counts and the problems found, by line.' })
  importJob(@CurrentPrincipal() p: Principal, @Args('id', { type: () => ID }) id: string): Promise<ImportJobView> {
    return this.service.get(p, id);
  }
}
