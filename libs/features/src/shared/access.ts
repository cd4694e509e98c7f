import { addDays, DomainError, isBlank, londonWallClockToInstant, parseIsoDate, type CalendarDate, type Principal } from '@tandem/domain';
import type { Page } from '@tandem/persistence';
import type { Connection } from '@tandem/platform';

/**
 * The shared kernel of the features: small helpers every feature uses for applying scope.ts.
 * Reads of out-of-scope records answer NOT_FOUND (their existence is not revealed); a record the
 * caller may see but not change answers FORBIDDEN.
 */

/** Tenant data needs a tenant: a platform admin acting outside any hub is refused plainly. */
export function requireTenant(principal: Principal): string {
  if (!principal.tenantId) throw new DomainError('FORBIDDEN', 'Choose a hub first: this needs a hub (tenant) to act in');
  return principal.tenantId;
}

/** The row when the caller may see it; NOT_FOUND (naming `field`) when absent or out of sight. */
export function visibleOrNotFound<T>(row: T | null | undefined, visible: (row: T) => boolean, entity: string, field: string): T {
  if (row == null || !visible(row)) throw DomainError.notFound(entity, field);
  return row;
}

/** A row updated inside our own transaction is there; a null here is a bug, not user input. */
export function updated<T>(row: T | null): T {
  if (row == null) throw new Error('A row vanished inside its own transaction');
  return row;
}

/** Throws FORBIDDEN unless `allowed` (for records the caller can already see). */
export function mustBeAllowed(allowed: boolean, what: string): void {
  if (!allowed) throw new DomainError('FORBIDDEN', `You may not ${what}`);
}

/** A connection from a keyset page (TenantRepository.page) and the total number of matches. */
export function connectionOf<T>(page: Page<T>, totalCount: number): Connection<T> {
  return {
    edges: page.items.map((node, i) => ({ cursor: page.cursors[i], node })),
    nodes: page.items,
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
    totalCount,
  };
}

export interface DayBound {
  day: CalendarDate;
  /** From: London midnight starting the day; to: London midnight ending it (exclusive). */
  at: Date;
}

/** `filter.dateFrom` / `filter.dateTo` as whole London days; dateTo before dateFrom is INVALID_WINDOW. */
export function parseDayRangeFilter(dateFrom: unknown, dateTo: unknown): { from?: DayBound; to?: DayBound } {
  const from = isBlank(dateFrom) ? undefined : parseIsoDate(dateFrom, 'filter.dateFrom');
  const to = isBlank(dateTo) ? undefined : parseIsoDate(dateTo, 'filter.dateTo');
  if (from && to && to < from)
    throw DomainError.invalid(
      'filter.dateTo',
      'INVALID_WINDOW',
      `filter.dateTo must be on or after filter.dateFrom (got ${to} before ${from})`,
    );
  return {
    from: from ? { day: from, at: londonWallClockToInstant(from, '00:00') } : undefined,
    to: to ? { day: to, at: londonWallClockToInstant(addDays(to, 1), '00:00') } : undefined,
  };
}

/** Has the caller given this key (present, even if null)? Update inputs only change given keys. */
export const given = (input: object, key: string): boolean =>
  Object.prototype.hasOwnProperty.call(input, key) && (input as Record<string, unknown>)[key] !== undefined;
