export * from './loader-registry';
export * from './context';
export * from './query-limits';
export * from './calendar-date.scalar';
export * from './pagination';
export * from './correlation-plugin';
export * from './graphql-config';
export * from './graphql-platform.module';
