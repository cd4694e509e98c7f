export * from './http-endpoint';
export * from './health-checks';
export * from './schema-wait';
