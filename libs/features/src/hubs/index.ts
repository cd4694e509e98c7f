export * from './hubs.module';
export { ClusterType, ClusterConnection } from './cluster.types';
export { ClustersService } from './clusters.service';
export { clusterLoader } from './hub-loaders';
export { HubType, HubSettingsType, MatchingWeightsInput, MatchingWeightsType } from './hub.types';
export { INVITATION_LINK_PURPOSE, invitationAcceptUrl } from './mail/invitation.composer';
export { HUB_MAIL_COMPOSERS } from './mail/hub-mail-composers';
export { invitationEmail, type InvitationEmailInput } from './mail/invitation-email';
