export * from './schools.module';
export * from './schools.service';
export * from './school.types';
export * from './school-loaders';
export { SchoolRepository } from './schools.repository';
