import { Module } from '@nestjs/common';
import { AuthModule } from '@tandem/features/auth';
import { SchoolRepository } from '@tandem/features/schools';
import { ClusterRepository, ScopeEmployerRepository } from './clusters.repository';
import { ClustersResolver } from './clusters.resolver';
import { ClustersService } from './clusters.service';
import { HubsResolver } from './hubs.resolver';
import { HubsService } from './hubs.service';
import { InvitationRepository } from './invitations.repository';
import { InvitationsResolver } from './invitations.resolver';
import { InvitationsService } from './invitations.service';
import { MembershipRepository } from './memberships.repository';
import { MembershipsResolver } from './memberships.resolver';
import { MembershipsService } from './memberships.service';
import { ScopeTargets } from './scope-targets';

/**
 * Hubs (tenants) and who is in them: clusters, memberships and invitations by emailed link.
 * Exports ClustersService for other features' `cluster` fields (with clusterLoader).
 */
@Module({
  imports: [AuthModule],
  providers: [
    ClusterRepository,
    SchoolRepository,
    ScopeEmployerRepository,
    MembershipRepository,
    InvitationRepository,
    ScopeTargets,
    ClustersService,
    MembershipsService,
    InvitationsService,
    HubsService,
    ClustersResolver,
    MembershipsResolver,
    InvitationsResolver,
    HubsResolver,
  ],
  exports: [ClustersService],
})
export class HubsModule {}
