export * from './employers.module';
export * from './employers.service';
export * from './employer.types';
export * from './employer-loaders';
export { vettingStatusOn, type VettingStatusOn } from './employer-rules';
