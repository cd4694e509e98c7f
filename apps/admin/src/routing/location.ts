/**
 * Where the user is. The app itself routes by hash (`#/bookings/<id>?tab=x`), so the Vite dev server
 * and any static host serve it from one index.html. Links in emails are real paths, though
 * (`/invitations/accept?token=…` and `/bookings/<id>`): the invitation page is public and read from
 * the path; any other path is turned into the same hash route on load.
 */
import { useEffect, useState } from 'react';

export interface AppRoute {
  /** First segment: the page. */
  page: string;
  /** Segments after the page (e.g. an id). */
  rest: string[];
  query: URLSearchParams;
}

export type PublicRoute = { kind: 'accept-invitation'; token: string } | { kind: 'password-reset'; token: string };

export function parseHash(hash: string): AppRoute {
  const raw = hash.replace(/^#\/?/, '');
  const [path = '', search = ''] = raw.split('?', 2);
  const segments = path.split('/').filter(Boolean).map(decodeURIComponent);
  return { page: segments[0] ?? '', rest: segments.slice(1), query: new URLSearchParams(search) };
}

export function publicRouteOf(pathname: string, search: string): PublicRoute | null {
  if (pathname.replace(/\/+$/, '') === '/invitations/accept') {
    return { kind: 'accept-invitation', token: new URLSearchParams(search).get('token') ?? '' };
  }
  if (pathname.replace(/\/+$/, '') === '/password-reset') {
    return { kind: 'password-reset', token: new URLSearchParams(search).get('token') ?? '' };
  }
  return null;
}

/** A deep-link path from an email (`/bookings/abc`) as the app's hash route (`#/bookings/abc`); null for `/`. */
export function hashForPath(pathname: string, search: string): string | null {
  const path = pathname.replace(/\/+$/, '');
  if (!path || path === '/index.html' || publicRouteOf(pathname, search)) return null;
  return `#${path}${search}`;
}

/** Builds an in-app link: href('bookings', id) → "#/bookings/<id>". */
export function href(page: string, ...rest: (string | Record<string, string>)[]): string {
  const query = rest.find((r): r is Record<string, string> => typeof r === 'object');
  const parts = [page, ...rest.filter((r): r is string => typeof r === 'string')].map(encodeURIComponent);
  const qs = query ? new URLSearchParams(query).toString() : '';
  return `#/${parts.join('/')}${qs ? `?${qs}` : ''}`;
}

export function navigate(to: string): void {
  window.location.hash = to.replace(/^#/, '');
}

/** Leaves a public path (after accepting an invitation) for the app's home, without a reload. */
export function leavePublicPath(hash = '#/'): void {
  window.history.replaceState(null, '', `/${hash}`);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

/** On start-up: a deep link's path becomes a hash route, so the rest of the app sees one scheme. */
export function normaliseLocation(): void {
  const target = hashForPath(window.location.pathname, window.location.search);
  if (target) window.history.replaceState(null, '', `/${target}`);
}

function snapshot(): string {
  return `${window.location.pathname}${window.location.search}${window.location.hash}`;
}

/** Re-renders on hash and history changes; returns the current location string. */
export function useLocationKey(): string {
  const [key, setKey] = useState(snapshot);
  useEffect(() => {
    const onChange = (): void => setKey(snapshot());
    window.addEventListener('hashchange', onChange);
    window.addEventListener('popstate', onChange);
    return () => {
      window.removeEventListener('hashchange', onChange);
      window.removeEventListener('popstate', onChange);
    };
  }, []);
  return key;
}

export function useRoute(): AppRoute {
  useLocationKey();
  return parseHash(window.location.hash);
}
