export * from './hubs.module';
export { ClusterType, ClusterConnection } from './cluster.types';
export { ClustersService } from './clusters.service';
export { clusterLoader } from './hub-loaders';
export { HubType, HubSettingsType, MatchingWeightsInput, MatchingWeightsType } from './hub.types';
