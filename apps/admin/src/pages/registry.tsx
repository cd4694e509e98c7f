/** Which component shows which page (and its sub-pages: `#/offers/new`, `#/bookings/<id>`…). */
import { lazy, Suspense, type ReactNode } from 'react';
import type { Me } from '../auth/types';
import type { AppRoute } from '../routing/location';
import type { PageKey } from '../shell/nav';
import { EmptyState, Loading } from '../ui/states';
import { AccountPage } from './account/AccountPage';
import { BookingDetailPage, BookingsPage } from './bookings/BookingsPage';
import { CockpitPage } from './dashboard/CockpitPage';
import { SchoolDashboard } from './dashboard/SchoolDashboard';
import { EmployerDetailPage } from './employers/EmployerDetailPage';
import { EmployersPage } from './employers/EmployersPage';
import { EncounterDetailPage } from './encounters/EncounterDetailPage';
import { EncountersPage, NewEncounterPage } from './encounters/EncountersPage';
import { ClustersPage } from './hub/ClustersPage';
import { HubsPage } from './hub/HubsPage';
import { PeoplePage } from './hub/PeoplePage';
import { SchoolsPage } from './hub/SchoolsPage';
import { SettingsPage } from './hub/SettingsPage';
import { MatchingPage } from './matching/MatchingPage';
import { OfferDetailPage } from './offers/OfferDetailPage';
import { NewOfferPage, OffersPage } from './offers/OffersPage';
import { RequestsPage } from './requests/RequestsPage';

// Pages with charts load with the charting library, in their own chunk.
const CoverageOverview = lazy(() => import('./coverage/CoverageOverview').then((m) => ({ default: m.CoverageOverview })));
const SchoolProgress = lazy(() => import('./coverage/SchoolProgress').then((m) => ({ default: m.SchoolProgress })));
const PupilsPage = lazy(() => import('./pupils/PupilsPage').then((m) => ({ default: m.PupilsPage })));
const ImpactPage = lazy(() => import('./impact/ImpactPage').then((m) => ({ default: m.ImpactPage })));

function Charts({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Loading what="Loading charts" />}>{children}</Suspense>;
}

export function PageOutlet({ page, me, route }: { page: PageKey; me: Me; route: AppRoute }) {
  const id = route.page === page ? route.rest[0] : undefined;
  switch (page) {
    case 'dashboard':
      return me.role === 'SCHOOL_STAFF' ? (
        <SchoolDashboard
          me={me}
          progress={
            me.schoolId ? (
              <Charts>
                <SchoolProgress schoolId={me.schoolId} />
              </Charts>
            ) : undefined
          }
        />
      ) : (
        <CockpitPage
          me={me}
          coverage={
            <Charts>
              <CoverageOverview me={me} />
            </Charts>
          }
        />
      );
    case 'hubs':
      return <HubsPage />;
    case 'schools':
      return <SchoolsPage me={me} />;
    case 'clusters':
      return <ClustersPage />;
    case 'people':
      return <PeoplePage me={me} />;
    case 'employers':
      return id ? <EmployerDetailPage key={id} employerId={id} /> : <EmployersPage />;
    case 'organisation':
      return me.employerId ? (
        <EmployerDetailPage employerId={me.employerId} own />
      ) : (
        <EmptyState title="No organisation">Your membership is not linked to an employer. Ask your hub admin.</EmptyState>
      );
    case 'offers':
      return id === 'new' ? <NewOfferPage me={me} /> : id ? <OfferDetailPage key={id} me={me} offerId={id} /> : <OffersPage me={me} />;
    case 'requests':
      return <RequestsPage me={me} />;
    case 'matching':
      return <MatchingPage key={id ?? 'latest'} me={me} runId={id} />;
    case 'bookings':
      return id ? <BookingDetailPage key={id} me={me} bookingId={id} /> : <BookingsPage me={me} />;
    case 'pupils':
      return (
        <Charts>
          <PupilsPage me={me} />
        </Charts>
      );
    case 'settings':
      return <SettingsPage me={me} />;
    case 'account':
      return <AccountPage me={me} />;
    case 'encounters':
      return id === 'new' ? (
        <NewEncounterPage me={me} />
      ) : id ? (
        <EncounterDetailPage key={id} me={me} encounterId={id} />
      ) : (
        <EncountersPage me={me} />
      );
    case 'impact':
      return (
        <Charts>
          <ImpactPage me={me} />
        </Charts>
      );
  }
}
