import * as clock from '../../clock';
import { formatDate, label, VETTING_KINDS, daysBetween } from '../../ui/format';

export interface VettingStatusLike {
  vetted: boolean;
  validUntil?: string | null;
  missingKinds?: readonly string[] | null;
}

/** Days of warning before vetting runs out (the reminder nudge uses 30 too). */
export const EXPIRY_WARNING_DAYS = 30;

export type VettingTone = 'ok' | 'expiring' | 'missing';

export function vettingTone(status: VettingStatusLike, today: string = clock.today()): VettingTone {
  if (!status.vetted) return 'missing';
  if (status.validUntil && daysBetween(today, status.validUntil) <= EXPIRY_WARNING_DAYS) return 'expiring';
  return 'ok';
}

export function VettingBadge({ status }: { status: VettingStatusLike }) {
  const tone = vettingTone(status);
  if (tone === 'missing') {
    const missing = (status.missingKinds ?? []).map((k) => label(VETTING_KINDS, k)).join(', ');
    return <span className="tag tag--missing">{missing ? `Not vetted: ${missing}` : 'Not vetted'}</span>;
  }
  return (
    <span className={`tag tag--${tone}`}>{`${tone === 'expiring' ? 'Expires' : 'Valid until'} ${formatDate(status.validUntil)}`}</span>
  );
}
