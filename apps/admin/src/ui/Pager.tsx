/** Cursor paging for the API's connections: “Previous” / “Next” over `first`/`after`. */
import { useState } from 'react';

export interface PageCursor {
  after: string | null;
  /** Call with the connection's pageInfo.endCursor. */
  next: (endCursor: string | null | undefined) => void;
  previous: () => void;
  reset: () => void;
  page: number;
}

export function usePageCursor(): PageCursor {
  const [stack, setStack] = useState<(string | null)[]>([null]);
  return {
    after: stack[stack.length - 1] ?? null,
    next: (end) => end && setStack((s) => [...s, end]),
    previous: () => setStack((s) => (s.length > 1 ? s.slice(0, -1) : s)),
    reset: () => setStack([null]),
    page: stack.length,
  };
}

export function Pager({
  cursor,
  hasNextPage,
  totalCount,
  endCursor,
  noun,
}: {
  cursor: PageCursor;
  hasNextPage: boolean;
  totalCount: number;
  endCursor: string | null | undefined;
  noun: string;
}) {
  if (cursor.page === 1 && !hasNextPage) return <p className="small">{`${totalCount.toLocaleString('en-GB')} ${noun}`}</p>;
  return (
    <nav className="pager" aria-label={`Pages of ${noun}`}>
      <span className="small">{`Page ${cursor.page} · ${totalCount.toLocaleString('en-GB')} ${noun} in all`}</span>
      <button type="button" className="button button--secondary" disabled={cursor.page === 1} onClick={cursor.previous}>
        Previous
      </button>
      <button type="button" className="button button--secondary" disabled={!hasNextPage} onClick={() => cursor.next(endCursor)}>
        Next
      </button>
    </nav>
  );
}
