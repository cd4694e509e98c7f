import type { AppConfig, LinkTokens } from '@tandem/platform';

/**
 * The links booking emails carry. Accept/decline and preference links land on small public pages
 * the API serves (no log-in); the rest open the admin app. Link tokens are derived (LinkTokens) from
 * a record id, so the worker rebuilds the same link on every retry and only hashes are stored.
 */
export const BOOKING_LINK_PURPOSES = { accept: 'booking-accept', decline: 'booking-decline' } as const;
export const PREFERENCES_LINK_PURPOSE = 'email-preferences';

export function bookingLinkUrl(config: AppConfig, token: string): string {
  return `${config.publicApiUrl}/bookings/respond/${encodeURIComponent(token)}`;
}

export function bookingAppUrl(config: AppConfig, bookingId: string): string {
  return `${config.publicAppUrl}/bookings/${encodeURIComponent(bookingId)}`;
}

/** The record a preferences token is derived from: one hub, one address. */
export const preferencesSubject = (tenantId: string, email: string): string => `${tenantId}:${email.trim().toLowerCase()}`;

export function preferencesUrl(config: AppConfig, links: LinkTokens, tenantId: string, email: string): string {
  const { token } = links.derive(PREFERENCES_LINK_PURPOSE, preferencesSubject(tenantId, email));
  const query = new URLSearchParams({ hub: tenantId, email: email.trim().toLowerCase(), token });
  return `${config.publicApiUrl}/email-preferences?${query.toString()}`;
}
