import { describe, expect, it } from 'vitest';
import { hashForPath, href, parseHash, publicRouteOf } from './location';

describe('routes', () => {
  it('parses hash routes with ids and a query', () => {
    const r = parseHash('#/encounters/new?booking=b%201');
    expect(r.page).toBe('encounters');
    expect(r.rest).toEqual(['new']);
    expect(r.query.get('booking')).toBe('b 1');
    expect(parseHash('')).toMatchObject({ page: '', rest: [] });
  });
  it('builds links the same way', () => {
    expect(href('bookings', 'abc')).toBe('#/bookings/abc');
    expect(href('encounters', 'new', { booking: 'x y' })).toBe('#/encounters/new?booking=x+y');
    expect(parseHash(href('offers', 'a/b')).rest).toEqual(['a/b']);
  });
  it('reads the invitation link from emails as a public page, with its token', () => {
    expect(publicRouteOf('/invitations/accept', '?token=abc_123')).toEqual({ kind: 'accept-invitation', token: 'abc_123' });
    expect(publicRouteOf('/invitations/accept/', '')).toEqual({ kind: 'accept-invitation', token: '' });
    expect(publicRouteOf('/', '?token=x')).toBeNull();
  });
  it('turns other deep links from emails into the app’s hash routes', () => {
    expect(hashForPath('/bookings/123', '')).toBe('#/bookings/123');
    expect(hashForPath('/', '')).toBeNull();
    expect(hashForPath('/invitations/accept', '?token=x')).toBeNull();
  });
});

describe('public pages', () => {
  it('reads the password-reset link as a public page with its token', () => {
    expect(publicRouteOf('/password-reset', '?token=k1.abc')).toEqual({ kind: 'password-reset', token: 'k1.abc' });
    expect(hashForPath('/password-reset', '?token=k1.abc')).toBeNull();
  });
});
