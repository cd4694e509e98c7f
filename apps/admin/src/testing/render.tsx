/**
 * Component tests: render inside a SessionProvider whose store answers GraphQL operations from a
 * table (by operation name), so pages run their real queries without a server.
 */
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { vi } from 'vitest';
import { SessionProvider } from '../auth/SessionContext';
import { SessionStore } from '../auth/session';
import type { Operation } from '../graphql/client';

export type Answers = Record<string, (variables: Record<string, unknown>) => unknown>;

export function operationName(query: Operation): string {
  return /(?:query|mutation)\s+(\w+)/.exec(String(query))?.[1] ?? 'anonymous';
}

/** A store whose requests are answered from `answers`; unknown operations never resolve (pages stay "loading"). */
export function fakeStore(answers: Answers = {}) {
  const request = vi.fn(async (query: Operation, variables?: object) => {
    const answer = answers[operationName(query)];
    if (!answer) return new Promise(() => undefined);
    return answer((variables ?? {}) as Record<string, unknown>);
  });
  const storage = new Map<string, string>();
  const store = new SessionStore(request as never, {
    getItem: (k) => storage.get(k) ?? null,
    setItem: (k, v) => void storage.set(k, v),
    removeItem: (k) => void storage.delete(k),
  });
  return { store, request };
}

export function renderWithStore(
  ui: ReactElement,
  answers: Answers = {},
): RenderResult & { request: ReturnType<typeof fakeStore>['request']; store: SessionStore } {
  const { store, request } = fakeStore(answers);
  return { ...render(<SessionProvider store={store}>{ui}</SessionProvider>), request, store };
}
