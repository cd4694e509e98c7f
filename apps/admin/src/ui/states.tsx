/** Loading, error and empty states: every page says what is happening and what to do next. */
import type { ReactNode } from 'react';
import { errorMessage } from './form-errors';

export function Loading({ what = 'Loading' }: { what?: string }) {
  return (
    <p className="loading" role="status" aria-live="polite">
      {what}…
    </p>
  );
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <div className="error-state" role="alert">
      <p>
        <strong>Could not load this.</strong> {errorMessage(error)}
      </p>
      {onRetry && (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

export function EmptyState({ title, children, action }: { title: string; children: ReactNode; action?: ReactNode }) {
  return (
    <section className="empty-state" aria-label={title}>
      <h2>{title}</h2>
      <div className="next">{children}</div>
      {action && <div className="empty-state__action">{action}</div>}
    </section>
  );
}

/** Shows loading / error / the content of a query, in that order. */
export function QueryView<R>({
  state,
  children,
  what,
}: {
  state: { data: R | undefined; error: unknown; loading: boolean; reload: () => void };
  children: (data: R) => ReactNode;
  what?: string;
}) {
  if (state.error && !state.data) return <ErrorState error={state.error} onRetry={state.reload} />;
  if (!state.data) return <Loading what={what} />;
  return <>{children(state.data)}</>;
}

export function PageHeader({ title, lede, actions }: { title: string; lede?: ReactNode; actions?: ReactNode }) {
  return (
    <div className="page-header">
      <div>
        <h1 className="page-title">{title}</h1>
        {lede && <p className="lede">{lede}</p>}
      </div>
      {actions && <div className="page-actions">{actions}</div>}
    </div>
  );
}

/** A status message after an action (“Invitation sent to …”). */
export function Notice({ children, tone = 'success' }: { children: ReactNode; tone?: 'success' | 'error' }) {
  return (
    <p className={`notice notice--${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {children}
    </p>
  );
}
