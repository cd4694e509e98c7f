import { collect, DomainError, parseEmail, parseText, showValue } from '@tandem/domain';

/** Pure rules for hubs: the slug and the create-hub input. No I/O. */

/** As the tenants CHECK has it: 1–63 of a-z, 0-9 and '-', not starting or ending with '-'. */
const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** A hub's slug, lower-cased: "Leeds-City" → "leeds-city". */
export function parseSlug(value: unknown, field = 'slug'): string {
  const slug = typeof value === 'string' ? value.trim().toLowerCase() : '';
  if (!SLUG.test(slug)) {
    throw DomainError.invalid(
      field,
      'INVALID_TEXT',
      `${field} must be 1 to 63 lower-case letters, digits or hyphens, starting and ending with a letter or digit, e.g. leeds-city-region (got ${showValue(value)})`,
    );
  }
  return slug;
}

export interface CreateHubFields {
  name: string;
  slug: string;
  firstAdminEmail: string;
}

export function parseCreateHubInput(input: Record<string, unknown>): CreateHubFields {
  const c = collect();
  const name = c.run(() => parseText(input['name'], 'input.name', 200, 'name'));
  const slug = c.run(() => parseSlug(input['slug'], 'input.slug'));
  const firstAdminEmail = c.run(() => parseEmail(input['firstAdminEmail'], 'input.firstAdminEmail'));
  c.throwIfAny();
  return { name: name as string, slug: slug as string, firstAdminEmail: firstAdminEmail as string };
}
