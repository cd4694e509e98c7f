import type { School } from '@tandem/persistence';
import { byKeys, type GraphQLContext } from '@tandem/platform';
import type { SchoolsService } from './schools.service';

/**
 * Request-scoped DataLoader for schools, so a list of pupils, requests or bookings fetches their
 * schools in one query. Scope is checked by whoever holds the parent.
 */
export function schoolLoader(ctx: GraphQLContext, service: SchoolsService) {
  return ctx.loaders.get<string, School | null>('schoolById', async (ids) => byKeys(ids, await service.byIds(ids), (s) => s.id));
}
