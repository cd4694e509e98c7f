export * from './http-endpoint';
export * from './health-checks';
