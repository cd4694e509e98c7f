import type { Role } from '../auth/types';
import type { PageKey } from '../shell/nav';
import { emptyStateFor } from './content';

export function EmptyPage({ page, role }: { page: PageKey; role: Role }) {
  const copy = emptyStateFor(page, role);
  return (
    <>
      <h1 className="page-title">{copy.title}</h1>
      <section className="empty-state" aria-labelledby="empty-heading">
        <h2 id="empty-heading">Nothing here yet</h2>
        <p>
          <strong>This page will show: </strong>
          {copy.willShow}
        </p>
        <p className="next">
          <strong>What to do next: </strong>
          {copy.next}
        </p>
      </section>
    </>
  );
}
