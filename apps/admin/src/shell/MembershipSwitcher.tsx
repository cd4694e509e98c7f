/** “Acting as”: for someone with several memberships (hubs or roles), a switch between them. */
import { useState } from 'react';
import { useSessionStore } from '../auth/SessionContext';
import { ROLE_LABELS } from '../auth/types';
import { graphql } from '../gql';
import { useQuery } from '../graphql/hooks';
import { errorMessage } from '../ui/form-errors';

export const MY_MEMBERSHIPS = graphql(`
  query MyMemberships {
    myMemberships {
      membershipId
      tenantName
      tenantSlug
      role
      current
    }
  }
`);

export function MembershipSwitcher() {
  const store = useSessionStore();
  const { data } = useQuery(MY_MEMBERSHIPS, {});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const memberships = data?.myMemberships ?? [];
  if (memberships.length < 2) return null;
  const current = memberships.find((m) => m.current)?.membershipId ?? '';
  return (
    <div className="switcher">
      <label htmlFor="membership-switch">Acting as</label>
      <select
        id="membership-switch"
        value={current}
        disabled={busy}
        onChange={(e) => {
          setBusy(true);
          setError(null);
          store
            .switchMembership(e.target.value)
            .then(() => {
              window.location.hash = '#/';
            })
            .catch((err: unknown) => setError(errorMessage(err)))
            .finally(() => setBusy(false));
        }}
      >
        {memberships.map((m) => (
          <option key={m.membershipId} value={m.membershipId}>
            {m.tenantName} — {ROLE_LABELS[m.role]}
          </option>
        ))}
      </select>
      {error && (
        <span role="alert" className="switcher__error">
          {error}
        </span>
      )}
    </div>
  );
}
