import { can, reachFor, reachOf, type Principal, type ScopeFilter } from '../scope';
import type { BookingSide } from './booking-machine';

/**
 * Who sees and acts on a booking, from the permission table in scope.ts. A booking sits between a
 * school (seen like its requests: the school's staff, its cluster's coordinator, the hub) and an
 * employer (its own contacts). No new actions are needed: viewRequest / editRequest for the school
 * side, the employer reach of viewOffer for the employer side.
 */
export interface BookingRef {
  readonly tenantId?: string;
  readonly schoolId: string;
  /** The cluster of the booking's school. */
  readonly clusterId: string | null;
  readonly employerId: string;
}

const schoolSide = (b: BookingRef) => ({ tenantId: b.tenantId, schoolId: b.schoolId, clusterId: b.clusterId });

/** Employer contacts see their own employer's bookings; nobody else gets in through the employer. */
function isOwnEmployer(p: Principal, b: BookingRef): boolean {
  return reachFor(p, 'viewOffer') === 'employer' && can(p, 'viewOffer', { tenantId: b.tenantId, employerId: b.employerId });
}

export function canSeeBooking(p: Principal, b: BookingRef): boolean {
  return can(p, 'viewRequest', schoolSide(b)) || isOwnEmployer(p, b);
}

/**
 * The side a principal acts as on this booking, or null when they may not act on it at all:
 * school staff of its school → school; a contact of its employer → employer; the hub admin or the
 * coordinator of the school's cluster → broker. Platform admins run the platform, not bookings.
 */
export function bookingSideOf(p: Principal, b: BookingRef): BookingSide | null {
  if (p.role === 'platform_admin') return null;
  if (isOwnEmployer(p, b)) return 'employer';
  if (!can(p, 'editRequest', schoolSide(b))) return null;
  return p.role === 'school_staff' ? 'school' : 'broker';
}

/** How to narrow a list of bookings: by the school side's reach, else the employer's own. */
export function bookingListScope(p: Principal): ScopeFilter {
  const bySchool = reachOf(p, 'viewRequest');
  if (bySchool.kind !== 'none') return bySchool;
  const byEmployer = reachOf(p, 'viewOffer');
  return byEmployer.kind === 'employer' ? byEmployer : { kind: 'none' };
}
