import { DomainError } from './errors';

/**
 * The one page-size policy, for every list the API serves and every keyset page the repositories
 * read: `first` defaults to 20 and may be 1–100.
 */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** Validated page size: DomainError VALIDATION_FAILED (field 'first') outside 1..MAX_PAGE_SIZE. */
export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw DomainError.invalid('first', 'VALIDATION_FAILED', `first must be between 1 and ${MAX_PAGE_SIZE} (got ${first})`);
  }
  return first;
}
