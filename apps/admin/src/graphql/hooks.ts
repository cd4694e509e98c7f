/**
 * Data hooks over the session's authorised requests, typed by the documents codegen generates in
 * src/gql (`graphql(`query …`)` gives a TypedDocumentString carrying its result and variables).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useSessionStore } from '../auth/SessionContext';
import type { TypedDocumentString } from '../gql/graphql';

export interface QueryState<R> {
  data: R | undefined;
  error: unknown;
  /** True until the first answer, and while reloading. */
  loading: boolean;
  reload: () => void;
}

export interface QueryOptions {
  /** Do not run (yet): e.g. until a school is picked. */
  skip?: boolean;
  /** Re-run every so many ms while mounted (progress of a job). */
  pollMs?: number;
}

export function useQuery<R, V>(document: TypedDocumentString<R, V>, variables: V, options: QueryOptions = {}): QueryState<R> {
  const store = useSessionStore();
  const [state, setState] = useState<{ data: R | undefined; error: unknown; loading: boolean }>({
    data: undefined,
    error: undefined,
    loading: !options.skip,
  });
  const [nonce, setNonce] = useState(0);
  const key = JSON.stringify(variables ?? {});
  const reload = useCallback(() => setNonce((n) => n + 1), []);

  useEffect(() => {
    if (options.skip) return;
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    store
      .authorized<R>(document, JSON.parse(key) as object)
      .then((data) => live && setState({ data, error: undefined, loading: false }))
      .catch((error: unknown) => live && setState((s) => ({ data: s.data, error, loading: false })));
    return () => {
      live = false;
    };
  }, [store, document, key, options.skip, nonce]);

  useEffect(() => {
    if (!options.pollMs || options.skip) return;
    const timer = setInterval(reload, options.pollMs);
    return () => clearInterval(timer);
  }, [options.pollMs, options.skip, reload]);

  return { ...state, reload };
}

/** A mutation as a function; `running` while one is in flight. Errors are thrown to the caller (forms map them). */
export function useMutation<R, V>(document: TypedDocumentString<R, V>): [(variables: V) => Promise<R>, { running: boolean }] {
  const store = useSessionStore();
  const [running, setRunning] = useState(false);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const run = useCallback(
    async (variables: V): Promise<R> => {
      setRunning(true);
      try {
        return await store.authorized<R>(document, variables as object);
      } finally {
        if (mounted.current) setRunning(false);
      }
    },
    [store, document],
  );
  return [run, { running }];
}
