import * as clock from '../../clock';
/**
 * Offers. Employers (and the hub's coordinators) post and edit them; school staff browse the
 * published ones to ask for a specific session.
 */
import { useState } from 'react';
import type { Me } from '../../auth/types';
import { graphql } from '../../gql';
import { useQuery } from '../../graphql/hooks';
import { href, navigate } from '../../routing/location';
import { ACTIVITY_TYPES, choicesOf, FORMATS, formatDate, label, yearGroupsText } from '../../ui/format';
import { Pager, usePageCursor } from '../../ui/Pager';
import { EmptyState, PageHeader, QueryView } from '../../ui/states';
import { EMPTY_OFFER, OfferForm } from './OfferForm';

export const OFFERS = graphql(`
  query Offers($first: Int, $after: String, $filter: OfferFilter) {
    offers(first: $first, after: $after, filter: $filter) {
      nodes {
        id
        title
        activityType
        format
        benchmark
        pupilsPerSession
        sessionsAvailable
        yearGroups
        status
        employer {
          id
          name
        }
        sessions {
          id
          startsAt
          endsAt
          status
          capacity
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
      totalCount
    }
  }
`);

export function canEditOffers(me: Me): boolean {
  return me.role === 'EMPLOYER_CONTACT' || me.role === 'COORDINATOR' || me.role === 'HUB_ADMIN';
}

export function OffersPage({ me }: { me: Me }) {
  const cursor = usePageCursor();
  const [activityType, setActivityType] = useState('');
  const [yearGroup, setYearGroup] = useState('');
  const isSchool = me.role === 'SCHOOL_STAFF';
  const offers = useQuery(OFFERS, {
    first: 20,
    after: cursor.after,
    filter: {
      ...(activityType ? { activityType } : {}),
      ...(yearGroup ? { yearGroup: Number(yearGroup) } : {}),
      ...(isSchool ? { status: 'published' } : {}),
    },
  });
  const today = clock.now().toISOString();
  return (
    <>
      <PageHeader
        title={isSchool ? 'Find a session' : me.role === 'EMPLOYER_CONTACT' ? 'Your offers' : 'Offers'}
        lede={
          isSchool
            ? 'What employers offer, with their open sessions: ask for the one that suits your pupils.'
            : 'What employers can offer schools, for whom, and when.'
        }
        actions={
          canEditOffers(me) && (
            <a className="button button--primary button--inline" href={href('offers', 'new')}>
              Post an offer
            </a>
          )
        }
      />
      <div className="toolbar">
        <label htmlFor="offer-activity">Activity</label>
        <select id="offer-activity" value={activityType} onChange={(e) => (setActivityType(e.target.value), cursor.reset())}>
          <option value="">Any</option>
          {choicesOf(ACTIVITY_TYPES).map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
        <label htmlFor="offer-year">Year group</label>
        <select id="offer-year" value={yearGroup} onChange={(e) => (setYearGroup(e.target.value), cursor.reset())}>
          <option value="">Any</option>
          {[7, 8, 9, 10, 11, 12, 13].map((y) => (
            <option key={y} value={y}>{`Year ${y}`}</option>
          ))}
        </select>
      </div>
      <QueryView state={offers} what="Loading offers">
        {(d) =>
          d.offers.nodes.length === 0 ? (
            <EmptyState title={activityType || yearGroup ? 'No offer matches' : 'No offers yet'}>
              {activityType || yearGroup
                ? 'Try another activity or year group, or post a request and your coordinator will find an employer.'
                : me.role === 'EMPLOYER_CONTACT'
                  ? 'Post your first offer: pick an activity, say when you are available and how many pupils you can take.'
                  : isSchool
                    ? 'No employer has published an offer yet. Post a request on the Requests page: your coordinator will find one.'
                    : 'Offers appear here once employers post them. Invite an employer contact from People.'}
            </EmptyState>
          ) : (
            <>
              <table className="table">
                <caption className="visually-hidden">Offers</caption>
                <thead>
                  <tr>
                    <th scope="col">Offer</th>
                    <th scope="col">Employer</th>
                    <th scope="col">Activity</th>
                    <th scope="col">Where</th>
                    <th scope="col">Benchmark</th>
                    <th scope="col">For</th>
                    <th scope="col">Next open session</th>
                  </tr>
                </thead>
                <tbody>
                  {d.offers.nodes.map((o) => {
                    const next = o.sessions
                      .filter((s) => s.status === 'open' && s.startsAt > today)
                      .sort((a, b) => a.startsAt.localeCompare(b.startsAt))[0];
                    return (
                      <tr key={o.id}>
                        <th scope="row">
                          <a href={href('offers', o.id)}>{o.title}</a>
                          {o.status !== 'published' && <span className="tag tag--draft">{o.status}</span>}
                        </th>
                        <td>{o.employer.name}</td>
                        <td>{label(ACTIVITY_TYPES, o.activityType)}</td>
                        <td>{label(FORMATS, o.format)}</td>
                        <td>{`BM${o.benchmark}`}</td>
                        <td>{`${yearGroupsText(o.yearGroups)}, ${o.pupilsPerSession} a session`}</td>
                        <td>{next ? formatDate(next.startsAt) : <span className="muted">None open</span>}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
              <Pager
                cursor={cursor}
                hasNextPage={d.offers.pageInfo.hasNextPage}
                endCursor={d.offers.pageInfo.endCursor}
                totalCount={d.offers.totalCount}
                noun="offers"
              />
            </>
          )
        }
      </QueryView>
    </>
  );
}

export function NewOfferPage({ me }: { me: Me }) {
  return (
    <>
      <p className="breadcrumb">
        <a href={href('offers')}>Offers</a> /
      </p>
      <PageHeader title="Post an offer" lede="Light-touch offers are welcome: a 20-minute virtual tour counts as much as an insight day." />
      <OfferForm me={me} initial={EMPTY_OFFER} onSaved={(id) => navigate(href('offers', id))} />
    </>
  );
}
