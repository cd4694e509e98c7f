export * from './retention.service';
export * from './retention.jobs';
export * from './retention.module';
