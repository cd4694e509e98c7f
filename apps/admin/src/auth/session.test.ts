import { describe, expect, it, vi } from 'vitest';
import * as clock from '../clock';
import { GraphQLRequestError, type Operation } from '../graphql/client';
import { LOGIN_MUTATION, LOGOUT_MUTATION, REFRESH_MUTATION, REFRESH_TOKEN_KEY, SessionStore } from './session';
import type { AuthPayload } from './types';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
  };
}

function payload(n: number): AuthPayload {
  return {
    accessToken: `access-${n}`,
    refreshToken: `refresh-${n}`,
    accessTokenExpiresAt: new Date(clock.now().getTime() + 15 * 60_000).toISOString(),
    me: {
      userId: 'u',
      email: 'a@b.c',
      displayName: null,
      tenantId: 't',
      tenantName: 'Hub',
      tenantSlug: 'hub',
      membershipId: 'm',
      role: 'COORDINATOR',
      clusterId: 'c',
      schoolId: null,
      employerId: null,
    },
  };
}

describe('SessionStore', () => {
  it('logs in: access token in memory only, refresh token in sessionStorage', async () => {
    const storage = memoryStorage();
    const request = vi.fn(async () => ({ login: payload(1) }));
    const store = new SessionStore(request as never, storage);
    await store.login({ email: ' a@b.c ', password: 'pw', tenantSlug: ' ' });
    expect(request).toHaveBeenCalledWith(LOGIN_MUTATION, { input: { email: 'a@b.c', password: 'pw' } });
    expect(store.getState()).toMatchObject({ status: 'signed-in', me: { role: 'COORDINATOR' } });
    expect([...storage.data.values()]).toEqual(['refresh-1']);
  });

  it('restores a session from the stored refresh token, and signs out when it is refused', async () => {
    const storage = memoryStorage({ [REFRESH_TOKEN_KEY]: 'refresh-0' });
    const request = vi.fn(async () => ({ refreshSession: payload(2) }));
    const store = new SessionStore(request as never, storage);
    expect(store.getState().status).toBe('restoring');
    await store.restore();
    expect(request).toHaveBeenCalledWith(REFRESH_MUTATION, { refreshToken: 'refresh-0' });
    expect(store.getState().status).toBe('signed-in');
    expect(storage.getItem(REFRESH_TOKEN_KEY)).toBe('refresh-2');

    request.mockRejectedValueOnce(new GraphQLRequestError('graphql', [{ message: 'expired', code: 'TOKEN_EXPIRED' }]));
    expect(await store.refresh()).toBe(false);
    expect(store.getState().status).toBe('signed-out');
    expect(storage.getItem(REFRESH_TOKEN_KEY)).toBeNull();
  });

  it('renews the access token once when the server refuses it, then retries', async () => {
    const storage = memoryStorage();
    const calls: Array<{ query: Operation; token?: string | null }> = [];
    let meCalls = 0;
    const request = vi.fn(async (query: Operation, _vars?: object, options?: { token?: string | null }) => {
      calls.push({ query, token: options?.token });
      if (query === LOGIN_MUTATION) return { login: payload(1) };
      if (query === REFRESH_MUTATION) return { refreshSession: payload(2) };
      if (meCalls++ === 0) throw new GraphQLRequestError('graphql', [{ message: 'log in again', code: 'UNAUTHENTICATED' }]);
      return { me: { email: 'a@b.c' } };
    });
    const store = new SessionStore(request as never, storage);
    await store.login({ email: 'a@b.c', password: 'pw' });
    await expect(store.authorized('query { me { email } }')).resolves.toEqual({ me: { email: 'a@b.c' } });
    expect(calls.map((c) => c.token ?? String(c.query).trim().slice(0, 14))).toEqual([
      'mutation Login',
      'access-1',
      'mutation Refre',
      'access-2',
    ]);
  });

  it('logs out: forgets tokens and tells the server', async () => {
    const storage = memoryStorage();
    const request = vi.fn(async (q: Operation) => (q === LOGIN_MUTATION ? { login: payload(1) } : { logout: true }));
    const store = new SessionStore(request as never, storage);
    await store.login({ email: 'a@b.c', password: 'pw' });
    await store.logout();
    expect(store.getState()).toEqual({ status: 'signed-out', me: null });
    expect(storage.getItem(REFRESH_TOKEN_KEY)).toBeNull();
    expect(request).toHaveBeenLastCalledWith(LOGOUT_MUTATION, { refreshToken: 'refresh-1' });
  });

  it('stays signed out when a renewal that was in flight at log-out comes back', async () => {
    const storage = memoryStorage();
    let answerRefresh: (v: unknown) => void = () => undefined;
    const request = vi.fn(async (q: Operation) => {
      if (q === LOGIN_MUTATION) return { login: payload(1) };
      if (q === REFRESH_MUTATION) return new Promise((resolve) => (answerRefresh = resolve));
      return { logout: true };
    });
    const store = new SessionStore(request as never, storage);
    await store.login({ email: 'a@b.c', password: 'pw' });
    const renewal = store.refresh();
    await store.logout();
    answerRefresh({ refreshSession: payload(2) });
    expect(await renewal).toBe(false);
    expect(store.getState()).toEqual({ status: 'signed-out', me: null });
    expect(storage.getItem(REFRESH_TOKEN_KEY)).toBeNull();
  });
});
