export * from './employers.module';
export * from './employers.service';
export * from './employer.types';
export * from './employer-loaders';
export { londonToday, vettingStatusOn, type VettingStatusOn } from './employer-rules';
