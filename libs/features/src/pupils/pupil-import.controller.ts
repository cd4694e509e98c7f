import { Body, Controller, HttpCode, Post, Query, UseFilters } from '@nestjs/common';
import { CurrentPrincipal, JsonErrorFilter, type Principal } from '@tandem/platform';
import { PupilImportService } from './pupil-import.service';

/** Where pupil CSV files are uploaded: the only path that takes a body over /graphql's 1 MB. */
export const PUPIL_IMPORT_PATH = '/imports/pupils';

/**
 * `POST /imports/pupils?schoolId=…&mode=ALL_OR_NOTHING|VALID_ROWS_ONLY` with the file as the body
 * (`Content-Type: text/csv`, at most 10 MB) and the usual bearer token. Answers like GraphQL:
 * `{ data: { startPupilImport: { id, status } } }` or `{ errors: [...] }`; poll `importJob(id)`.
 */
@Controller('imports')
@UseFilters(JsonErrorFilter)
export class PupilImportController {
  constructor(private readonly service: PupilImportService) {}

  @Post('pupils')
  @HttpCode(200)
  async upload(
    @CurrentPrincipal() p: Principal,
    @Query() query: Record<string, unknown>,
    @Body() csv: unknown,
  ): Promise<{ data: { startPupilImport: { id: string; status: string } } }> {
    const mode = typeof query['mode'] === 'string' ? query['mode'].toLowerCase() : undefined;
    const job = await this.service.start(p, { schoolId: query['schoolId'], mode, csv: typeof csv === 'string' ? csv : undefined });
    return { data: { startPupilImport: { id: job.id, status: job.status.toUpperCase() } } };
  }
}
