import type { Employer, EmployerContact, VettingCheck } from '@tandem/persistence';
import { byKeys, groupByKeys, type GraphQLContext } from '@tandem/platform';
import type { EmployersService } from './employers.service';

/**
 * Request-scoped DataLoaders for employers and what hangs off them, so a list of offers (or
 * employers) fetches each relation in one query. Scope is checked by whoever holds the parent.
 */
export function employerLoader(ctx: GraphQLContext, service: EmployersService) {
  return ctx.loaders.get<string, Employer | null>('employerById', async (ids) => byKeys(ids, await service.byIds(ids), (e) => e.id));
}

export function contactsLoader(ctx: GraphQLContext, service: EmployersService, includeArchived: boolean) {
  return ctx.loaders.get<string, EmployerContact[]>(`employerContacts:${includeArchived}`, async (ids) =>
    groupByKeys(ids, await service.contactsFor(ids, includeArchived), (c) => c.employerId),
  );
}

export function vettingChecksLoader(ctx: GraphQLContext, service: EmployersService, includeArchived: boolean) {
  return ctx.loaders.get<string, VettingCheck[]>(`vettingChecks:${includeArchived}`, async (ids) =>
    groupByKeys(ids, await service.vettingChecksFor(ids, includeArchived), (c) => c.employerId),
  );
}
