import * as clock from '../clock';
/**
 * The session: access token in memory only, refresh token in sessionStorage (survives a reload of
 * this tab, not a closed browser). The access token is renewed with `refreshSession` shortly before
 * it expires, and once more when the server says it is no longer valid.
 */
import { GraphQLRequestError, graphqlRequest, uploadRequest, type Operation, type RequestOptions } from '../graphql/client';
import { graphql } from '../gql';
import type { AcceptInvitationInput } from '../gql/graphql';
import type { AuthPayload, LoginInput, Me } from './types';

// Each operation spells out the auth fields (codegen types every document on its own).
export const LOGIN_MUTATION = graphql(`
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      accessToken
      refreshToken
      accessTokenExpiresAt
      me {
        userId
        email
        displayName
        tenantId
        tenantName
        tenantSlug
        membershipId
        role
        clusterId
        schoolId
        employerId
      }
    }
  }
`);
export const REFRESH_MUTATION = graphql(`
  mutation RefreshSession($refreshToken: String!) {
    refreshSession(refreshToken: $refreshToken) {
      accessToken
      refreshToken
      accessTokenExpiresAt
      me {
        userId
        email
        displayName
        tenantId
        tenantName
        tenantSlug
        membershipId
        role
        clusterId
        schoolId
        employerId
      }
    }
  }
`);
export const SWITCH_MUTATION = graphql(`
  mutation SwitchMembership($membershipId: ID!, $refreshToken: String) {
    switchMembership(membershipId: $membershipId, refreshToken: $refreshToken) {
      accessToken
      refreshToken
      accessTokenExpiresAt
      me {
        userId
        email
        displayName
        tenantId
        tenantName
        tenantSlug
        membershipId
        role
        clusterId
        schoolId
        employerId
      }
    }
  }
`);
export const ACCEPT_INVITATION_MUTATION = graphql(`
  mutation AcceptInvitation($input: AcceptInvitationInput!) {
    acceptInvitation(input: $input) {
      accessToken
      refreshToken
      accessTokenExpiresAt
      me {
        userId
        email
        displayName
        tenantId
        tenantName
        tenantSlug
        membershipId
        role
        clusterId
        schoolId
        employerId
      }
    }
  }
`);
export const LOGOUT_MUTATION = graphql(`
  mutation Logout($refreshToken: String!) {
    logout(refreshToken: $refreshToken)
  }
`);

export const REFRESH_TOKEN_KEY = 'tandem.refreshToken';
/** Renew this long before the access token expires. */
const RENEW_BEFORE_MS = 60_000;

export type SessionStatus = 'restoring' | 'signed-out' | 'signed-in';

export interface SessionState {
  status: SessionStatus;
  me: Me | null;
}

type Request = <T>(query: Operation, variables?: object, options?: RequestOptions) => Promise<T>;

export class SessionStore {
  private accessToken: string | null = null;
  private state: SessionState = { status: 'signed-out', me: null };
  private readonly listeners = new Set<() => void>();
  private renewTimer: ReturnType<typeof setTimeout> | undefined;
  private refreshing: Promise<boolean> | null = null;
  /** How many sessions have ended here: a renewal that was in flight when its session ended is dropped. */
  private ended = 0;

  constructor(
    private readonly request: Request = (q, v, o) => graphqlRequest(q, v, o),
    private readonly storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null = safeSessionStorage(),
  ) {
    // With a stored refresh token we are about to resume: show "signing you in", not the log-in form.
    if (this.storage?.getItem(REFRESH_TOKEN_KEY)) this.state = { status: 'restoring', me: null };
  }

  getState = (): SessionState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  async login(input: LoginInput): Promise<Me> {
    const variables = {
      input: {
        email: input.email.trim(),
        password: input.password,
        ...(input.tenantSlug?.trim() ? { tenantSlug: input.tenantSlug.trim() } : {}),
      },
    };
    const data = await this.request<{ login: AuthPayload }>(LOGIN_MUTATION, variables);
    this.accept(data.login);
    return data.login.me;
  }

  /** On start-up: resume the session from the stored refresh token, if any. */
  async restore(): Promise<void> {
    if (!this.storage?.getItem(REFRESH_TOKEN_KEY)) {
      this.set({ status: 'signed-out', me: null });
      return;
    }
    this.set({ status: 'restoring', me: null });
    const ok = await this.refresh();
    if (!ok) this.set({ status: 'signed-out', me: null });
  }

  /** Exchanges the refresh token for a new pair; false (and signed out) if it is no longer valid. */
  refresh(): Promise<boolean> {
    if (this.refreshing) return this.refreshing;
    const refreshToken = this.storage?.getItem(REFRESH_TOKEN_KEY);
    if (!refreshToken) return Promise.resolve(false);
    const session = this.ended;
    this.refreshing = this.request<{ refreshSession: AuthPayload }>(REFRESH_MUTATION, { refreshToken })
      .then((data) => {
        // Logged out while the renewal was on its way: it must not sign the user back in.
        if (this.ended !== session) return false;
        this.accept(data.refreshSession);
        return true;
      })
      .catch((err: unknown) => {
        // A network blip keeps the stored token for the next try; a refused token ends the session.
        if (err instanceof GraphQLRequestError && err.kind === 'network') return false;
        this.clear();
        return false;
      })
      .finally(() => {
        this.refreshing = null;
      });
    return this.refreshing;
  }

  /** Accepts an emailed invitation and starts a session as the new member. */
  async acceptInvitation(input: AcceptInvitationInput): Promise<Me> {
    const data = await this.request<{ acceptInvitation: AuthPayload }>(ACCEPT_INVITATION_MUTATION, { input });
    this.accept(data.acceptInvitation);
    return data.acceptInvitation.me;
  }

  /** Acts in another of the user's memberships: a new session there; the old one is ended. */
  async switchMembership(membershipId: string): Promise<Me> {
    const refreshToken = this.storage?.getItem(REFRESH_TOKEN_KEY) ?? null;
    const data = await this.authorized<{ switchMembership: AuthPayload }>(SWITCH_MUTATION, { membershipId, refreshToken });
    this.accept(data.switchMembership);
    return data.switchMembership.me;
  }

  async logout(): Promise<void> {
    const refreshToken = this.storage?.getItem(REFRESH_TOKEN_KEY);
    this.clear();
    if (refreshToken) {
      await this.request(LOGOUT_MUTATION, { refreshToken }).catch(() => undefined);
    }
  }

  /** An authenticated request; renews the access token once if the server refuses it. */
  /** Uploads a file to an API path with the session's token (renewed once if it had expired). */
  async authorizedUpload<T>(path: string, file: Blob | string, contentType: string): Promise<T> {
    try {
      return await uploadRequest<T>(path, file, contentType, { token: this.accessToken });
    } catch (err) {
      if (
        err instanceof GraphQLRequestError &&
        (err.hasCode('UNAUTHENTICATED') || err.hasCode('TOKEN_EXPIRED')) &&
        (await this.refresh())
      ) {
        return uploadRequest<T>(path, file, contentType, { token: this.accessToken });
      }
      throw err;
    }
  }

  async authorized<T>(query: Operation, variables?: object): Promise<T> {
    try {
      return await this.request<T>(query, variables, { token: this.accessToken });
    } catch (err) {
      if (
        err instanceof GraphQLRequestError &&
        (err.hasCode('UNAUTHENTICATED') || err.hasCode('TOKEN_EXPIRED')) &&
        (await this.refresh())
      ) {
        return this.request<T>(query, variables, { token: this.accessToken });
      }
      throw err;
    }
  }

  private accept(payload: AuthPayload): void {
    this.accessToken = payload.accessToken;
    this.storage?.setItem(REFRESH_TOKEN_KEY, payload.refreshToken);
    this.scheduleRenewal(payload.accessTokenExpiresAt);
    this.set({ status: 'signed-in', me: payload.me });
  }

  private clear(): void {
    this.ended += 1;
    this.accessToken = null;
    this.storage?.removeItem(REFRESH_TOKEN_KEY);
    if (this.renewTimer) clearTimeout(this.renewTimer);
    this.set({ status: 'signed-out', me: null });
  }

  private scheduleRenewal(expiresAt: string): void {
    if (this.renewTimer) clearTimeout(this.renewTimer);
    const inMs = new Date(expiresAt).getTime() - clock.now().getTime() - RENEW_BEFORE_MS;
    if (!Number.isFinite(inMs)) return;
    this.renewTimer = setTimeout(() => void this.refresh(), Math.max(inMs, 5_000));
  }

  private set(state: SessionState): void {
    this.state = state;
    this.listeners.forEach((l) => l());
  }
}

function safeSessionStorage(): Storage | null {
  try {
    return typeof window !== 'undefined' ? window.sessionStorage : null;
  } catch {
    return null; // storage disabled: the session lasts as long as the page
  }
}
