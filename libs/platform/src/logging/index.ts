export * from './correlation-id';
export * from './json-logger';
export * from './logging.module';
export * from './process-logging';
